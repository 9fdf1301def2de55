import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';
import { parseContent, serialiseContent, TEXT_SHOWING, type Operation } from './content-stream.ts';
import type { OptionalContent } from './optional-content.ts';
import { multiply, TextPlacement, type Matrix } from './text-placement.ts';

/** Resource kinds a page keeps, each only with the entries its content uses. */
const KINDS = ['Font', 'XObject', 'ExtGState', 'ColorSpace', 'Pattern', 'Shading'] as const;
type Kind = (typeof KINDS)[number];
const DEVICE_SPACES = new Set(['DeviceGray', 'DeviceRGB', 'DeviceCMYK', 'Pattern']);
/** Keys a sanitised Form XObject or tiling pattern keeps (no /OC, /Metadata, /PieceInfo, /StructParent, /Ref, /OPI). */
const FORM_KEYS = new Set(['Type', 'Subtype', 'FormType', 'BBox', 'Matrix', 'Group', 'PatternType', 'PaintType', 'TilingType', 'XStep', 'YStep']);

export class PageContentError extends Error {}

/**
 * Rewrites one page of the source document (which is never saved) so that copying it carries
 * only what a reader sees: marked-content property lists (/ActualText, /Alt, /E, /Lang, MCIDs)
 * are dropped, hidden optional content is deleted, and the page gets its own Resources holding
 * only what its content draws, with Form XObjects and tiling patterns rewritten the same way.
 * So a resource shared with other pages, or listed but never drawn, does not come along.
 * Throws PageContentError when the content cannot be read; the caller then renders the page.
 */
export class PageContentSanitiser {
  readonly #doc: PDFDocument;
  readonly #optional: OptionalContent;
  /** Sanitised copies of forms and patterns, by source ref: the result does not depend on the page. */
  readonly #copies = new Map<string, PDFRef>();
  readonly #inProgress = new Set<string>();

  constructor(doc: PDFDocument, optional: OptionalContent) {
    this.#doc = doc;
    this.#optional = optional;
  }

  /** Sections of hidden optional content the last `sanitise` deleted (its text would be in pdf.js's extraction). */
  hiddenSections = 0;

  sanitise(page: PDFPage): void {
    this.hiddenSections = 0;
    const node = page.node;
    // What lies outside the crop box is not on the page a reader sees: the media box becomes it.
    const crop = page.getCropBox();
    const media = page.getMediaBox();
    const x0 = Math.max(crop.x, media.x);
    const y0 = Math.max(crop.y, media.y);
    const x1 = Math.min(crop.x + crop.width, media.x + media.width);
    const y1 = Math.min(crop.y + crop.height, media.y + media.height);
    if (x1 <= x0 || y1 <= y0) throw new PageContentError('its crop box lies outside its media box');
    const source = contentOf(this.#doc, node.get(PDFName.of('Contents')));
    const { content, resources } = this.#rewrite(source, node.Resources(), [x0, y0, x1, y1]);
    const context = this.#doc.context;
    node.set(PDFName.of('Contents'), context.register(context.flateStream(content)));
    node.set(PDFName.of('Resources'), resources);
    page.setMediaBox(x0, y0, x1 - x0, y1 - y0);
    node.delete(PDFName.of('CropBox'));
  }

  /** `visible` (pages only): text starting outside it makes the page one to render instead. */
  #rewrite(source: string, resources: PDFDict | undefined, visible?: readonly [number, number, number, number]): { content: string; resources: PDFDict } {
    let ops: Operation[];
    try {
      ops = parseContent(source);
    } catch (error) {
      throw new PageContentError(`unreadable content stream (${(error as Error).message})`);
    }
    const used = new Map<Kind, Set<string>>(KINDS.map((k) => [k, new Set<string>()]));
    const lookup = (kind: string, name: string) => {
      const dict = resources ? this.#doc.context.lookupMaybe(resources.get(PDFName.of(kind)), PDFDict) : undefined;
      return dict?.get(PDFName.of(name));
    };
    const kept: Operation[] = [];
    const placement = visible ? new TextPlacement() : null;
    // Marked-content nesting: true where the section is hidden optional content.
    const stack: boolean[] = [];
    let hiddenDepth = 0;
    for (const op of ops) {
      const { operator, operands } = op;
      if (operator === 'BMC' || operator === 'BDC') {
        const props = operator === 'BDC' ? operands[1] : undefined;
        const target = props?.kind === 'name' ? lookup('Properties', props.name) : undefined;
        const hidden = hiddenDepth > 0 || (operands[0]?.kind === 'name' && operands[0].name === 'OC' && this.#optional.hidden(this.#doc, target));
        stack.push(hidden);
        if (hidden) {
          if (hiddenDepth++ === 0) this.hiddenSections++;
        } else kept.push(operator === 'BDC' ? { operator: 'BMC', operands: operands.slice(0, 1) } : op);
        continue;
      }
      if (operator === 'EMC') {
        const wasHidden = stack.pop();
        if (wasHidden) hiddenDepth--;
        else if (wasHidden === false) kept.push(op);
        continue;
      }
      if (operator === 'DP') {
        kept.push({ operator: 'MP', operands: operands.slice(0, 1) });
        continue;
      }
      const at = placement?.next(op);
      if (hiddenDepth > 0) {
        kept.push(...withoutPainting(op));
        continue;
      }
      if (at && visible && !inside(at, visible)) throw new PageContentError(`it has text outside its visible area (at ${at.map(Math.round).join(', ')})`);
      const last = operands[operands.length - 1];
      const name = (i: number) => (operands[i]?.kind === 'name' ? (operands[i] as { name: string }).name : null);
      if (operator === 'Do') {
        const xobject = name(0);
        if (xobject === null) continue;
        const target = this.#doc.context.lookup(lookup('XObject', xobject));
        const dict = target instanceof PDFStream ? target.dict : undefined;
        if (dict && this.#optional.hidden(this.#doc, dict.get(PDFName.of('OC')))) {
          this.hiddenSections++;
          continue;
        }
        if (dict && placement && visible && dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) {
          const reach = this.#formReach(dict, placement.ctm, visible);
          if (reach === 'outside') continue; // drawn where no reader sees it
          if (reach === 'across' && this.#showsText(target as PDFStream, 0)) throw new PageContentError('a form with text reaches outside its visible area');
        }
        used.get('XObject')!.add(xobject);
      } else if (operator === 'Tf' && name(0)) used.get('Font')!.add(name(0)!);
      else if (operator === 'gs' && name(0)) used.get('ExtGState')!.add(name(0)!);
      else if (operator === 'sh' && name(0)) used.get('Shading')!.add(name(0)!);
      else if ((operator === 'cs' || operator === 'CS') && name(0) && !DEVICE_SPACES.has(name(0)!)) used.get('ColorSpace')!.add(name(0)!);
      else if ((operator === 'scn' || operator === 'SCN') && last?.kind === 'name') used.get('Pattern')!.add(last.name);
      else if (operator === 'BI')
        for (const m of op.raw!.matchAll(/\/(?:CS|ColorSpace)\s*\/([^\s/[\]<>()]+)/g)) if (!DEVICE_SPACES.has(m[1]!)) used.get('ColorSpace')!.add(m[1]!);
      kept.push(op);
    }
    for (let open = stack.filter((h) => !h).length; open > 0; open--) kept.push({ operator: 'EMC', operands: [] });
    return { content: serialiseContent(kept), resources: this.#resourcesFor(resources, used) };
  }

  #resourcesFor(resources: PDFDict | undefined, used: Map<Kind, Set<string>>): PDFDict {
    const context = this.#doc.context;
    const out = context.obj({});
    const procSet = resources?.get(PDFName.of('ProcSet'));
    if (procSet) out.set(PDFName.of('ProcSet'), procSet);
    for (const kind of KINDS) {
      const names = used.get(kind)!;
      const from = resources ? context.lookupMaybe(resources.get(PDFName.of(kind)), PDFDict) : undefined;
      if (!from || names.size === 0) continue;
      const dict = context.obj({});
      for (const name of names) {
        const value = from.get(PDFName.of(name));
        if (value === undefined) continue;
        dict.set(
          PDFName.of(name),
          kind === 'XObject' || kind === 'Pattern' ? this.#sanitisedStream(value) : kind === 'ExtGState' ? this.#sanitisedState(value) : value,
        );
      }
      out.set(PDFName.of(kind), dict);
    }
    return out;
  }

  /** A Form XObject or tiling pattern rewritten like a page; images and shading patterns as they are. */
  #sanitisedStream(value: PDFObject): PDFObject {
    if (!(value instanceof PDFRef)) return value;
    const stream = this.#doc.context.lookup(value);
    if (!(stream instanceof PDFStream)) return value;
    const subtype = stream.dict.get(PDFName.of('Subtype'));
    const isForm = subtype === PDFName.of('Form');
    const isTiling = stream.dict.get(PDFName.of('PatternType')) !== undefined;
    if (!isForm && !isTiling) return value;
    const key = String(value);
    const done = this.#copies.get(key);
    if (done) return done;
    if (this.#inProgress.has(key)) throw new PageContentError('a form draws itself');
    this.#inProgress.add(key);
    try {
      const resources = this.#doc.context.lookupMaybe(stream.dict.get(PDFName.of('Resources')), PDFDict);
      const { content, resources: pruned } = this.#rewrite(contentOf(this.#doc, value), resources);
      const dict: Record<string, PDFObject> = {};
      for (const [k, v] of stream.dict.entries()) if (FORM_KEYS.has(k.asString().slice(1))) dict[k.asString().slice(1)] = v;
      const copy = this.#doc.context.flateStream(content, { ...dict, Resources: pruned });
      const ref = this.#doc.context.register(copy);
      this.#copies.set(key, ref);
      return ref;
    } finally {
      this.#inProgress.delete(key);
    }
  }

  /** Where a form's bounding box lands against the visible area, drawn under this matrix. */
  #formReach(dict: PDFDict, ctm: Matrix, [x0, y0, x1, y1]: readonly [number, number, number, number]): 'inside' | 'across' | 'outside' {
    const numbers = (key: string) =>
      this.#doc.context
        .lookupMaybe(dict.get(PDFName.of(key)), PDFArray)
        ?.asArray()
        .map((o) => Number(o.toString()));
    const bbox = numbers('BBox');
    if (!bbox || bbox.length !== 4 || !bbox.every(Number.isFinite)) return 'across';
    const matrix = numbers('Matrix');
    const m = multiply(matrix?.length === 6 && matrix.every(Number.isFinite) ? (matrix as Matrix) : [1, 0, 0, 1, 0, 0], ctm);
    const corners = [
      [bbox[0]!, bbox[1]!],
      [bbox[2]!, bbox[1]!],
      [bbox[0]!, bbox[3]!],
      [bbox[2]!, bbox[3]!],
    ].map(([x, y]) => [m[0] * x! + m[2] * y! + m[4], m[1] * x! + m[3] * y! + m[5]] as const);
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    if (Math.max(...xs) < x0 || Math.min(...xs) > x1 || Math.max(...ys) < y0 || Math.min(...ys) > y1) return 'outside';
    return corners.every((c) => inside(c, [x0, y0, x1, y1])) ? 'inside' : 'across';
  }

  /** Whether a form shows any text, itself or through the forms it draws. */
  #showsText(stream: PDFStream, depth: number): boolean {
    if (depth > 32) return true;
    let ops: Operation[];
    try {
      ops = parseContent(contentOf(this.#doc, stream));
    } catch {
      return true;
    }
    if (ops.some((op) => TEXT_SHOWING.has(op.operator))) return true;
    const xobjects = this.#doc.context.lookupMaybe(
      this.#doc.context.lookupMaybe(stream.dict.get(PDFName.of('Resources')), PDFDict)?.get(PDFName.of('XObject')),
      PDFDict,
    );
    return ops.some((op) => {
      if (op.operator !== 'Do' || op.operands[0]?.kind !== 'name' || !xobjects) return false;
      const inner = this.#doc.context.lookup(xobjects.get(PDFName.of(op.operands[0].name)));
      return inner instanceof PDFStream && inner.dict.get(PDFName.of('Subtype')) === PDFName.of('Form') && this.#showsText(inner, depth + 1);
    });
  }

  /** A graphics state whose soft mask draws a form gets that form sanitised too. */
  #sanitisedState(value: PDFObject): PDFObject {
    const state = this.#doc.context.lookupMaybe(value, PDFDict);
    const mask = state ? this.#doc.context.lookupMaybe(state.get(PDFName.of('SMask')), PDFDict) : undefined;
    const group = mask?.get(PDFName.of('G'));
    if (!state || !mask || !group) return value;
    const maskCopy = mask.clone(this.#doc.context);
    maskCopy.set(PDFName.of('G'), this.#sanitisedStream(group));
    const stateCopy = state.clone(this.#doc.context);
    stateCopy.set(PDFName.of('SMask'), maskCopy);
    return stateCopy;
  }
}

const PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);

/**
 * An operation inside hidden optional content, minus anything it draws: its state changes
 * stay (a relative Td or a cm in a hidden section still moves what follows), its marks go.
 */
function withoutPainting(op: Operation): Operation[] {
  const { operator, operands } = op;
  if (operator === 'Tj' || operator === 'TJ' || operator === 'Do' || operator === 'BI' || operator === 'sh') return [];
  if (PAINTING.has(operator)) return [{ operator: 'n', operands: [] }];
  if (operator === "'") return [{ operator: 'T*', operands: [] }];
  if (operator === '"')
    return [
      { operator: 'Tw', operands: operands.slice(0, 1) },
      { operator: 'Tc', operands: operands.slice(1, 2) },
      { operator: 'T*', operands: [] },
    ];
  return [op];
}

/** One point of slack: text set exactly on the crop line is on the page. */
function inside([x, y]: readonly [number, number], [x0, y0, x1, y1]: readonly [number, number, number, number]): boolean {
  return x >= x0 - 1 && x <= x1 + 1 && y >= y0 - 1 && y <= y1 + 1;
}

/** A page's or form's content as one latin1 string (a /Contents array is joined, as viewers do). */
function contentOf(doc: PDFDocument, contents: PDFObject | undefined): string {
  const target = doc.context.lookup(contents);
  const streams = target instanceof PDFArray ? target.asArray().map((o) => doc.context.lookup(o)) : target === undefined ? [] : [target];
  return streams
    .map((stream) => {
      if (stream instanceof PDFRawStream) {
        try {
          return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
        } catch (error) {
          throw new PageContentError(`a content stream cannot be decoded (${(error as Error).message})`);
        }
      }
      // Streams made by pdf-lib itself (not read from a file) hold their unencoded bytes.
      const made = stream as { getUnencodedContents?: () => Uint8Array };
      if (stream instanceof PDFStream && made.getUnencodedContents) return Buffer.from(made.getUnencodedContents()).toString('latin1');
      throw new PageContentError('the page content is not a stream');
    })
    .join('\n');
}
