// Who caused each project change, by the version number the app gives it: a view that reloads
// on changes can skip the ones its own edits caused (it patched itself already), and only those,
// even when several changes reach it in one update.
const KEEP = 500;

export interface ChangeFollower {
  /** Sent with the view's edits; the core echoes it on the change event they cause. */
  origin: string;
  /** Call with each new version: true when a change since the last call came from someone else. */
  reloadFor(version: number): boolean;
}

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

  /** A view's tag and its "reload now?" test; the first version it sees never asks for a reload. */
  follow(view: string): ChangeFollower {
    const origin = `${view}-${Math.random().toString(36).slice(2, 10)}`;
    let seen: number | null = null;
    return {
      origin,
      reloadFor: (version) => {
        const reload = seen !== null && version !== seen && this.othersBetween(seen, version, origin);
        seen = version;
        return reload;
      },
    };
  }
}
