// `npm run bench -- detect`: Docket's pattern detectors beside two JavaScript PII libraries on the
// same texts.
//  1. Quality on the seeded evaluation corpus (test/fixtures/detect/pii-corpus.ts, scored by
//     pii-scoring.ts exactly as test/unit/core/detect/evaluation.test.ts scores Docket): precision,
//     recall and F1 per label, all-types F1, and decoys flagged.
//  2. Throughput, single thread, on PII-dense text (corpus documents back to back) and on ordinary
//     prose, and Docket's ratio to each library.
// Both libraries run as shipped (default options); only their types that mean one of our labels are
// scored, and a label a library has no detector for is "n/a", not 0.
import { benchPatternRun } from './pattern-run.ts';
import { OpenRedaction } from '@openredaction/openredaction';
import { SyncRedactor } from 'redact-pii';
import * as redactPiiPatterns from 'redact-pii/lib/built-ins/simple-regexp-patterns.js';
import { detectPatterns } from '../src-main/core/detect/index.ts';
import { DEFAULT_DOCUMENTS, DEFAULT_SEED, LABELS, PHONE_REGIONS, denseText, piiCorpus, proseText, type Label } from '../test/fixtures/detect/pii-corpus.ts';
import { score, type Prediction, type Score } from '../test/fixtures/detect/pii-scoring.ts';
import { pathologicalRuns } from '../test/fixtures/detect/pathological-runs.ts';

const MB = 1024 * 1024;
/** Characters of text per run (the texts are nearly all ASCII: about as many UTF-8 bytes). */
const SIZES = {
  docket: { dense: 5 * MB, prose: 10 * MB },
  // Both libraries slow down faster than linearly with the length of one text (openredaction checks
  // each match against every earlier one; redact-pii re-slices the whole text for each greeting or
  // "-ly" word it sees), so they get smaller samples; that flatters them, if anything.
  openredaction: { dense: MB / 4, prose: MB / 4 },
  'redact-pii': { dense: 1 * MB, prose: MB / 4 },
} as const;

export interface Contender {
  name: string;
  /** How it is called and mapped, printed under the table. */
  about: string;
  /** The labels it has a detector for; the others are reported as n/a. */
  supported: readonly Label[];
  /** Its findings in our labels (spans of its other types are dropped). */
  predict(text: string): Prediction[];
  /** The library call alone, as timed for throughput. */
  run(text: string): unknown;
}

// Docket ------------------------------------------------------------------------------------------

const docket: Contender = {
  name: 'Docket',
  about: `detectPatterns(text, [], { phoneRegions: [${PHONE_REGIONS.join(', ')}] }); spans as returned`,
  supported: LABELS,
  predict: (text) => detectPatterns(text, [], { phoneRegions: PHONE_REGIONS }),
  run: (text) => detectPatterns(text, [], { phoneRegions: PHONE_REGIONS }),
};

// openredaction -------------------------------------------------------------------------------------
// `detect(text)` returns { detections: [{ type, value, position: [start, end] }] } with offsets into
// the text, so its spans are used as they are. Its types are mapped onto ours; it has no general URL
// detector (URL_WITH_AUTH is for credentials in a URL, none of which the corpus has) and its only
// date type is DATE_OF_BIRTH (a numeric date after "DOB" / "date of birth").

function openRedactionContender(): Contender {
  // enableLearning: false stops it reading and writing .openredaction/learnings.json in the working
  // directory; detection is the same (that file only adds learned whitelist terms).
  const detector = new OpenRedaction({ enableLearning: false });
  const types = new Map<string, Label>([
    ['EMAIL', 'EMAIL'],
    ['CREDIT_CARD', 'CARD'],
    ['IBAN', 'IBAN'],
    ['UK_BANK_ACCOUNT_IBAN', 'IBAN'],
    ['SSN', 'SSN'],
    ['DATE_OF_BIRTH', 'DATE'],
    ['IPV4', 'IP'],
    ['IPV6', 'IP'],
  ]);
  for (const p of detector.getPatterns()) if (p.type.startsWith('PHONE_')) types.set(p.type, 'PHONE');
  const mapped = [...new Set(types.values())];
  return {
    name: 'openredaction',
    about:
      `new OpenRedaction({ enableLearning: false }).detect(text), all ${detector.getPatterns().length} default patterns; detections[].position used as is; ` +
      `types mapped: ${[...types].map(([t, l]) => `${t}→${l}`).join(', ')}; URL n/a (only URL_WITH_AUTH); DATE is DATE_OF_BIRTH only`,
    supported: LABELS.filter((l) => mapped.includes(l)),
    predict(text) {
      const out: Prediction[] = [];
      for (const d of detector.detect(text).detections) {
        const label = types.get(d.type);
        if (label) out.push({ start: d.position[0], end: d.position[1], label });
      }
      return out;
    },
    run: (text) => detector.detect(text),
  };
}

// redact-pii -----------------------------------------------------------------------------------------
// `redact(text)` returns the text with each find replaced by a token (PHONE_NUMBER, ...): its regexes
// run one after the other over the text as redacted so far, then the name redactor. Spans are
// recovered by aligning the output with the input: split the output on the tokens; each literal
// piece is found, in order, in the input, and a token covers what lies between. When the piece after
// a token occurs more than once (" " after a phone number that holds spaces), the first occurrence
// at which the covered text is a whole match of the token's own regex wins.

const REDACT_PII_TOKENS: ReadonlyArray<readonly [string, Label | null, RegExp | null]> = [
  ['CREDIT_CARD_NUMBER', 'CARD', redactPiiPatterns.creditCardNumber],
  ['STREET_ADDRESS', null, redactPiiPatterns.streetAddress],
  ['ZIPCODE', null, redactPiiPatterns.zipcode],
  ['PHONE_NUMBER', 'PHONE', redactPiiPatterns.phoneNumber],
  ['IP_ADDRESS', 'IP', redactPiiPatterns.ipAddress],
  ['US_SOCIAL_SECURITY_NUMBER', 'SSN', redactPiiPatterns.usSocialSecurityNumber],
  ['EMAIL_ADDRESS', 'EMAIL', redactPiiPatterns.emailAddress],
  ['USERNAME', null, redactPiiPatterns.username],
  ['PASSWORD', null, redactPiiPatterns.password],
  ['CREDENTIALS', null, redactPiiPatterns.credentials],
  ['DIGITS', null, redactPiiPatterns.digits],
  ['URL', 'URL', redactPiiPatterns.url],
  ['PERSON_NAME', null, null],
];
const TOKEN = new RegExp(
  [...REDACT_PII_TOKENS]
    .map(([t]) => t)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);
const WHOLE = new Map(REDACT_PII_TOKENS.map(([t, , re]) => [t, re ? new RegExp(`^(?:${re.source})$`, re.flags.replace('g', '')) : null]));
const TOKEN_LABEL = new Map(REDACT_PII_TOKENS.map(([t, label]) => [t, label]));

type Piece = { literal: string } | { token: string };

/** Where each token of `output` (the redacted `input`) came from; `lost` counts tokens that could not be placed. */
export function alignRedacted(input: string, output: string): { spans: Array<{ start: number; end: number; token: string }>; lost: number } {
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of output.matchAll(TOKEN)) {
    if (m.index > at) pieces.push({ literal: output.slice(at, m.index) });
    pieces.push({ token: m[0] });
    at = m.index + m[0].length;
  }
  if (at < output.length) pieces.push({ literal: output.slice(at) });

  const spans: Array<{ start: number; end: number; token: string }> = [];
  let lost = 0;
  let pos = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if ('literal' in piece) {
      if (input.startsWith(piece.literal, pos)) pos += piece.literal.length;
      else {
        const found = input.indexOf(piece.literal, pos); // resynchronise after a token that could not be placed
        if (found < 0) return { spans, lost: lost + pieces.slice(i).filter((p) => 'token' in p).length };
        pos = found + piece.literal.length;
      }
      continue;
    }
    // Tokens in a row (no text between them) cannot be told apart: the run is given to its first token.
    let j = i;
    while (j + 1 < pieces.length && 'token' in pieces[j + 1]!) j++;
    const next = pieces[j + 1] as { literal: string } | undefined;
    // The input may itself hold the token's word ("URL: …"): then it is text, not a redaction.
    if (
      j === i &&
      input.startsWith(piece.token, pos) &&
      (next ? input.startsWith(next.literal, pos + piece.token.length) : pos + piece.token.length === input.length)
    ) {
      pos += piece.token.length;
      continue;
    }
    let end = -1;
    if (!next) end = input.length;
    else if (j + 2 >= pieces.length) end = input.endsWith(next.literal) ? input.length - next.literal.length : -1;
    else {
      const whole = j === i ? WHOLE.get(piece.token) : null;
      let first = -1;
      for (let c = input.indexOf(next.literal, pos + 1); c >= 0 && c - pos <= 4000; c = input.indexOf(next.literal, c + 1)) {
        if (first < 0) first = c;
        if (!whole || whole.test(input.slice(pos, c))) {
          end = c;
          break;
        }
      }
      if (end < 0) end = first;
    }
    if (end <= pos) {
      lost += j - i + 1;
      i = j;
      continue;
    }
    spans.push({ start: pos, end, token: piece.token });
    lost += j - i;
    pos = end;
    i = j;
  }
  return { spans, lost };
}

function redactPiiContender(): Contender & { alignment: { tokens: number; lost: number } } {
  const redactor = new SyncRedactor();
  const alignment = { tokens: 0, lost: 0 };
  const mapped = REDACT_PII_TOKENS.filter(([, l]) => l).map(([t, l]) => `${t}→${l}`);
  return {
    name: 'redact-pii',
    about:
      `new SyncRedactor().redact(text), all default redactors; spans recovered by aligning the output with the input; ` +
      `tokens mapped: ${mapped.join(', ')} (its other tokens are not scored); IBAN and DATE n/a`,
    supported: LABELS.filter((l) => REDACT_PII_TOKENS.some(([, label]) => label === l)),
    alignment,
    predict(text) {
      const output = redactor.redact(text);
      const { spans, lost } = alignRedacted(text, output);
      alignment.tokens += spans.length + lost;
      alignment.lost += lost;
      const out: Prediction[] = [];
      for (const s of spans) {
        const label = TOKEN_LABEL.get(s.token);
        if (label) out.push({ start: s.start, end: s.end, label });
      }
      return out;
    },
    run: (text) => redactor.redact(text),
  };
}

// Printing ------------------------------------------------------------------------------------------

const pct = (x: number) => (Number.isNaN(x) ? '—' : (x * 100).toFixed(1));
const fmt = (n: number) => n.toLocaleString('en');

function qualityTable(contenders: readonly Contender[], scores: readonly Score[]): string[] {
  const cell = 28;
  const lines: string[] = [];
  lines.push(`  ${'label'.padEnd(7)}${'gold'.padStart(6)}  ${contenders.map((c) => `| ${c.name.padEnd(cell - 2)}`).join('')}`);
  lines.push(`  ${''.padEnd(13)}  ${contenders.map(() => `| ${'P / R / F1 (%)'.padEnd(cell - 2)}`).join('')}`);
  for (const label of LABELS) {
    const gold = scores[0]!.labels[label].gold;
    const cells = scores.map((s) => {
      const l = s.labels[label];
      const text = l.supported ? `${pct(l.precision)} / ${pct(l.recall)} / ${pct(l.f1)}` : 'n/a';
      return `| ${text.padEnd(cell - 2)}`;
    });
    lines.push(`  ${label.padEnd(7)}${fmt(gold).padStart(6)}  ${cells.join('')}`);
  }
  const row = (name: string, value: (s: Score) => string) => `  ${name.padEnd(15)}${scores.map((s) => `| ${value(s).padEnd(cell - 2)}`).join('')}`;
  lines.push(row('all types F1', (s) => `${pct(s.all.f1)} (P ${pct(s.all.precision)}, R ${pct(s.all.recall)})`));
  lines.push(row('supported F1', (s) => `${pct(s.supported.f1)} (${LABELS.filter((l) => s.labels[l].supported).length} labels)`));
  lines.push(row('decoys flagged', (s) => `${fmt(s.decoysFlagged)} of ${fmt(s.decoys)}`));
  return lines;
}

interface Throughput {
  mb: number;
  seconds: number;
  mbPerSecond: number;
  found: number;
  byLabel: Record<string, number>;
}

function measure(contender: Contender, text: string, count: boolean): Throughput {
  contender.run(text.slice(0, 20_000)); // warm-up: compile regexes, load metadata
  const t0 = performance.now();
  contender.run(text);
  const seconds = (performance.now() - t0) / 1000;
  const mb = Buffer.byteLength(text, 'utf8') / MB;
  const byLabel: Record<string, number> = {};
  let found = 0;
  if (count) {
    for (const p of contender.predict(text)) {
      byLabel[p.label] = (byLabel[p.label] ?? 0) + 1;
      found++;
    }
  }
  return { mb, seconds, mbPerSecond: mb / seconds, found, byLabel };
}

export async function benchDetect(): Promise<void> {
  const contenders = [docket, openRedactionContender(), redactPiiContender()] as const;
  const redactPii = contenders[2];

  // 1. Quality on the evaluation corpus.
  const documents = piiCorpus();
  const entities = documents.reduce((n, d) => n + d.entities.length, 0);
  const decoys = documents.reduce((n, d) => n + d.decoys.length, 0);
  console.log(
    `detect: evaluation corpus (seed ${DEFAULT_SEED}, ${fmt(DEFAULT_DOCUMENTS)} documents, ${fmt(entities)} entities, ${fmt(decoys)} decoys): precision / recall / F1 per label`,
  );
  const scores = contenders.map((c) => score(documents, (text) => c.predict(text), { supported: c.supported }));
  for (const line of qualityTable(contenders, scores)) console.log(line);
  for (const c of contenders) console.log(`  ${c.name}: ${c.about}`);
  if (redactPii.alignment.lost > 0)
    console.log(
      `  redact-pii: ${fmt(redactPii.alignment.lost)} of ${fmt(redactPii.alignment.tokens)} redactions could not be placed in the input (not scored)`,
    );
  console.log('  A prediction matches when its label is the gold one and it covers the gold span, any more being spaces or punctuation.');

  // 1b. Pathological runs: linear means four times the text takes about four times as long.
  console.log('');
  console.log('detect: pathological runs of digits and line breaks (card, SSN, IBAN detectors), time at 1× and 4× length');
  const [small, large] = [pathologicalRuns(1), pathologicalRuns(4)].map((runs) => {
    const started = performance.now();
    for (const text of runs) detectPatterns(text, [], { detectors: ['card', 'ssn', 'iban'] });
    return performance.now() - started;
  });
  console.log(`  1×: ${small!.toFixed(0)} ms, 4×: ${large!.toFixed(0)} ms, ratio ${(large! / small!).toFixed(1)} (4.0 is linear, 16 quadratic)`);

  // 2. Throughput.
  console.log('');
  console.log('detect: throughput, single thread, one call on the whole text (MB = 2^20 bytes of UTF-8)');
  const dense = denseText(SIZES.docket.dense);
  const prose = proseText(SIZES.docket.prose);
  const results = contenders.map((c) => {
    const size = SIZES[c.name === 'Docket' ? 'docket' : (c.name as 'openredaction' | 'redact-pii')];
    return {
      contender: c,
      dense: measure(c, dense.slice(0, size.dense), false),
      prose: measure(c, prose.slice(0, size.prose), true),
    };
  });
  const show = (t: Throughput) =>
    `${t.mbPerSecond.toFixed(t.mbPerSecond < 10 ? 2 : 1).padStart(7)} MB/s on ${t.mb.toFixed(2).padStart(5)} MB (${t.seconds.toFixed(2)} s)`;
  console.log(`  ${''.padEnd(14)}${'PII-dense text'.padEnd(40)}prose`);
  for (const r of results) console.log(`  ${r.contender.name.padEnd(14)}${show(r.dense).padEnd(40)}${show(r.prose)}`);
  const [mine, ...peers] = results;
  for (const peer of peers) {
    console.log(
      `  Docket ÷ ${peer.contender.name}: ×${(mine!.dense.mbPerSecond / peer.dense.mbPerSecond).toFixed(1)} on PII-dense text, ×${(mine!.prose.mbPerSecond / peer.prose.mbPerSecond).toFixed(1)} on prose`,
    );
  }
  console.log(
    `  Smaller samples for the libraries: openredaction ${(SIZES.openredaction.dense / MB).toFixed(2)} MB, redact-pii ${(SIZES['redact-pii'].dense / MB).toFixed(2)} MB dense / ${(SIZES['redact-pii'].prose / MB).toFixed(2)} MB prose (both slow down faster than linearly with text length).`,
  );
  const onProse = results.map((r) => {
    const labels = Object.entries(r.prose.byLabel)
      .map(([l, n]) => `${l} ${fmt(n)}`)
      .join(', ');
    return `${r.contender.name} ${fmt(r.prose.found)}${labels ? ` (${labels})` : ''}`;
  });
  console.log(`  Spans in our labels found in the prose, none of which is PII: ${onProse.join('; ')}.`);

  // 3. Many small documents: the app's import and pattern run, storage included (bench/pattern-run.ts).
  console.log('');
  await benchPatternRun();
}

if (import.meta.main) await benchDetect();
