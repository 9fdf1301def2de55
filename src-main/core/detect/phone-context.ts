// What the words just before a digit string say it is. A label that names a phone ("Tel:", "mobile",
// "call") makes a number more likely; a label that names something else ("Invoice", "Order #",
// "Ref", "version") means a valid-looking number is that thing. The label right before the digits
// decides; failing one, a phone word a little earlier on the line still counts ("call me on
// Monday at 020 7946 0321").

const FOR = 'tel|tele?phone|phone|ph|mobile|mob|cell(?:phone)?|fax|call(?:ed)?|dial|ring|contact|whatsapp|sms|text|hotline|helpline|direct line|switchboard|landline|t|m|f|p';
const AGAINST =
  'invoice|inv|order|ord|ref|reference|version|ver|v|build|release|po|isbn|issn|serial|s/n|sn|tracking|account|acct|a/c|case|ticket|claim|policy|receipt|transaction|txn|batch|lot|badge|licen[cs]e|passport|zip|postcode|postal code|pin|vat|tax|ein|routing|sort code|page|room|amount|total|qty|quantity|price|balance|isin|sku|part|model|item|file|docket|record|mrn|nhs';
/** "Tel.", "Phone no.", "Order #", "Ref:" right before the digits (maybe an opening bracket or "+"). */
const TAIL = '\\.?\\s{0,3}(?:no\\.?|number|nr\\.?|#|num\\.?)?\\s{0,3}[:#=.\\-]?\\s{0,3}[(+]?\\s?$';
const LABEL_FOR = new RegExp(`(?<![\\p{L}\\p{N}])(?:${FOR})${TAIL}`, 'iu');
const LABEL_AGAINST = new RegExp(`(?<![\\p{L}\\p{N}])(?:${AGAINST})${TAIL}`, 'iu');
const WORD_FOR = new RegExp(`(?<![\\p{L}\\p{N}])(?:tel|tele?phone|phone|mobile|cell|fax|call(?:ed)?|dial|ring|contact|whatsapp|hotline|helpline)(?![\\p{L}])`, 'iu');
const LABEL_CHARS = 32;
const LINE_CHARS = 48;

export type PhoneCue = 'for' | 'against' | undefined;

/** The cue for a number starting at `start` of the (separator) view. */
export function phoneCue(view: string, start: number): PhoneCue {
  const label = view.slice(Math.max(0, start - LABEL_CHARS), start);
  if (LABEL_FOR.test(label)) return 'for';
  if (LABEL_AGAINST.test(label)) return 'against';
  const lineStart = view.lastIndexOf('\n', start - 1) + 1;
  return WORD_FOR.test(view.slice(Math.max(lineStart, start - LINE_CHARS), start)) ? 'for' : undefined;
}
