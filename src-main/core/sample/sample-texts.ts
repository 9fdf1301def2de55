// The sample batch's words, as data: every file is generated from these, so nothing binary is
// committed and a test can compare what the importer read with what was written. Everyone and
// everything here is made up. Contact details come from ranges set aside for fiction or from
// published test values, so the batch never points at a real person: US 555-01xx, Ofcom's drama
// numbers (GB), the Bundesnetzagentur's film numbers (DE), ARCEP's fiction ranges (FR), the
// IBAN registry's example accounts, card-network test numbers, example.* domains. Each value is
// nevertheless valid (Luhn, mod-97, the numbering plans), so the pattern detectors find it.

export type Sentiment = 'angry' | 'thankful' | 'neutral';

/** An angry complaint, as a plain-text letter. */
export const complaintLetter = `Siobhán O'Sullivan
14 Larkfield Grove
Manchester M20 6RT
siobhan.osullivan@example.com
Tel: 07700 900461

12 March 2024

Customer Relations
Harbourview Energy Ltd
London EC1A 1BB

Re: account HV-204871, disconnected on 4 March 2024

To whom it may concern,

I am furious. For the third time this year your engineers cut off our supply without any
warning, and nobody at your call centre on 020 7946 0958 could tell me why. My mother, who is
eighty-one, sat in a freezing flat for two days. This is a disgrace.

You charged my card 4111 1111 1111 1111 twice for the same bill and have ignored two letters
asking for the money back. Refund it to IBAN GB82 WEST 1234 5698 7654 32 within fourteen days,
or I will take this to the Energy Ombudsman and to the press.

Your complaints manager, Daniel Whitfield, promised to call me back on 6 March. He never did.

Still waiting,
Siobhán O'Sullivan
`;

/** Glowing thanks, as a plain-text letter. */
export const thanksLetter = `Dr Kenji Watanabe
Department of Neurology
St Aldhelm's Hospital, Bristol

2 April 2024

Dear Ms Amara Okafor,

Thank you, and the whole team at Brightwater Community Trust, for the wonderful fundraising
evening in Bristol on 23 March. It was a joy from start to finish. Thanks to your volunteers,
especially Tomasz Kowalski and Lucía Fernández, we raised £18,400 for the new children's ward.

The families we met were moved to tears, and so was I. Please pass on my warmest gratitude. If I
can ever return the favour, call me on +44 117 496 0123 or write to kenji.watanabe@example.org.

With heartfelt thanks,
Kenji Watanabe
`;

/** A neutral notice, as a Markdown memo. */
export const officeMemo = `# Office move and new contact details

**To:** all staff of Lindqvist & Partner GmbH
**From:** Ingrid Lindqvist, office manager
**Date:** 2024-04-15

From **Monday 6 May 2024** the Berlin office moves from Friedrichstraße 68 to Kastanienallee 12,
10435 Berlin. The Munich and Paris offices are not affected.

- Reception, Berlin: +49 30 23125 456
- Paris desk, Amélie Laurent: +33 1 99 00 12 34
- Facilities: facilities@lindqvist-partner.example

Salaries are still paid from DE89 3704 0044 0532 0130 00. Lukas Becker hands out the new keys on
3 May between 09:00 and 12:00.
`;

/** Case notes, one CSV row (one document) each; the importer reads the "text" column. */
export const caseNotes: ReadonlyArray<{ id: string; opened: string; officer: string; sentiment: Sentiment; text: string }> = [
  {
    id: 'CN-1041',
    opened: '2024-02-19',
    officer: 'Priya Raghunathan',
    sentiment: 'neutral',
    text: 'Caller María José García López says her landlord, Kestrel Property Management, kept her deposit of €1,200 after she left the flat at 21 rue Sainte-Catherine, Lyon. Reach her on 06 39 98 12 34 or mj.garcia@example.net. Advised a formal demand; follow up on 4 March 2024.',
  },
  {
    id: 'CN-1042',
    opened: '2024-02-21',
    officer: 'Priya Raghunathan',
    sentiment: 'neutral',
    text: 'Mehmet Yılmaz of Anatolia Imports confirmed the hearing in Chicago on 03/28/2024. His lawyer, Rebecca Goldstein, asks that papers go to r.goldstein@example.com; her office is on (312) 555-0178. No action needed.',
  },
  {
    id: 'CN-1043',
    opened: '2024-02-22',
    officer: 'Grace Mwangi',
    sentiment: 'angry',
    text: 'Dmitri Ivanov was shouting and very upset: Nordic Express lost his parcel six weeks ago and the $245 refund to his card 5555 5555 5555 4444 never came. He threatened to sue. Escalated to Grace Mwangi.',
  },
];

/** Messages, one JSONL line (one document) each; the importer reads the "text" field. */
export const messages: ReadonlyArray<{ id: string; from: string; sent: string; sentiment: Sentiment; text: string }> = [
  {
    id: 'msg-1',
    from: 'Wei Zhang',
    sent: '2024-03-01T09:14:00Z',
    sentiment: 'neutral',
    text: 'Hi Fatima, the shipment for Osaka leaves Rotterdam on 8 March. Call me on +1 415 555 0133 if customs ask for anything. Wei',
  },
  {
    id: 'msg-2',
    from: 'Fatima Al-Sayed',
    sent: '2024-03-02T16:40:00Z',
    sentiment: 'thankful',
    text: 'Wei, thank you so much, you saved the whole project! Yuki Tanaka at Kansai Trading says the samples are perfect.',
  },
  {
    id: 'msg-3',
    from: 'João Pereira',
    sent: '2024-03-04T11:05:00Z',
    sentiment: 'angry',
    text: 'This is the fourth time Sunline Telecom has overcharged me. I am cancelling today. Never write to joao.pereira@example.com again.',
  },
];

/**
 * A two-page report, line by line as each page prints it (a line is never wrapped, so the text
 * layer reads back exactly these lines).
 */
export const reportPages: readonly (readonly string[])[] = [
  [
    'Meridian Housing Association',
    'Quarterly tenant review, first quarter 2024',
    'Prepared by Olumide Adeyemi and Sofia Rossi on 5 April 2024.',
    'Tenant satisfaction rose in Leeds and in Glasgow this quarter.',
    'Most repairs were finished within ten working days.',
    'Contact: olumide.adeyemi@example.org or 0113 496 0777.',
  ],
  [
    'Open cases',
    'Nguyen Thi Mai (flat 4B, Leeds): damp in the bedroom, inspection on 18 April 2024.',
    'Arjun Mehta (Glasgow): rent arrears, a payment plan was agreed.',
    'Katarzyna Nowak: her deposit goes to FR14 2004 1010 0505 0001 3M02 606.',
    'Next review: 5 July 2024.',
  ],
];

/** A tenancy agreement: its paragraphs, the first one the title. */
export const agreementParagraphs: readonly string[] = [
  'Tenancy agreement',
  'This agreement is made on 1 June 2024 between Chiara Bianchi of Via Garibaldi 14, Turin (the landlord) and Kwame Mensah and Aisha Mensah (the tenants).',
  'The tenants pay a monthly rent of €950 on the first working day of each month to IBAN IT60 X054 2811 1010 0000 0123 456.',
  'Notices to the landlord go to chiara.bianchi@example.com. The tenants can be reached on +49 89 99998 123.',
  'Signed in Turin on 1 June 2024 by Chiara Bianchi, Kwame Mensah and Aisha Mensah.',
];

/** A phone-message slip, scanned: its printed lines (an image: no text until OCR reads it). */
export const scannedNoteLines: readonly string[] = [
  'PHONE MESSAGE - 22 April 2024',
  'For: Dr Aiko Sato',
  'From: Rafael Moreno, Blue Harbor Plumbing',
  'Please call him back on (617) 555-0110.',
  'He is very pleased with the new contract',
  'and would like to meet on Friday in Boston.',
];
