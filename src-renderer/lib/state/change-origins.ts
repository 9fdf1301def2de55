// Who caused each project change, by the version number the app gives it: a view that reloads
// on changes can skip the ones its own edits caused, and only those, even when several changes
// reach it in one update.
const KEEP = 500;

export class ChangeOrigins {
  readonly #byVersion = new Map<number, string | undefined>();

  record(version: number, origin: string | undefined): void {
    this.#byVersion.set(version, origin);
    if (this.#byVersion.size > KEEP) this.#byVersion.delete(this.#byVersion.keys().next().value!);
  }

  /** Whether a change after version `from`, up to `to`, came from anyone but `origin` (forgotten ones count as others). */
  othersBetween(from: number, to: number, origin: string): boolean {
    for (let v = from + 1; v <= to; v++) {
      if (!this.#byVersion.has(v) || this.#byVersion.get(v) !== origin) return true;
    }
    return false;
  }
}
