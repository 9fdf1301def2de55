import { createHash } from 'node:crypto';

/**
 * Records in order as a count and a running sha256: the export keeps one of what it meant to
 * write and one of what it read back from the file, and compares them, so the check holds
 * neither (a million documents, constant memory). Records are canonical JSON strings, which
 * hold no raw line break and no lone surrogate: "\n" separates them without ambiguity.
 */
export class RecordDigest {
  readonly #hash = createHash('sha256');
  #count = 0;

  add(record: string): void {
    this.#hash.update(record).update('\n');
    this.#count++;
  }

  get count(): number {
    return this.#count;
  }

  /** Ends the digest: equal seals, equal records in the same order. */
  seal(): string {
    return `${this.#count}:${this.#hash.digest('hex')}`;
  }
}
