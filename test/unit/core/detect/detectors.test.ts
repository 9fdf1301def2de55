import { describe, expect, it } from 'vitest';
import { detectPatterns, type DetectedSpan } from '../../../../src-main/core/detect/index.ts';
import { luhnValid } from '../../../../src-main/core/detect/luhn.ts';
import { ibanChecksumValid } from '../../../../src-main/core/detect/iban.ts';

/** The texts one detector finds in `text`. */
function found(text: string, detector: string, options: Parameters<typeof detectPatterns>[2] = {}): string[] {
  return detectPatterns(text, [], { ...options, detectors: [detector] }).map((s: DetectedSpan) => text.slice(s.start, s.end));
}

/** Whether `value`, alone in a sentence, is found whole by `detector`. */
function detects(value: string, detector: string, options: Parameters<typeof detectPatterns>[2] = {}): boolean {
  return found(`Value: ${value} end.`, detector, options).includes(value);
}

describe('payment cards', () => {
  const valid = [
    '4111111111111111',
    '5555555555554444',
    '2223003122003222',
    '378282246310005',
    '6011111111111117',
    '3530111333300000',
    '30569309025904',
    '4222222222222',
  ];
  it.each(valid)('finds Luhn-valid %s', (n) => {
    expect(luhnValid(n)).toBe(true);
    expect(detects(n, 'card')).toBe(true);
  });
  it.each(valid)('rejects %s with its last digit one off', (n) => {
    const off = n.slice(0, -1) + String((Number(n.at(-1)) + 1) % 10);
    expect(luhnValid(off)).toBe(false);
    expect(found(`Value: ${off} end.`, 'card')).toEqual([]);
  });
  it('accepts space and dash groups, but not mixed separators or a longer run', () => {
    expect(detects('4111 1111 1111 1111', 'card')).toBe(true);
    expect(detects('4111-1111-1111-1111', 'card')).toBe(true);
    expect(detects('3782 822463 10005', 'card')).toBe(true);
    expect(found('x 4111 1111-1111 1111 y', 'card')).toEqual([]);
    expect(found('x 41111111111111110 y', 'card')).toEqual([]);
    expect(found('order 12345678901234567 ok', 'card')).toEqual([]);
  });
  it('finds the card inside a longer run of groups', () => {
    expect(found('card 4111 1111 1111 1111 2024 exp', 'card')).toEqual(['4111 1111 1111 1111']);
  });
  it('needs a known issuer prefix and length even when Luhn passes', () => {
    expect(luhnValid('1234567812345670')).toBe(true);
    expect(found('x 1234567812345670 y', 'card')).toEqual([]);
    expect(found('x 411111111111111 y', 'card')).toEqual([]); // Visa with 15 digits
  });
  it('scores checksum-valid cards 0.99', () => {
    expect(detectPatterns('4111111111111111', [], { detectors: ['card'] })[0]).toMatchObject({ label: 'CARD', score: 0.99, detector: 'card' });
  });
});

describe('IBAN', () => {
  const valid = [
    'DE89370400440532013000',
    'GB82WEST12345698765432',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'BE68539007547034',
    'NO9386011117947',
    'CH9300762011623852957',
    'ES9121000418450200051332',
    'IT60X0542811101000000123456',
    'PL61109010140000071219812874',
  ];
  it.each(valid)('finds %s (electronic and print format)', (iban) => {
    expect(ibanChecksumValid(iban)).toBe(true);
    expect(detects(iban, 'iban')).toBe(true);
    expect(detects(iban.replace(/(.{4})(?!$)/g, '$1 '), 'iban')).toBe(true);
  });
  it.each(valid)('rejects %s with a wrong check digit', (iban) => {
    const check = Number(iban.slice(2, 4));
    const bad = iban.slice(0, 2) + String((check + 1) % 100).padStart(2, '0') + iban.slice(4);
    expect(found(`Value: ${bad} end.`, 'iban')).toEqual([]);
  });
  it('rejects wrong lengths and unknown countries', () => {
    expect(found('x DE8937040044053201300 y', 'iban')).toEqual([]); // 21, DE needs 22
    expect(found('x DE893704004405320130001 y', 'iban')).toEqual([]); // 23
    expect(found('x ZZ89370400440532013000 y', 'iban')).toEqual([]);
  });
  it('takes no card out of the cells of a table row', () => {
    expect(found('Lukas\t45 40 49 21\t07 41 03 99\tParis', 'card')).toEqual([]); // 16 digits passing Luhn, in two cells
    expect(found('#480440582\t1951-06-08', 'card')).toEqual([]);
    expect(found('Olivia\t6530  0660  7162  5997\t210\tok', 'card')).toEqual(['6530  0660  7162  5997']);
    expect(found('card 4111\t1111\t1111\t1111 on file', 'card')).toEqual(['4111\t1111\t1111\t1111']);
  });
  it('takes no card or phone out of an IBAN whose check digits are wrong', () => {
    expect(detectPatterns('IBAN DE12 3000 2722 9465 1962 00 on file', [])).toEqual([]); // 3000 2722 9465 1962 passes Luhn (Diners)
  });
  it('stops at the end of the IBAN when a word follows in print format', () => {
    expect(found('IBAN DE89 3704 0044 0532 0130 00 AND MORE', 'iban')).toEqual(['DE89 3704 0044 0532 0130 00']);
  });
});

describe('US SSN', () => {
  it('finds valid numbers with dashes or spaces, and bare digits after an SSN cue', () => {
    expect(detects('219-09-9998', 'ssn')).toBe(true);
    expect(detects('536 22 1234', 'ssn')).toBe(true);
    expect(found('SSN: 536221234.', 'ssn')).toEqual(['536221234']);
    expect(found('Order 536221234.', 'ssn')).toEqual([]);
  });
  it('takes ordinary words between the cue and the digits, ahead of a phone reading', () => {
    expect(detectPatterns('His social security number is 088036604.', []).map((s) => s.label)).toEqual(['SSN']);
    expect(found('SSN on file: 088036604', 'ssn')).toEqual(['088036604']);
    const text = 'please call 05.52.25.62.32 to pay by phone. For your records, SS# 081619828.';
    expect(detectPatterns(text, []).map((s) => [s.label, text.slice(s.start, s.end)])).toEqual([
      ['PHONE', '05.52.25.62.32'],
      ['SSN', '081619828'],
    ]);
  });
  it.each(['000-12-3456', '666-12-3456', '900-12-3456', '987-65-4321', '123-00-4567', '123-45-0000', '078-05-1120', '219-09-9999', '123-45-6789'])(
    'rejects invalid or voided %s',
    (n) => expect(found(`SSN ${n} end`, 'ssn')).toEqual([]),
  );
  it('does not take part of a longer number', () => {
    expect(found('ref 1219-09-9998 and 219-09-99981', 'ssn')).toEqual([]);
  });
});

describe('phone numbers (libphonenumber)', () => {
  it('finds numbers in several formats and countries', () => {
    expect(detects('+1 (415) 555-2671', 'phone')).toBe(true);
    expect(detects('(212) 555-0100', 'phone')).toBe(true);
    expect(detects('212.555.0100', 'phone')).toBe(true);
    expect(detects('+44 20 7946 0958', 'phone')).toBe(true);
    expect(detects('+49 30 901820', 'phone')).toBe(true);
    expect(detects('+81 3-1234-5678', 'phone')).toBe(true);
    expect(detects('+33 6 12 34 56 78', 'phone')).toBe(true);
  });
  it('reads national numbers with the default region', () => {
    expect(detects('020 7946 0958', 'phone', { phoneRegions: ['GB'] })).toBe(true);
    expect(detects('06 12 34 56 78', 'phone', { phoneRegions: ['FR'] })).toBe(true);
    expect(found('Code 06 12 34 56 78 now', 'phone', { phoneRegions: ['US'] })).toEqual([]);
    // Not even said to be a phone: a French number is not written the way American ones are.
    expect(found('Call 06 12 34 56 78 now', 'phone', { phoneRegions: ['US'] })).toEqual([]);
  });
  it('rejects numbers too short or invalid for the region', () => {
    expect(found('room 12345 or 555-01', 'phone')).toEqual([]);
    expect(found('code 123-456-7890', 'phone', { phoneRegions: ['US'] })).toEqual([]); // US area codes never start with 1
  });
  it('takes a number that is only possible, not valid, when the words before it say phone, with a lower score', () => {
    const [possible] = detectPatterns('call 123-456-7890', [], { detectors: ['phone'], phoneRegions: ['US'] });
    const [valid] = detectPatterns('call 212-555-0100', [], { detectors: ['phone'], phoneRegions: ['US'] });
    expect(possible?.score).toBeLessThan(valid!.score);
  });
  it('does not swallow a following number after a comma as an extension', () => {
    const text = 'Call (212) 555-0100, 2024 was busy; +1 (415) 555-2671, 020 7946 0958.';
    expect(found(text, 'phone', { phoneRegions: ['GB'] })).toEqual(['+1 (415) 555-2671', '020 7946 0958']);
    expect(found('Call (212) 555-0100, 2024 was busy', 'phone')).toEqual(['(212) 555-0100']);
  });
  it('reads the national numbers of every listed region at once', () => {
    const text = 'Paris 01 42 68 53 00, London 020 7946 0321, Berlin 030 12345678, Mumbai 98765 43210, NY (212) 555-0100.';
    expect(found(text, 'phone', { phoneRegions: ['US', 'GB', 'DE', 'FR', 'IN'] })).toEqual([
      '01 42 68 53 00',
      '020 7946 0321',
      '030 12345678',
      '98765 43210',
      '(212) 555-0100',
    ]);
    expect(found(text, 'phone', { phoneRegions: ['US'] })).toEqual(['(212) 555-0100']);
  });
  it('leaves references, dates, versions and postcodes that a region would read as numbers', () => {
    for (const text of [
      'INV-2019-003489',
      'Order #100234987',
      'Ref: 4155550132',
      'born 13.10.1965',
      'build 3.10.521.9',
      'at 2024-03-14 09:30',
      'ZIP 94105-1234',
      'code 941051234',
    ]) {
      expect(found(text, 'phone'), text).toEqual([]);
    }
  });
  it('reads the cells of a table row apart', () => {
    const row = 'Lukas\t602.555.0162 Ext. 0731\t030 3524572\t1971-06-18\t21:01:01.698';
    expect(detectPatterns(row, [], { phoneRegions: ['US', 'GB', 'DE', 'FR', 'IN'] }).map((s) => [s.label, row.slice(s.start, s.end)])).toEqual([
      ['PHONE', '602.555.0162 Ext. 0731'],
      ['PHONE', '030 3524572'],
      ['DATE', '1971-06-18'],
    ]);
    const next = 'x\t011 5515 5317\t1971-06-18\tManchester';
    expect(detectPatterns(next, [], { phoneRegions: ['US', 'GB', 'DE', 'FR', 'IN'] }).map((s) => [s.label, next.slice(s.start, s.end)])).toEqual([
      ['PHONE', '011 5515 5317'],
      ['DATE', '1971-06-18'],
    ]);
  });
  it('keeps brackets balanced', () => {
    expect(found('Call (917.555.0142) today', 'phone')).toEqual(['(917.555.0142)']);
    expect(found('Call (917.555.0142 today', 'phone')).toEqual(['917.555.0142']);
    expect(found('Call (212) 555-0100 today', 'phone')).toEqual(['(212) 555-0100']);
  });
  it('raises the score of a number labelled as a phone', () => {
    const [plain] = detectPatterns('see 212-555-0100', [], { detectors: ['phone'] });
    const [labelled] = detectPatterns('Tel.: 212-555-0100', [], { detectors: ['phone'] });
    expect(labelled!.score).toBeGreaterThan(plain!.score);
  });
  it('keeps an explicit extension', () => {
    expect(found('Call (212) 555-0100 ext. 123 today', 'phone')).toEqual(['(212) 555-0100 ext. 123']);
  });
});

describe('IP addresses', () => {
  it.each(['192.168.0.1', '8.8.8.8', '255.255.255.255'])('finds IPv4 %s', (ip) => expect(detects(ip, 'ip')).toBe(true));
  it.each(['256.1.1.1', '1.2.3', '01.02.03.04', '1.2.3.4.5'])('rejects %s', (ip) => expect(found(`x ${ip} y`, 'ip')).toEqual([]));
  it.each(['2001:db8::1', '::1', 'fe80::', '2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:db8:0:0:1:0:0:1', '::ffff:192.0.2.128', 'fe80::1%eth0'])(
    'finds IPv6 %s (compressed forms included)',
    (ip) => expect(detects(ip, 'ip')).toBe(true),
  );
  it.each(['2001:db8:::1', '12:30:45', '1::2::3', 'gggg::1', '::'])('rejects %s', (ip) => expect(found(`x ${ip} y`, 'ip')).toEqual([]));
  it('leaves sentence punctuation out', () => {
    expect(found('Host fe80::1. Next', 'ip')).toEqual(['fe80::1']);
    expect(found('Host 10.0.0.1.', 'ip')).toEqual(['10.0.0.1']);
  });
});

describe('emails and URLs', () => {
  it('finds emails, Unicode ones included, and rejects malformed ones', () => {
    expect(found('Mail john.doe@example.com, a+tag@sub.example.co.uk or josé@exämple.de.', 'email')).toEqual([
      'john.doe@example.com',
      'a+tag@sub.example.co.uk',
      'josé@exämple.de',
    ]);
    expect(found('x .john@example.com john..doe@example.com user@localhost a@b.c1 y', 'email')).toEqual([]);
  });
  it('takes file names at a pixel density for files, not addresses', () => {
    expect(found('Attach screenshot@2x.png and icon@3x.JPG, mail ops@example.com', 'email')).toEqual(['ops@example.com']);
  });
  it('finds URLs without trailing punctuation or an unbalanced bracket', () => {
    expect(found('(see https://example.com/x?a=1&b=2). Or www.example.org, or https://en.wikipedia.org/wiki/Foo_(bar).', 'url')).toEqual([
      'https://example.com/x?a=1&b=2',
      'www.example.org',
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
    expect(found('not urls: http:// and www. alone', 'url')).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    '2024-02-29',
    '2024/12/01',
    '12/31/2024',
    '31/12/2024',
    '31.12.2024',
    '1-2-2023',
    'March 5, 2024',
    'Sept. 9, 2021',
    '5 Mar 2024',
    '5th of May 2021',
    '1st January 1999',
    '06-Aug-1975',
    '6 AUG 75',
    '7/8/23',
    '07.08.23',
    '2024-03-14T09:30:00Z',
    '2024-03-14 09:30',
    '14/03/2024 9:30:15',
  ])('finds %s', (d) => expect(detects(d, 'date')).toBe(true));
  it.each(['2024-02-30', '2023-02-29', '31/04/2024', '13/13/2024', '31.02.2024', 'Feb 30, 2024', '32 May 2024', '2024-13-01', '0999-01-01'])(
    'rejects the impossible date %s',
    (d) => expect(found(`On ${d} we met`, 'date')).toEqual([]),
  );
  it('spans a time of day after the date', () => {
    expect(found('Logged 2024-03-14T09:30:00.250+02:00 by ops', 'date')).toEqual(['2024-03-14T09:30:00.250+02:00']);
    expect(found('At 14.03.2024 09:30, the call', 'date')).toEqual(['14.03.2024 09:30']);
  });
  it('scores dates 0.6', () => {
    expect(detectPatterns('On 2024-02-29.', [], { detectors: ['date'] })[0]?.score).toBe(0.6);
  });
});
