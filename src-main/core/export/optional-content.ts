import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * Which optional content a viewer hides by default (the catalog's /OCProperties /D): content in
 * a hidden layer is invisible to a reader, so the sanitiser deletes it rather than let it ship
 * (removing /OCProperties alone would make it visible instead).
 */
export class OptionalContent {
  readonly #hidden = new Set<string>();
  readonly #baseOff: boolean;
  readonly #on = new Set<string>();

  constructor(doc: PDFDocument) {
    const props = doc.context.lookupMaybe(doc.catalog.get(PDFName.of('OCProperties')), PDFDict);
    const config = props ? doc.context.lookupMaybe(props.get(PDFName.of('D')), PDFDict) : undefined;
    this.#baseOff = config?.get(PDFName.of('BaseState')) === PDFName.of('OFF');
    const refs = (key: string) => {
      const array = config ? doc.context.lookupMaybe(config.get(PDFName.of(key)), PDFArray) : undefined;
      return array
        ? array
            .asArray()
            .filter((o): o is PDFRef => o instanceof PDFRef)
            .map(String)
        : [];
    };
    for (const ref of refs('OFF')) this.#hidden.add(ref);
    for (const ref of refs('ON')) this.#on.add(ref);
  }

  /** Whether any optional content is hidden at all (most documents have none). */
  get anyHidden(): boolean {
    return this.#hidden.size > 0 || this.#baseOff;
  }

  /** Whether content marked with this OCG or OCMD (a reference, or a dictionary) is hidden. */
  hidden(doc: PDFDocument, target: PDFObject | undefined): boolean {
    if (target instanceof PDFRef) {
      const dict = doc.context.lookupMaybe(target, PDFDict);
      if (dict?.get(PDFName.of('Type')) === PDFName.of('OCMD')) return this.#membershipHidden(doc, dict);
      return this.#groupHidden(String(target));
    }
    if (target instanceof PDFDict && target.get(PDFName.of('Type')) === PDFName.of('OCMD')) return this.#membershipHidden(doc, target);
    return false;
  }

  #groupHidden(ref: string): boolean {
    return this.#hidden.has(ref) || (this.#baseOff && !this.#on.has(ref));
  }

  /** An OCMD's /P policy over its /OCGs (/VE expressions are approximated by /P). */
  #membershipHidden(doc: PDFDocument, dict: PDFDict): boolean {
    const groups = dict.get(PDFName.of('OCGs'));
    const list =
      groups instanceof PDFRef && !doc.context.lookupMaybe(groups, PDFArray) ? [groups] : (doc.context.lookupMaybe(groups, PDFArray)?.asArray() ?? []);
    const states = list.filter((o): o is PDFRef => o instanceof PDFRef).map((ref) => !this.#groupHidden(String(ref)));
    if (states.length === 0) return false;
    const policy = dict.get(PDFName.of('P'));
    const visible =
      policy === PDFName.of('AllOn')
        ? states.every(Boolean)
        : policy === PDFName.of('AnyOff')
          ? states.some((s) => !s)
          : policy === PDFName.of('AllOff')
            ? states.every((s) => !s)
            : states.some(Boolean);
    return !visible;
  }
}
