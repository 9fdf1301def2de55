/** Why one input could not be imported; the batch reports it with the path and goes on. */
export class IngestError extends Error {
  readonly code: string;
  constructor(code: string, reason: string) {
    super(reason);
    this.name = 'IngestError';
    this.code = code;
  }
}
