import { BinaryContentError, decodeText, TextTooLongError } from './encoding.ts';
import { IngestError } from './ingest-error.ts';
import { limit, limitError } from './limits.ts';
import { MEDIA_TYPES, type ExtractedDocument } from './types.ts';

/** TXT and Markdown: the decoded text as it is (line endings normalised to '\n'), refused once it passes the text limit. */
export function extractText(name: string, bytes: Uint8Array, kind: 'txt' | 'md'): ExtractedDocument {
  const maxChars = limit('textChars');
  let decoded;
  try {
    decoded = decodeText(bytes, maxChars);
  } catch (error) {
    if (error instanceof BinaryContentError) {
      throw new IngestError('binary', `${error.message}: it is named like a text file but is not one. Check the file, or give it its real extension.`);
    }
    if (error instanceof TextTooLongError) throw limitError('textChars', null, maxChars);
    throw error;
  }
  return {
    name,
    text: decoded.text,
    mediaType: MEDIA_TYPES[kind],
    partKey: '',
    pageCount: null,
    status: 'imported',
    warnings: decoded.warnings,
    metadata: { encoding: decoded.encoding },
    pages: [],
  };
}
