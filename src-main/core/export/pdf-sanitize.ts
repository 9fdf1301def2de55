import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject, type PDFPage } from 'pdf-lib';

/**
 * The only page keys a carried-over page keeps. Everything else (annotations and form
 * widgets, page actions, XMP on the page, piece info, thumbnails, article beads, structure
 * links, transitions) is dropped *before* the copy, so none of it reaches the new file.
 */
const PAGE_KEYS = new Set(['Type', 'Parent', 'Resources', 'Contents', 'MediaBox', 'CropBox', 'Rotate', 'Group', 'UserUnit']);

/** Keys dropped from every object copied into the output: per-object XMP and private data. */
const OBJECT_KEYS_DROPPED = ['Metadata', 'PieceInfo', 'AA', 'OpenAction', 'JS', 'JavaScript', 'EmbeddedFiles', 'EmbeddedFile'];

/**
 * Opens the source with pdf-lib for copying pages, or null when it cannot (encrypted, or too
 * damaged): the caller then rasterises every page, which needs only pdf.js.
 */
export async function loadForCopy(bytes: Uint8Array): Promise<PDFDocument | null> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false, throwOnInvalidObject: false });
    return doc.isEncrypted ? null : doc;
  } catch {
    return null;
  }
}

/** Removes every key outside the whitelist from a source page, in place (the source is never saved). */
export function stripPage(page: PDFPage): void {
  for (const key of page.node.keys()) {
    if (!PAGE_KEYS.has(key.asString().slice(1))) page.node.delete(key);
  }
}

/** A fresh document: no Info dictionary, no XMP, no producer stamp. */
export async function freshDocument(): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.context.trailerInfo.Info = undefined;
  return doc;
}

/**
 * Final pass before saving: drops private keys from every object, then deletes every object
 * not reachable from the catalog. pdf-lib writes all objects it holds, reachable or not, so
 * without this an object copied along by a reference and later unlinked would still ship.
 */
export function finalise(doc: PDFDocument): void {
  const context = doc.context;
  context.trailerInfo.Info = undefined;
  context.trailerInfo.Encrypt = undefined;
  context.trailerInfo.ID = undefined;
  const catalog = doc.catalog;
  for (const key of catalog.keys()) {
    const name = key.asString().slice(1);
    if (name !== 'Type' && name !== 'Pages') catalog.delete(key);
  }
  // pdf-lib gives new pages an empty /Annots; the whitelist applies to output pages as well.
  for (const page of doc.getPages()) stripPage(page);
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : null;
    if (!dict) continue;
    for (const key of OBJECT_KEYS_DROPPED) dict.delete(PDFName.of(key));
  }
  const reachable = new Set<string>();
  const queue: Array<PDFObject | undefined> = [context.trailerInfo.Root];
  while (queue.length > 0) {
    const object = queue.pop();
    if (object instanceof PDFRef) {
      const tag = object.toString();
      if (reachable.has(tag)) continue;
      reachable.add(tag);
      const target = context.lookup(object);
      if (target) queue.push(target);
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) queue.push(value);
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) queue.push(object.get(i));
    } else if (object instanceof PDFStream) {
      queue.push(object.dict);
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reachable.has(ref.toString())) context.delete(ref);
  }
}
