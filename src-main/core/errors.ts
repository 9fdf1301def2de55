/**
 * An error the analyst can act on: it says which file or thing, what is wrong and what to do.
 * `code` is stable and machine-readable; transports carry both fields to the UI and CLI.
 */
export class DocketError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DocketError';
    this.code = code;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
