import { createHash } from 'node:crypto';
import { normalise } from './leak-match.ts';
import type { ExportDocument } from './project-reader.ts';
import type { ResidualContext, ResidualRules } from './residual-scan.ts';

/**
 * The documents behind one output, as the residual scan needs them, gathered one document at a
 * time: the same key and rejected values `residualContextFor` makes from all of them at once
 * (so finding ids match `docket verify` and survive re-exports), without keeping the texts.
 */
export class ResidualSources {
  readonly #hash = createHash('sha256');
  readonly #decided = new Set<string>();

  add(doc: Pick<ExportDocument, 'text' | 'spans'>): void {
    this.#hash.update(doc.text).update('\0');
    for (const span of doc.spans) if (span.status === 'rejected') this.#decided.add(normalise(doc.text.slice(span.start, span.end)));
  }

  /** The context, once every document was added (the key is final then). */
  context(rules: ResidualRules, accepted: ReadonlySet<string>): ResidualContext {
    return { ...rules, key: this.#hash.digest('hex'), decided: this.#decided, accepted };
  }
}
