// Words around a capitalised run that say what it is: titles, verbs and labels that go with people,
// prepositions that go with places, suffixes of organisations, and the capitalised words that are
// not names at all (calendar words, headings, products, buildings). All keys are lower case with
// accents folded (lexicon.ts fold()), without a trailing period.
const set = (words: string) => new Set(words.trim().split(/\s+/));

/** Titles and honorifics written before a name ("Dr. Ana Ruiz", "Judge Okafor", "Herr Weber"). */
export const TITLES = set(`mr mrs ms miss mx dr prof professor sir dame lord lady rev revd reverend fr father sister judge
  justice officer detective det inspector insp sergeant sgt constable pc dc ds dci captain capt lieutenant lt colonel col
  maj admiral commander cmdr chief councillor cllr senator governor gov president minister mayor ambassador pastor rabbi
  imam sheikh shaikh bishop archbishop cardinal nurse herr frau fraulein monsieur madame mme mlle senor senora senorita
  sra srta dona signor signora dott dottoressa pani bey hanim shri smt kumari alhaji alhaja mallam mzee bwana ustadh hajji
  haji datuk`);
// Short weekday and month forms (Mon, Sun, Jun, Mar…) are left out of CALENDAR: they are also
// names ("Sun Weidong", "Lê Thu Sương", "Jun Park").

// Not titles, though they can be: Tan, Pan, Sen, Don, Dean, Major, Bay and Sri are also surnames or
// given names ("Tan Wei Ling", "Amartya Sen"), so they would turn surnames into titles.

/** Words after a name that leave no doubt it is a person ("Okafor said", "Ruiz, who…"). */
export const PERSON_VERBS_AFTER = set(`said says told tells asked asks added explained noted wrote writes replied replies
  confirmed confirms declined declines denied denies stated states argued insisted admitted warned attended attends
  emailed called phoned rang arrived left joined resigned retired died signed agreed disagreed refused complained claimed
  recalled reported testified apologised apologized thanked smiled laughed lives lived works worked himself herself who
  whose whom`);

/** Lower-case words just before a name that say a person follows ("his brother Ivo", "met with Ana"). */
export const PERSON_WORDS_BEFORE = set(`dear hi hello hey thanks morning afternoon evening brother sister mother father son
  daughter wife husband partner colleague friend cousin uncle aunt nephew niece grandson granddaughter grandmother
  grandfather fiance fiancee boss manager client patient witness tenant landlord applicant claimant defendant plaintiff
  suspect victim spouse stepson stepdaughter mum mom dad baby widow widower neighbour neighbor ask tell cc attn
  congratulations welcome call email phone ring text thank inform remind invite notify contact said says asked added
  wrote`);

/** Kinship and role nouns that may stand before a name with a comma ("a relative, Toon Freriks"). */
export const PERSON_NOUNS_APPOSED = set(`brother sister mother father son daughter wife husband partner colleague friend cousin
  uncle aunt relative witness tenant landlord client patient applicant claimant defendant plaintiff suspect victim
  spouse neighbour neighbor manager officer caseworker interpreter solicitor nurse doctor chair author caller customer
  resident visitor employee`);

/** Saints' names begin places and institutions, not people ("St Aldhelm's", "San José", "Santa Cruz"). */
export const SAINTS = set(`st ste saint sainte san santa santo sao`);

/** Two-word phrases before a name ("according to Ana", "spoke with Ana"), as "word word". */
export const PERSON_PHRASES_BEFORE = new Set([
  'according to',
  'met with',
  'meeting with',
  'spoke to',
  'spoke with',
  'speak to',
  'speak with',
  'talked to',
  'talked with',
  'thanks to',
  'thank you',
  'written by',
  'signed by',
  'reviewed by',
  'approved by',
  'prepared by',
  'taken by',
  'sent by',
  'interviewed by',
  'represented by',
  'accompanied by',
  'addressed to',
  'forward to',
  'forwarded to',
  'handed to',
  'belonging to',
  'married to',
  'on behalf',
  'care of',
  'cover for',
  'heard from',
  'letter from',
  'complaint from',
  'call from',
  'email from',
  'message from',
  'statement from',
  'reference from',
  'off by',
  'contact is',
  'case is',
]);

/** Labels ending in a colon whose value is a person ("Client: Ana Ruiz", "Seen by: Dr Okafor"). */
export const PERSON_LABELS = set(`name names client patient applicant claimant tenant landlord witness contact kin mother
  father guardian parent spouse partner by author from to cc bcc attn attendees attendee present apologies chair chairs
  secretary panel signed employee manager supervisor officer caseworker reporter interviewer interviewee recipient sender
  owner assignee requester reviewer approver member members speaker speakers presenter host guest guests contacts
  signatory beneficiary customer student teacher doctor nurse candidate action actions`);

/** Lines that end a letter or email; the next non-empty line usually holds the writer's name. */
export const SIGN_OFF =
  /^\s*(?:(?:kind|warm|warmest|best|many)\s+(?:regards|wishes|thanks)|regards|yours\s+(?:sincerely|faithfully|truly)|sincerely(?:\s+yours)?|best|thanks|thank\s+you|many\s+thanks|cheers|respectfully|with\s+thanks|all\s+the\s+best|take\s+care)\s*[,.!]?\s*$/i;

/** Words that come before a place ("in Accra", "near Lyon"): a single word after them is no person. */
export const PLACE_WORDS_BEFORE = set(`in near via across outside inside around throughout towards toward into visiting
  departing leaving reaching entering`);

/** Words that come before places and people alike ("from Accra", "from Ana"); a weaker place cue. */
export const PLACE_WORDS_WEAK = set(`from of to at`);

/** Words after a place ("Our Accra branch", "the Lyon office"). */
export const PLACE_WORDS_AFTER = set(`branch office offices airport region area province county district`);

/** The last word of an organisation's name ("Acme Ltd", "Okafor & Partners LLP", "Accra City Council"). */
export const ORG_SUFFIXES = set(`ltd limited inc incorporated llc llp plc gmbh ag kg sa sas sarl srl spa bv nv oy ab asa
  pty pvt corp corporation company co group holdings holding partners associates logistics consulting consultants foundation
  ug ei eg ohg gbr kgaa se sprl bvba aps kft zrt doo sro
  eurl sas snc sca groep combinatie bedrijf bedrijven stiftung verein werke figli fils spa srl ltda eireli cia
  trust bank council university college institute institution academy agency authority commission association society
  union ministry department hospital clinic school airlines airways motors industries enterprises ventures
  solutions systems technologies technology labs laboratories services capital investments insurance media press
  publishing pharmaceuticals pharma energy foods brewery club charity network fund cooperative cie fils sons brothers
  studios records entertainment communications telecom`);

/** Legal forms that may be written in lower case and still end a name ("Ishikawa plc", "Rossi e figli"). */
export const LEGAL_FORMS = set(`plc ltd inc llc llp gmbh spa srl sarl sas bv nv ag kg ug pty figli fils sons soehne sohne cie`);

/** Legal forms written as abbreviations, whose period belongs to the name ("Acme Inc.", "Weber & Co."). */
export const ABBREVIATED_FORMS = set(`inc co corp ltd bros cie`);

/** Words that start an organisation's name before "of" ("Bank of Ghana", "Ministry of Health"). */
export const ORG_HEADS = set(`bank ministry university department institute college embassy council office board bureau
  agency school academy church society federation association chamber court commission government museum`);

/** Building and street words: "Victoria House", "Baker Street" are neither people nor (gold) places. */
export const FACILITY_NOUNS = set(`house hall building centre center court cottage ward wing street road avenue lane
  square park bridge station tower towers plaza place close crescent drive way gardens terrace mews row manor lodge
  estate farm mill chapel cathedral abbey library museum gallery theatre theater arena stadium hotel inn tavern pub
  quay wharf dock pier gate yard campus block floor suite room unit annex annexe pavilion`);

/** Words that make a run a region or a country rather than a person ("Solomon Islands"). */
export const GEO_NOUNS = set(`islands island republic kingdom states emirates mountains mountain river lake sea ocean bay
  valley province county region district peninsula coast desert gulf strait falls hills heights springs beach`);

/** Calendar words: capitalised, never names (a month like "May" or "June" only with a title). */
export const CALENDAR = set(`january february march april may june july august september october november december
  feb apr aug sept oct nov dec monday tuesday wednesday thursday friday saturday sunday tues thurs christmas easter ramadan eid diwali hanukkah chanukah thanksgiving passover lent advent
  halloween pentecost yom kippur holi vesak boxing new year eve weekend today tomorrow yesterday`);

/** Determiners and possessives: "the Jefferson Building", "our Atlas Scheduler" are not people. */
export const DETERMINERS = set(`the a an these those our your their its every each some any no another`);

/** Lower-case particles inside names ("Senna de Haan", "Mustafa bin Ahmed", "Juan de la Cruz"). */
export const PARTICLES = set(`de del della dello dei degli di da das dos do du la las los le les van von der den ter ten vander
  bin bint ibn binti al el ben y e zu vom`);

/** Particles that may also begin a name ("van der Berg said", "bint Mohammed told"). */
export const LEADING_PARTICLES = set(`de del della di da das dos du van von der den ter ten bin bint ibn al el`);

/** Joiners of firm names: "Lemaire et Richard", "Smith & Sons" ("and" only before a suffix: "Osinski and Sons"). */
export const FIRM_JOINERS = set(`et und`);
