// What the words just before a digit string say it is. A label that names a phone ("Tel:", "mobile",
// "call") makes a number more likely; a label that names something else ("Invoice", "Order #",
// "Ref", "version", "SSN") means a valid-looking number is that thing. The label right before the
// digits decides; failing one, a phone word a little earlier on the line still counts ("call me on
// Monday at 020 7946 0321"). Read backwards by hand: a pattern anchored at the end would be tried
// at every position before each number.

const FOR = new Set(
  'tel tele telephone telefon phone phones ph mobile mob cell cellphone fax call called dial ring contact whatsapp sms text hotline helpline line switchboard landline t m f p'.split(
    ' ',
  ),
);
const AGAINST = new Set(
  'invoice inv order ord ref reference version ver v build release po isbn issn serial s/n sn tracking account acct a/c case ticket claim policy receipt transaction txn batch lot badge license licence passport zip postcode code pin vat tax ein routing page room amount total qty quantity price balance isin sku part model item file docket record mrn nhs ssn ss ss# security id'.split(
    ' ',
  ),
);
/** Words between a label and its number: "Phone no.", "Order number", "Account nr". */
const FILLER = new Set(['no', 'number', 'nr', 'num', 'is', 'was', 'as', 'on', 'at', 'the', 'given', 'his', 'her', 'their', 'file']);
const PHONE_WORDS = /(?<![\p{L}\p{N}])(?:tel|tele?phone|phone|mobile|cell|fax|call(?:ed)?|dial|ring|contact|whatsapp|hotline|helpline)(?![\p{L}])/iu;
const LINE_CHARS = 48;

export type PhoneCue = 'for' | 'against' | undefined;

const isLetter = (ch: string) => (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '/' || ch === '#' || ch > '\u00bf';
const isPunctuation = (ch: string) =>
  ch === ' ' ||
  ch === ':' ||
  ch === '#' ||
  ch === '=' ||
  ch === '.' ||
  ch === ',' ||
  ch === ';' ||
  ch === '-' ||
  ch === '(' ||
  ch === '+' ||
  ch === '\t' ||
  ch === '\n';

/** The word that ends before `end` after skipping punctuation, and where it starts. */
function wordBefore(view: string, end: number): { word: string; start: number } | undefined {
  let i = end;
  let skipped = 0;
  while (i > 0 && isPunctuation(view[i - 1]!) && skipped++ < 32) i--; // a form's label, aligned with spaces
  const wordEnd = i;
  while (i > 0 && isLetter(view[i - 1]!) && wordEnd - i < 16) i--;
  if (i === wordEnd || (i > 0 && /[\p{L}\p{N}]/u.test(view[i - 1]!))) return undefined;
  return { word: view.slice(i, wordEnd).toLowerCase(), start: i };
}

/** The cue for a number starting at `start` of the (separator) view. */
export function phoneCue(view: string, start: number): PhoneCue {
  let label = wordBefore(view, start);
  for (let fillers = 0; label && FILLER.has(label.word) && fillers < 4; fillers++) label = wordBefore(view, label.start);
  if (label && FOR.has(label.word)) return 'for';
  if (label && AGAINST.has(label.word)) return 'against';
  // Only the last LINE_CHARS characters, and of those only what is on the number's line.
  const before = view.slice(Math.max(0, start - LINE_CHARS), start);
  return PHONE_WORDS.test(before.slice(before.lastIndexOf('\n') + 1)) ? 'for' : undefined;
}
