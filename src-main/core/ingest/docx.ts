import { openBoundedZip, ZipBudgetError, ZipError, ZipPartsError } from './docx-zip.ts';
import { IngestError } from './ingest-error.ts';
import { limit, limitError } from './limits.ts';
import { MEDIA_TYPES, type ExtractedDocument } from './types.ts';

/**
 * DOCX body text via mammoth; paragraphs are kept, separated by a blank line. mammoth reads the
 * parts through a zip reader of our own that stops at the XML limit (declared and inflated), so
 * a zip bomb is refused before it is in memory.
 */
export async function extractDocx(name: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  const mammoth = (await import('mammoth')).default;
  const maxXml = limit('docxXmlBytes');
  const maxParts = limit('docxParts');
  const maxText = limit('textChars');
  let value: string;
  let messages: Array<{ type: string; message: string }>;
  try {
    const file = openBoundedZip(bytes, maxXml, maxParts);
    // mammoth takes an opened zip as `file` (lib/unzip.js); its types list only path and buffer.
    ({ value, messages } = await mammoth.extractRawText({ file } as unknown as { buffer: Buffer }));
  } catch (error) {
    if (error instanceof ZipBudgetError) throw limitError('docxXmlBytes', error.declared, maxXml);
    if (error instanceof ZipPartsError) throw limitError('docxParts', error.count, maxParts);
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new IngestError(
        'too_deep',
        'its XML nests elements deeper than the DOCX reader can follow (it ran out of stack). Open and re-save it in Word or LibreOffice, or save it as PDF, and import that.',
      );
    }
    const reason = error instanceof ZipError ? error.message : (error as Error).message.split('\n')[0];
    throw new IngestError('corrupt', `it is not a readable DOCX (${reason}). Open and re-save it in Word or LibreOffice.`);
  }
  if (value.length > maxText) throw limitError('textChars', value.length, maxText);
  // mammoth ends every paragraph with "\n\n"; trim the trailing run, keep the blank lines between.
  const text = value
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd(); // not /\s+$/: quadratic on long runs of spaces
  const warnings = messages
    .filter((m) => m.type === 'warning')
    .slice(0, 5)
    .map((m) => `DOCX: ${m.message}`);
  return { name, text, mediaType: MEDIA_TYPES.docx, partKey: '', pageCount: null, status: 'imported', warnings, metadata: {}, pages: [] };
}
