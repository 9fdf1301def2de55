// The form of a name, for names no list can hold: surname endings that belong to a culture
// (-ski, -ović, -escu, -opoulos, -sson, -enko, -shvili, -yan…), Irish and Scottish prefixes, Yoruba
// and Igbo name prefixes, Korean given names built from two syllables ("Seo-yeon"), Chinese given
// names of one or two pinyin syllables ("Xiaoling"), and Vietnamese syllables. A shape is weaker
// evidence than the lexicon: it helps a run that has a cue or another name word.

/** Surname endings, tested on the folded word. Each is distinctive enough not to fire on English words. */
const SURNAME_ENDING = new RegExp(
  '(?:' +
    [
      'owski|ewski|owska|ewska|inski|inska|ynski|ynska|cki|cka|dzki|dzka|wicz|czyk|czak', // Polish
      'ovic|evic|ovich|evich|ovna|evna|ova|eva|enko|chuk|czuk|yuk|shvili|dze|ashvili', // Slavic, Ukrainian, Georgian
      'escu|eanu', // Romanian
      'opoulos|opoulou|poulos|idis|iadis|akis|akos|iou|akou', // Greek
      'oglu|zade|zadeh|pour|far', // Turkish, Persian
      '[^aeiou]yan', // Armenian
      'sson|sdottir|dottir|ssen|[^aeiou]sen|qvist|kvist|strom|gren|berg|borg|lund|holm', // Nordic, German
      'mann|baum|stein|feld|hausen|meier|meyer|bauer|huber', // German
      'ainen|inen|auskas|ienas|aitis|ius', // Finnish, Lithuanian
      '[aeiou]ez|egui|etxea|iaga', // Spanish, Basque
      'moto|mura|yama|kawa|gawa|shima|jima|saki|zaki|hara|bara|uchi|guchi|naka|mori|matsu|hashi|tani|zawa|sawa', // Japanese
      'wala|walla|appa|ayya|swamy|endra|preet|jeet|jit', // South Asian
      'chukwu|emeka|kwu', // Igbo
    ].join('|') +
    ')$',
);
const SURNAME_PREFIX = /^(?:o'[a-z]{3,}|mc[a-z]{3,}|mac[a-z]{4,}|fitz[a-z]{3,}|ab[a-z]{4,}ah)$/;
const WEST_AFRICAN_PREFIX =
  /^(?:ade|adé|olu|oluwa|ola|ayo|akin|ogun|oye|ife|fola|bola|dami|temi|tolu|funmi|kola|femi|yemi|chi|chukwu|nwa|oko|obi|uche|nne|ike|osa|efe|eze|ogbo|onye|ayo)[a-z]{3,}$/;

const KOREAN = new Set(
  `min jun seo yeon ji woo ha eun soo su ah ye jin da hye yu na hyun joon young yeong sung seong tae dong jae won sang hoon
  kyung gyeong ho yoon yun do bo ra rae bin hee hui jung jeong mi kyu chul cheol byung byeong gun geon seung yong kwang gwang
  moon mun dae myung myeong chae ga so hae yoo woong hwan seok sook suk ok ja sun il in chan wook uk han bit rim lim hyuk kyo
  nam gyu jang kang hong hyo a ae e i o u si se sa jong jeon joo ju kook guk man nara ri rin ran yeol ryeol hak ku gu won`.split(/\s+/),
);
const PINYIN =
  /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|iao|ian|uai|uan|ang|eng|ing|ong|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|uo|ui|un|ue|a|e|i|o|u|v))$/;
const VIETNAMESE = /[ăâêôơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

export type Shape = 'surname' | 'korean' | 'pinyin' | 'vietnamese' | 'west-african';

/** Splits a folded word into pinyin syllables (greedy from the left, with backtracking), or null. */
function pinyinSyllables(key: string, max: number): number | null {
  if (key.length === 0) return 0;
  if (max === 0) return null;
  for (let len = Math.min(6, key.length); len >= 1; len--) {
    if (!PINYIN.test(key.slice(0, len))) continue;
    const rest = pinyinSyllables(key.slice(len), max - 1);
    if (rest !== null) return rest + 1;
  }
  return null;
}

/** The shape of a capitalised word (its original text and folded key), if it looks like a name. */
export function nameShape(text: string, key: string): Shape | undefined {
  if (VIETNAMESE.test(text)) return 'vietnamese';
  const parts = key.split('-');
  if (parts.length === 2 && parts.every((p) => KOREAN.has(p))) return 'korean';
  if (key.length >= 4 && !key.includes('-') && (pinyinSyllables(key, 2) ?? 0) >= 2) return 'pinyin';
  if (key.length >= 5 && (SURNAME_ENDING.test(key) || SURNAME_PREFIX.test(key))) return 'surname';
  if (key.length >= 6 && WEST_AFRICAN_PREFIX.test(key)) return 'west-african';
  return undefined;
}
