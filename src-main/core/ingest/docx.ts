import { IngestError } from './ingest-error.ts';
import { MEDIA_TYPES, type ExtractedDocument } from './types.ts';

/** DOCX body text via mammoth; paragraphs are kept, separated by a blank line. */
export async function extractDocx(name: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  const mammoth = (await import('mammoth')).default;
  let value: string;
  let messages: Array<{ type: string; message: string }>;
  try {
    ({ value, messages } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
  } catch (error) {
    throw new IngestError('corrupt', `it is not a readable DOCX (${(error as Error).message.split('\n')[0]}). Open and re-save it in Word or LibreOffice.`);
  }
  // mammoth ends every paragraph with "\n\n"; trim the trailing run, keep the blank lines between.
  const text = value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').replace(/\s+$/, '');
  const warnings = messages.filter((m) => m.type === 'warning').slice(0, 5).map((m) => `DOCX: ${m.message}`);
  return { name, text, mediaType: MEDIA_TYPES.docx, partKey: '', pageCount: null, status: 'imported', warnings, metadata: {}, pages: [] };
}
