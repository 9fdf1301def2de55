import { BinaryContentError, decodeText } from './encoding.ts';
import { IngestError } from './ingest-error.ts';
import { MAX_TEXT_CHARS, MEDIA_TYPES, type ExtractedDocument } from './types.ts';

/** TXT and Markdown: the decoded text as it is (line endings normalised to '\n'). */
export function extractText(name: string, bytes: Uint8Array, kind: 'txt' | 'md'): ExtractedDocument {
  let decoded;
  try {
    decoded = decodeText(bytes);
  } catch (error) {
    if (error instanceof BinaryContentError) {
      throw new IngestError('binary', `${error.message}: it is named like a text file but is not one. Check the file, or give it its real extension.`);
    }
    throw error;
  }
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.length > MAX_TEXT_CHARS) {
    throw new IngestError('too_large', `its text is ${(text.length / 1e6).toFixed(0)} M characters; Docket keeps at most ${MAX_TEXT_CHARS / 1024 / 1024} Mi characters per document. Split the file into parts and import those.`);
  }
  return {
    name,
    text,
    mediaType: MEDIA_TYPES[kind],
    partKey: '',
    pageCount: null,
    status: 'imported',
    warnings: decoded.warnings,
    metadata: { encoding: decoded.encoding },
    pages: [],
  };
}
