/**
 * What piece of the document a vocabulary token stands for ("surface"), per tokenizer family:
 * - WordPiece: the token minus its continuing-subword prefix ("##ing" → "ing");
 * - byte-level BPE (RoBERTa, GPT-2): the token's characters are bytes ("Ġ" = 0x20), so the surface
 *   is a byte string that may end (or start) inside a multi-byte UTF-8 character;
 * - Metaspace / SentencePiece (Unigram, BPE): "▁" stands for a space; "<0xF0>" byte-fallback tokens
 *   are single bytes;
 * - added tokens: their literal content.
 * Surfaces are computed once per vocabulary id and cached, so aligning a document costs one
 * startsWith per token.
 */
import { UNICODE_TO_BYTE } from './byte-level.ts';
import { foldString } from './fold.ts';

export const SURFACE_TEXT = 1;
export const SURFACE_BYTES = 2;
export const SURFACE_UNKNOWN = 3;

interface SurfaceRules {
  byteLevel: boolean;
  metaspace: string | null;
  continuingPrefix: string | null;
  continuingSuffix: string | null;
  endOfWordSuffix: string | null;
  byteFallback: boolean;
}

/** Component configs of tokenizer.json, walking into Sequence wrappers. */
function components(config: unknown): Array<Record<string, unknown>> {
  if (!config || typeof config !== 'object') return [];
  const c = config as Record<string, unknown>;
  const nested = [c['pretokenizers'], c['decoders'], c['processors'], c['normalizers']].find(Array.isArray) as unknown[] | undefined;
  return nested ? nested.flatMap(components) : [c];
}

export function surfaceRules(json: Record<string, unknown>): SurfaceRules {
  const all = [json['pre_tokenizer'], json['decoder'], json['post_processor'], json['normalizer']].flatMap(components);
  const model = (json['model'] ?? {}) as Record<string, unknown>;
  const metaspace = all.find((c) => c['type'] === 'Metaspace');
  // Llama-style tokenizers have no Metaspace component: the normaliser replaces ' ' by '▁'.
  const replaceSpace = all.find((c) => c['type'] === 'Replace' && c['content'] === '\u2581');
  const isWordPiece = model['type'] === 'WordPiece' || (model['continuing_subword_prefix'] !== undefined && model['merges'] === undefined);
  return {
    byteLevel: all.some((c) => c['type'] === 'ByteLevel'),
    metaspace: metaspace ? String(metaspace['replacement'] ?? '\u2581') : replaceSpace ? '\u2581' : null,
    continuingPrefix: isWordPiece ? String(model['continuing_subword_prefix'] ?? '##') : (model['continuing_subword_prefix'] as string | undefined) || null,
    continuingSuffix: (model['continuing_subword_suffix'] as string | undefined) || null,
    endOfWordSuffix: (model['end_of_word_suffix'] as string | undefined) || null,
    byteFallback: model['byte_fallback'] === true || all.some((c) => c['type'] === 'ByteFallback'),
  };
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const BYTE_TOKEN = /^<0x([0-9A-Fa-f]{2})>$/;

export class TokenSurfaces {
  readonly rules: SurfaceRules;
  private readonly vocab: string[];
  private readonly added: Map<number, string>;
  private readonly unkId: number;
  private readonly kinds: Uint8Array;
  private readonly leading: Uint8Array;
  private readonly foldedById: string[] = [];
  private readonly rawById: string[] = [];
  private readonly bytesById: Uint8Array[] = [];

  constructor(json: Record<string, unknown>, vocab: string[], added: Map<number, string>, unkId: number | undefined) {
    this.rules = surfaceRules(json);
    this.vocab = vocab;
    this.added = added;
    this.unkId = unkId ?? -1;
    const size = Math.max(vocab.length, ...[...added.keys()].map((id) => id + 1));
    this.kinds = new Uint8Array(size);
    this.leading = new Uint8Array(size);
  }

  /** SURFACE_TEXT (complete characters), SURFACE_BYTES (part of a UTF-8 sequence) or SURFACE_UNKNOWN. */
  kind(id: number): number {
    if (id < 0 || id >= this.kinds.length) return SURFACE_UNKNOWN;
    const k = this.kinds[id]!;
    return k !== 0 ? k : this.compute(id);
  }

  /** Folded surface of a SURFACE_TEXT token ('' for pure whitespace tokens such as a lone '▁'). */
  folded(id: number): string {
    return this.foldedById[id] ?? '';
  }

  /** True when the token's surface starts with whitespace (Ġ, ▁): it begins a new word. */
  leadingSpace(id: number): boolean {
    if (this.kind(id) === SURFACE_UNKNOWN) return false;
    return this.leading[id] === 1;
  }

  /** UTF-8 bytes of a token's surface (any kind but unknown). */
  bytes(id: number): Uint8Array {
    this.kind(id);
    let b = this.bytesById[id];
    if (!b) {
      b = encoder.encode(this.rawById[id] ?? '');
      this.bytesById[id] = b;
    }
    return b;
  }

  /** Fold a pre-token string as the tokenizer model saw it (byte-level characters, ▁ for spaces). */
  foldPreToken(preToken: string): string {
    const r = this.rules;
    if (r.byteLevel) {
      const bytes: number[] = [];
      for (const ch of preToken) {
        const b = UNICODE_TO_BYTE.get(ch.codePointAt(0)!);
        if (b === undefined) bytes.push(...encoder.encode(ch));
        else bytes.push(b);
      }
      return foldString(new TextDecoder().decode(Uint8Array.from(bytes)));
    }
    return foldString(r.metaspace ? preToken.replaceAll(r.metaspace, ' ') : preToken);
  }

  private compute(id: number): number {
    const kind = this.computeUncached(id);
    this.kinds[id] = kind;
    return kind;
  }

  private computeUncached(id: number): number {
    // The unknown token is usually also an added token; its literal content is never in the text.
    if (id === this.unkId) return SURFACE_UNKNOWN;
    const added = this.added.get(id);
    if (added !== undefined) return this.setText(id, added);
    const token = this.vocab[id];
    if (token === undefined) return SURFACE_UNKNOWN;
    const r = this.rules;
    if (r.byteFallback) {
      const m = BYTE_TOKEN.exec(token);
      if (m) return this.setBytes(id, Uint8Array.of(parseInt(m[1]!, 16)));
    }
    if (r.byteLevel) {
      const bytes: number[] = [];
      for (const ch of token) {
        const b = UNICODE_TO_BYTE.get(ch.codePointAt(0)!);
        if (b === undefined) bytes.push(...encoder.encode(ch));
        else bytes.push(b);
      }
      return this.setBytes(id, Uint8Array.from(bytes));
    }
    let s = token;
    if (r.continuingPrefix && s.length > r.continuingPrefix.length && s.startsWith(r.continuingPrefix)) s = s.slice(r.continuingPrefix.length);
    if (r.continuingSuffix && s.length > r.continuingSuffix.length && s.endsWith(r.continuingSuffix)) s = s.slice(0, -r.continuingSuffix.length);
    if (r.endOfWordSuffix && s.length > r.endOfWordSuffix.length && s.endsWith(r.endOfWordSuffix)) s = s.slice(0, -r.endOfWordSuffix.length);
    if (r.metaspace) s = s.replaceAll(r.metaspace, ' ');
    return this.setText(id, s);
  }

  private setBytes(id: number, bytes: Uint8Array): number {
    this.bytesById[id] = bytes;
    let text: string;
    try {
      text = strictDecoder.decode(bytes);
    } catch {
      this.leading[id] = bytes[0] === 0x20 || bytes[0] === 0x0a || bytes[0] === 0x09 || bytes[0] === 0x0d ? 1 : 0;
      return SURFACE_BYTES;
    }
    return this.setText(id, text);
  }

  private setText(id: number, text: string): number {
    this.rawById[id] = text;
    this.foldedById[id] = foldString(text);
    this.leading[id] = /^\s/u.test(text) ? 1 : 0;
    return SURFACE_TEXT;
  }
}
