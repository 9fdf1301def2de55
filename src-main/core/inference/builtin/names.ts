// builtin/names: PERSON, LOC and ORG without a model. Each slice of the text is cut into runs of
// capitalised words (runs.ts); each run is tried as an organisation (organisation.ts), then, split
// at organisation joiners and titles and with sentence words trimmed (run-trim.ts), as a person
// (person.ts) or a place (place.ts). A second pass accepts runs that repeat a name found earlier
// in the document (name-memory.ts) or stand coordinated with one ("Ana Ruiz and Paimo").
// compromise contributes through its lexicon (engine.ts, word-kind.ts); its tagger is not used
// here: on the evaluation corpus it added one name for a dozen false ones and cost 2.5× the time.
import { layout, zoneStartingAt, type Zone } from './layout.ts';
import { ABBREVIATED_FORMS, FACILITY_NOUNS, PARTICLES, SAINTS } from './name-cues.ts';
import { NameMemory } from './name-memory.ts';
import { firmListScore, organisationScore } from './organisation.ts';
import { personScore } from './person.ts';
import { placeScore } from './place.ts';
import { runContext } from './run-context.ts';
import { trimRun } from './run-trim.ts';
import { runs, type Run } from './runs.ts';
import { slices } from './slices.ts';
import { wordKind, type WordKind } from './word-kind.ts';
import { words, type Word } from './words.ts';
import type { BuiltinChunk, BuiltinSpan } from './index.ts';

export const NAME_LABELS = ['PERSON', 'LOC', 'ORG'] as const;

/** Words first..last of the slice, found as `label` (or still undecided, for the second pass). */
interface Found {
  first: number;
  last: number;
  label: string;
  score: number;
}

class SliceReader {
  private readonly found: Found[] = [];
  private readonly pending: Found[] = [];
  private readonly ws: Word[];
  private readonly zones: Zone[];
  private readonly text: string;
  private readonly memory: NameMemory;

  constructor(text: string, memory: NameMemory) {
    this.text = text;
    this.memory = memory;
    this.ws = words(text);
    this.zones = layout(text);
  }

  read(): BuiltinSpan[] {
    const all = runs(this.text, this.ws);
    for (let r = 0; r < all.length; r++) {
      const joined = this.firmList(all, r);
      if (joined) r += joined;
      else this.run(all[r]!);
    }
    this.secondPass();
    return this.found.map((f) => this.span(f)).sort((a, b) => a.start - b.start);
  }

  private span(f: Found): BuiltinSpan {
    const last = this.ws[f.last]!;
    // "Acme Inc.": the period of an abbreviated legal form is part of the name.
    const period = f.label === 'ORG' && ABBREVIATED_FORMS.has(last.key) && this.text[last.end] === '.';
    return { start: this.ws[f.first]!.start, end: last.end + (period ? 1 : 0), label: f.label, score: f.score };
  }

  /** Kinds of the name words of words[first..last]; particles ("de", "De" inside a run) are left out. */
  private kinds(first: number, last: number): WordKind[] {
    const out: WordKind[] = [];
    for (let i = first; i <= last; i++) {
      const w = this.ws[i]!;
      if (w.cap && !(i > first && i < last && PARTICLES.has(w.key))) out.push(wordKind(w));
    }
    return out;
  }

  /** "A, B and C" (three runs, r..r+2) or "A, B e C Group" (two, the second already a firm): one firm. */
  private firmList(all: readonly Run[], r: number): number {
    const [a, b, c] = [all[r], all[r + 1], all[r + 2]];
    if (!a || !b) return 0;
    const gap = (x: Run, y: Run) => this.text.slice(this.ws[x.last]!.end, this.ws[y.first]!.start);
    // A table's Organisation cell holds one body however many runs it has ("Daako and Ata-Kwarteng").
    const zone = zoneStartingAt(this.zones, this.ws[a.first]!.start);
    if (zone?.role === 'org' && this.ws[b.last]!.end <= zone.end) {
      let end = r + 1;
      while (all[end + 1] && this.ws[all[end + 1]!.last]!.end <= zone.end) end++;
      this.found.push({ first: a.first, last: all[end]!.last, label: 'ORG', score: 0.75 });
      return end - r;
    }
    const single = this.kinds(a.first, a.last);
    if (gap(a, b) === ', ' && b.joiners.includes('amp') && single.length === 1 && !single[0]!.common && !(single[0]!.given && !single[0]!.surname)) {
      this.found.push({ first: a.first, last: b.last, label: 'ORG', score: 0.6 });
      return 1;
    }
    if (!c) return 0;
    const score = firmListScore(
      [a, b, c].map((run) => this.kinds(run.first, run.last)),
      [gap(a, b), gap(b, c)],
    );
    if (score > 0) this.found.push({ first: a.first, last: c.last, label: 'ORG', score });
    return score > 0 ? 2 : 0;
  }

  private run(run: Run): void {
    const ws = this.ws;
    // Organisations first, over the whole run: "The Bank of Ghana" → "Bank of Ghana".
    const f = trimRun(this.text, ws, run.first, run.last, true);
    const ctx = runContext(this.text, ws, f, run.last, this.zones);
    const org = organisationScore(ws.slice(f, run.last + 1), this.kinds(f, run.last), run.joiners.slice(f - run.first), ctx);
    if (org > 0) return void this.found.push({ first: f, last: run.last, label: 'ORG', score: org });
    // Then each part between organisation joiners, a title inside a run starting a new name
    // ("on Wednesday Rev. Göran Berggren").
    let start = run.first;
    for (let i = run.first; i <= run.last; i++) {
      const joiner = run.joiners[i - run.first];
      const titleNext = i < run.last && wordKind(ws[i + 1]!).title && !wordKind(ws[i]!).title;
      if (i === run.last || joiner === 'amp' || joiner === 'of' || joiner === 'dash' || titleNext) {
        this.names(start, i);
        start = i + 1;
      }
    }
  }

  /**
   * One part of a run. Two names written back to back with no punctuation ("… is Camille Mercier
   * Priscilla Baa's") are split where a given name follows a surname; trailing common words ("Ulla
   * Aberg All staff…") are dropped when the rest is clearly a name.
   */
  private names(first: number, last: number): void {
    first = trimRun(this.text, this.ws, first, last, false);
    for (let i = first + 2; i < last; i++) {
      const [before, k] = [wordKind(this.ws[i - 1]!), wordKind(this.ws[i]!)];
      if (k.given && !k.surname && before.surname && !before.given && wordKind(this.ws[i + 1]!).surname) {
        this.part(first, i - 1);
        first = i;
      }
    }
    while (last > first && this.ws[last]!.cap) {
      const k = wordKind(this.ws[last]!);
      if (!(k.common || k.softCommon)) break;
      const rest = this.kinds(first, last - 1);
      if (rest.filter((r) => r.given || r.surname).length < 2 || rest.some((r) => r.common)) break;
      last--;
    }
    this.part(first, last);
  }

  /** words[first..last] as a person or a place, or left for the second pass. */
  private part(first: number, last: number): void {
    const kinds = this.kinds(first, last);
    if (kinds.length === 0 || (kinds.length === 1 && (kinds[0]!.common || kinds[0]!.title))) return;
    // "Victoria House", "Baker Street": a building, neither a person nor a (gold) place; but
    // "Ji-ho Park" is a Korean name.
    if (first < last && FACILITY_NOUNS.has(this.ws[last]!.key) && !kinds.some((k) => k.shape === 'korean' || k.shape === 'pinyin')) return;
    const ctx = runContext(this.text, this.ws, first, last, this.zones);
    const place = placeScore(this.ws.slice(first, last + 1), kinds, ctx);
    // A place compromise knows by its full name ("Puerto Rico") or a geographic last word
    // ("Solomon Islands") is a place unless a title or strong cue says person.
    const knownPlace = place >= 0.8 && (first < last || kinds[0]!.place) && !ctx.title && !ctx.personCue;
    const saint = first < last && SAINTS.has(this.ws[first]!.key);
    const person = knownPlace || saint ? 0 : personScore(kinds, ctx);
    if (person > 0) this.found.push({ first, last, label: 'PERSON', score: person });
    else if (place > 0) this.found.push({ first, last, label: 'LOC', score: place });
    else if (!kinds.some((k) => k.common) && !ctx.determiner) this.pending.push({ first, last, label: '', score: 0 });
  }

  private secondPass(): void {
    const ws = this.ws;
    const people = this.found.filter((f) => f.label === 'PERSON');
    for (const f of people) if (f.score >= 0.8) this.memory.remember(ws.slice(f.first, f.last + 1));
    const firsts = new Set(people.map((f) => f.first));
    const lasts = new Set(people.map((f) => f.last));
    for (const p of this.pending) {
      if (this.memory.knows(ws.slice(p.first, p.last + 1))) {
        this.found.push({ ...p, label: 'PERSON', score: 0.85 });
        continue;
      }
      // "Ana Ruiz and Paimo", "Jettie, Alaba Adegoke and …": joined by "and" or a comma to a person.
      const gapAfter = p.last + 1 < ws.length ? this.text.slice(ws[p.last]!.end, ws[p.last + 1]!.start) : '';
      const coordinated =
        (ws[p.first - 1]?.key === 'and' && lasts.has(p.first - 2)) ||
        (ws[p.last + 1]?.key === 'and' && firsts.has(p.last + 2)) ||
        (gapAfter === ', ' && firsts.has(p.last + 1));
      const kinds = this.kinds(p.first, p.last);
      if (coordinated && !kinds.some((k) => k.place || k.org)) {
        this.found.push({ ...p, label: 'PERSON', score: kinds.some((k) => k.given || k.surname || k.shape) ? 0.7 : 0.6 });
      }
    }
    // A guess that repeats a confident name of the document is as good as that name.
    for (const f of people) if (f.score < 0.85 && this.memory.knows(ws.slice(f.first, f.last + 1))) f.score = 0.85;
  }
}

/** Names in `text`, slice by slice; a name seen in full earlier in the document is remembered. */
export function* detectNames(text: string): Generator<BuiltinChunk> {
  const memory = new NameMemory();
  for (const slice of slices(text)) {
    const part = text.slice(slice.start, slice.end);
    const spans = /\p{Lu}/u.test(part) ? new SliceReader(part, memory).read() : [];
    yield { spans: spans.map((s) => ({ ...s, start: s.start + slice.start, end: s.end + slice.start })), end: slice.end };
  }
}
