/** Timestamps are ISO-8601 UTC strings everywhere in the store. */
export function now(): string {
  return new Date().toISOString();
}
