import vm from 'node:vm';
import { DocketError } from '../errors.ts';
import { MAX_PATTERN_LENGTH, nestedQuantifier } from './regex-safety.ts';
import type { PatternRuleInput } from './types.ts';

// An analyst's regex runs in its own V8 context so that a time limit can stop it: V8 cannot
// interrupt a backtracking RegExp in the main context, but vm's `timeout` terminates the script
// (regex included) and throws. Budget: a base plus a per-megabyte allowance.
const BASE_BUDGET_MS = 250;
const BUDGET_MS_PER_MB = 250;
const PROBE_BUDGET_MS = 100;
const MAX_MATCHES = 100_000;
const ALLOWED_FLAGS = /^[gimsuv]*$/;

// Inputs on which a backtracking-prone pattern shows itself at once.
const PROBES = ['a'.repeat(4000) + '!', '1'.repeat(4000) + 'x', ' '.repeat(4000) + 'x', 'aA1 _-.@,'.repeat(500) + '\u0000'];

const FIND = new vm.Script('__find(__text)');
const SOURCE = `
  globalThis.__find = function (text) {
    const out = [];
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const at = useValue && m.indices.groups && m.indices.groups.value;
      if (useValue && !at) continue;
      if (at) out.push(at[0], at[1]); else out.push(m.index, m.index + m[0].length);
      if (out.length >= 2 * ${MAX_MATCHES}) break;
    }
    return out;
  };`;

export interface CompiledRegexRule {
  rule: PatternRuleInput;
  /** [start, end) of every match (or of its `value` group); throws when over the time budget. */
  find(text: string): Array<[number, number]>;
}

function describe(rule: PatternRuleInput): string {
  const shown = rule.pattern.length > 60 ? `${rule.pattern.slice(0, 57)}…` : rule.pattern;
  return `Pattern rule "${rule.label || '(no label)'}" /${shown}/${rule.flags}`;
}

function invalid(rule: PatternRuleInput, reason: string): DocketError {
  return new DocketError('invalid_pattern', `${describe(rule)}: ${reason}`);
}

/** Static validation: a clear error naming the rule, or nothing. */
function checkRegex(rule: PatternRuleInput): RegExp {
  if (!rule.label.trim()) throw invalid(rule, 'a regex rule needs a label for what it finds (e.g. CASE_NO).');
  if (!rule.pattern) throw invalid(rule, 'the pattern is empty.');
  if (rule.pattern.length > MAX_PATTERN_LENGTH)
    throw invalid(rule, `the pattern is longer than ${MAX_PATTERN_LENGTH} characters; split it into several rules.`);
  if (!ALLOWED_FLAGS.test(rule.flags)) throw invalid(rule, `unsupported flags "${rule.flags}"; use any of i, m, s, u, v.`);
  let re: RegExp;
  try {
    re = new RegExp(rule.pattern, rule.flags.replace('g', ''));
  } catch (error) {
    throw invalid(rule, `not a valid regular expression (${(error as Error).message}).`);
  }
  if (re.test('')) throw invalid(rule, 'it matches the empty string, so it would flag nothing; use + instead of * or add a required part.');
  const nested = nestedQuantifier(rule.pattern);
  if (nested) throw invalid(rule, `${nested}, which can take exponential time on some text; remove the inner or outer repetition.`);
  return re;
}

function compile(rule: PatternRuleInput): CompiledRegexRule {
  checkRegex(rule);
  const useValue = /\(\?<value>/.test(rule.pattern);
  const flags = [...new Set(rule.flags.replace('g', '') + 'g' + (useValue ? 'd' : ''))].join('');
  const context = vm.createContext({ __text: '' });
  vm.runInContext(`const re = new RegExp(${JSON.stringify(rule.pattern)}, ${JSON.stringify(flags)}); const useValue = ${useValue};${SOURCE}`, context);
  const run = (text: string, budgetMs: number): Array<[number, number]> => {
    context.__text = text;
    let flat: number[];
    try {
      flat = FIND.runInContext(context, { timeout: budgetMs }) as number[];
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        throw new DocketError(
          'pattern_timeout',
          `${describe(rule)} took longer than ${budgetMs} ms on one document (catastrophic backtracking); simplify the pattern or disable the rule.`,
        );
      }
      throw error;
    } finally {
      context.__text = '';
    }
    const out: Array<[number, number]> = [];
    for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
    return out;
  };
  for (const probe of PROBES) {
    try {
      run(probe, PROBE_BUDGET_MS);
    } catch (error) {
      if (error instanceof DocketError && error.code === 'pattern_timeout') {
        throw invalid(
          rule,
          'it is too slow on a simple test input (catastrophic backtracking); avoid alternatives that overlap under a repetition, e.g. (a|a)*.',
        );
      }
      throw error;
    }
  }
  return { rule, find: (text) => run(text, BASE_BUDGET_MS + Math.ceil((BUDGET_MS_PER_MB * text.length) / 1_000_000)) };
}

// Rules are compiled once per (pattern, flags, label), not once per document.
const cache = new Map<string, CompiledRegexRule>();

export function compileRegexRule(rule: PatternRuleInput): CompiledRegexRule {
  const key = JSON.stringify([rule.pattern, rule.flags, rule.label]);
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compile(rule);
    if (cache.size > 500) cache.clear();
    cache.set(key, compiled);
  }
  return compiled;
}

/** Throws a DocketError naming the rule when it cannot be used; used when a rule is saved. */
export function validateRegexRule(rule: PatternRuleInput): void {
  compileRegexRule(rule);
}
