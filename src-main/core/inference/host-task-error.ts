/** A failure inside the host that main reports as is: a stable code and a message that says what to do. */
export class HostTaskError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'HostTaskError';
    this.code = code;
  }
}
