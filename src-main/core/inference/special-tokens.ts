// Which tokens pad, separate, begin and end a sequence when tokenizer_config.json does not say.
// transformers.js reads special tokens from tokenizer_config.json only (a missing pad_token falls
// back to its eos_token, and without either pad_token_id is undefined: the first padded batch
// throws "Cannot convert undefined to a BigInt"). Python's tokenizers also read
// special_tokens_map.json, and many hub folders keep their special tokens only there.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PreTrainedTokenizer } from '@huggingface/transformers';

export const SPECIAL_ROLES = ['pad', 'unk', 'sep', 'cls', 'bos', 'eos', 'mask'] as const;
export type SpecialRole = (typeof SPECIAL_ROLES)[number];

/** Where a role's token was found, first match wins (see completeSpecialTokens). */
export type SpecialTokenSource = 'tokenizer_config.json' | 'special_tokens_map.json' | 'config.json' | 'vocabulary' | 'transformers.js';

export interface SpecialToken {
  token: string;
  id: number;
  source: SpecialTokenSource;
}

/** Tokens a vocabulary uses for padding when no file names one. */
const PAD_SPELLINGS = ['[PAD]', '<pad>'];

type Mutable = Record<string, unknown> & { config: Record<string, unknown> };

function tokenText(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (value && typeof value === 'object' && typeof (value as { content?: unknown }).content === 'string') return (value as { content: string }).content;
  return null;
}

function readJson(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {};
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Fills every special-token role the tokenizer lacks, in the order Python resolves them:
 * tokenizer_config.json's `<role>_token`, then special_tokens_map.json's, then config.json's
 * `<role>_token_id`; padding finally falls back to the vocabulary's own `[PAD]` or `<pad>`
 * (before transformers.js's own fallback to the eos token, which is kept only when nothing else
 * names a padding token). Sets `<role>_token` and `<role>_token_id` on the tokenizer (and the
 * token in its config) and returns what each role resolved to.
 */
export function completeSpecialTokens(
  tokenizer: PreTrainedTokenizer,
  folder: string,
  modelConfig: Record<string, unknown>,
): Partial<Record<SpecialRole, SpecialToken>> {
  const t = tokenizer as unknown as Mutable;
  const map = readJson(join(folder, 'special_tokens_map.json'));
  const vocab = tokenizer.get_vocab() as Map<string, number>;
  const byId = new Map<number, string>();
  for (const [token, id] of vocab) if (!byId.has(id)) byId.set(id, token);
  const known = (token: string | null): token is string => token !== null && vocab.has(token);
  const resolved: Partial<Record<SpecialRole, SpecialToken>> = {};
  for (const role of SPECIAL_ROLES) {
    let found: { token: string; source: SpecialTokenSource } | null = null;
    const fromConfig = tokenText(t.config[`${role}_token`]);
    const fromMap = tokenText(map[`${role}_token`]);
    const configId = modelConfig[`${role}_token_id`];
    const fromModel = typeof configId === 'number' ? (byId.get(configId) ?? null) : null;
    if (known(fromConfig)) found = { token: fromConfig, source: 'tokenizer_config.json' };
    else if (known(fromMap)) found = { token: fromMap, source: 'special_tokens_map.json' };
    else if (known(fromModel)) found = { token: fromModel, source: 'config.json' };
    else if (role === 'pad') {
      const spelled = PAD_SPELLINGS.find((s) => vocab.has(s));
      if (spelled) found = { token: spelled, source: 'vocabulary' };
    }
    if (!found) {
      // transformers.js's own value (the eos token for padding), when it names a real token.
      const own = tokenText(t[`${role}_token`]);
      if (known(own)) found = { token: own, source: 'transformers.js' };
    }
    if (!found) continue;
    const id = vocab.get(found.token)!;
    t[`${role}_token`] = found.token;
    t[`${role}_token_id`] = id;
    if (found.source !== 'tokenizer_config.json' && found.source !== 'transformers.js') t.config[`${role}_token`] = found.token;
    resolved[role] = { ...found, id };
  }
  return resolved;
}
