// Capitalised words that are not names: the vocabulary of headings, forms, products, software,
// departments and business writing, plus languages. compromise's lexicon already knows most verbs,
// adjectives and many nouns (engine.ts asks it too); these are common words it lacks or that are
// often capitalised in documents. A word that is also a known given name or surname (Rose, Baker)
// stays a name candidate: these only veto runs that have no name evidence of their own.
const words = (s: string) => s.trim().split(/\s+/);

/** Pronouns and other function words: never a name on their own, even those that are also
 *  surnames ("He", "Ma", "So", "An"). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  words(`i me my we us our you your he him his she her it its they them their this that these those who whom whose what
    which the a an and or but nor if so as at by in of on to up do no not yes all any both each few many much most some
    such than then there here when where why how`),
);

export const COMMON_WORDS: ReadonlySet<string> = new Set([
  ...words(`the a an and or but nor if then else when while where why how what which who whom whose that this these those
    there here it its he she they we you i me him her them us my your our their his hers mine yours ours theirs
    please thanks thank yes no not ok okay hi hello dear regards sincerely note notes nb ps re fw fwd fyi asap etc
    apologies attendees present absent subject from to cc bcc sent date`),
  ...words(`however overall unfortunately fortunately meanwhile additionally regrettably separately also further finally
    firstly secondly thirdly lastly therefore thus hence moreover nevertheless nonetheless otherwise instead indeed
    generally usually typically currently recently previously subsequently accordingly alternatively consequently
    summary conclusion introduction background overview appendix annex schedule section article clause paragraph
    chapter part page figure table item items step steps stage phase point points issue issues question questions`),
  ...words(`report reports review reviews policy policies notice notices procedure procedures process guidance guideline
    guidelines standard standards statement statements agreement agreements contract contracts invoice invoices receipt
    order orders request requests application applications form forms letter letters memo minutes agenda action actions
    plan plans budget budgets forecast forecasts account accounts payment payments claim claims case cases file files
    record records register log logs list lists checklist template draft final version update updates change changes
    incident incidents risk risks assessment assessments audit audits inspection compliance safety health security
    privacy data information retention protection terms conditions period periods deadline deadlines date dates time
    annual quarterly monthly weekly daily interim final preliminary provisional confidential internal external public
    private general special standard senior junior chief head deputy assistant associate principal lead acting interim`),
  ...words(`board committee meeting meetings session sessions workshop workshops training course courses programme program
    project projects operation operations initiative initiatives strategy strategies objective objectives target targets
    goal goals outcome outcomes result results performance quality delivery service services support level levels
    department departments team teams unit units division divisions office offices branch branches region regions
    finance financial legal procurement payroll facilities estates marketing sales research development engineering
    production logistics administration admin human resources customer customers client clients staff employee employees
    management manager managers director directors officer officers executive executives partner partners analyst
    analysts consultant consultants adviser advisor advisers advisors specialist coordinator administrator secretary
    treasurer auditor counsel solicitor barrister clerk engineer developer designer architect fellow intern trainee
    starter starters leaver leavers volunteer volunteers member members user users guest guests visitor visitors`),
  ...words(`product products app apps application software hardware system systems platform platforms portal portals suite
    suites cloud server servers console consoles dashboard dashboards tracker trackers ledger ledgers scheduler desk desks
    hub studio tool tools toolkit kit device devices phone phones tablet tab laptop laptops desktop computer network
    database website web site online digital mobile edition pro plus max mini lite premium enterprise basic beta alpha
    release model series mark generation gen core engine module modules feature features licence license licences
    subscription account login password email inbox calendar folder drive cloud storage backup sync connect link`),
  ...words(`news newsletter bulletin briefing announcement alert reminder invitation welcome farewell congratulations
    launch rollout migration upgrade maintenance outage downtime release event events conference summit forum webinar
    party celebration holiday holidays leave absence sickness sick maternity paternity parental annual bank day days week
    weeks month months year years morning afternoon evening night noon midnight spring summer autumn fall winter`),
  ...words(`act acts law laws regulation regulations directive directives rule rules code codes bill charter treaty
    convention constitution amendment order decree ordinance statute court tribunal hearing appeal appeals judgment
    north south east west northern southern eastern western central upper lower greater new old great little big high
    low first second third fourth fifth last next previous other same own main major minor key top bottom front back
    english french spanish german italian portuguese dutch polish czech russian ukrainian turkish arabic persian farsi
    hindi urdu bengali punjabi tamil telugu gujarati marathi swahili amharic yoruba igbo hausa zulu xhosa afrikaans
    mandarin cantonese chinese japanese korean vietnamese thai indonesian malay tagalog greek hebrew latin welsh gaelic
    european african asian american british irish scottish australian canadian mexican brazilian indian nigerian`),
  ...words(`total totals amount amounts cost costs price prices fee fees rate rates tax taxes income revenue profit loss
    balance credit debit cash fund funds grant grants loan loans debt asset assets share shares stock value sum
    room rooms floor building site sites address location area zone map route road street city town village country
    state nation world global international national local regional federal municipal community council parliament
    government ministry agency authority commission union association society foundation trust charity company firm
    business industry market markets sector economy group corporation organisation organization institution`),
]);

/** Word endings of English abstract and derived nouns/adjectives; names almost never end so. */
export const COMMON_ENDINGS =
  /(?:tion|sion|ment|ness|ity|ship|ance|ence|ism|ology|ware|able|ible|ical|ive|ous|ful|less|tions|ments|ities|ships|ances|ences|ings|ists)$/;
