import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SOCKET_IP_HEADER, clientIp } from '@/lib/client-ip';
import { messages } from '@/lib/i18n';
import { checkFormToken, issueFormToken } from '@/lib/intake/form-token';
import { formatReference, referenceYear } from '@/lib/intake/reference';
import { type HelpRequestInput, formEnvelopeSchema, helpRequestSchema, statusLookupSchema } from '@/lib/intake/schema';
import { backoffSeconds } from '@/lib/outbox/worker';
import { fieldErrorsOf, REFERENCE_PATTERN } from '@/lib/validation';
import { validRequest } from '../helpers/fixtures';

const m = messages.errors;

/** The parsed request; fails the test if the schema refuses it. */
function accepted(input: unknown) {
  const result = helpRequestSchema.safeParse(input);
  if (!result.success) expect.fail(`refused: ${JSON.stringify(fieldErrorsOf(result.error))}`);
  return result.data;
}

/** The German field errors; fails the test if the schema accepts the input. */
function refused(input: unknown) {
  const result = helpRequestSchema.safeParse(input);
  if (result.success) expect.fail('accepted, expected a refusal');
  return fieldErrorsOf(result.error);
}

const field = (name: keyof HelpRequestInput, value: unknown) => validRequest({ [name]: value });
const errorOn = (name: keyof HelpRequestInput, value: unknown) => refused(field(name, value))[name];

function without(name: keyof HelpRequestInput) {
  const request: Record<string, unknown> = { ...validRequest() };
  delete request[name];
  return request;
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const padTo = (text: string, length: number) => text.padEnd(length, 'x');

describe('helpRequestSchema', () => {
  it('accepts German text with umlauts, ß and emoji, and trims surrounding whitespace', () => {
    const data = accepted(
      validRequest({
        organisation: '  Ölmühle Groß & Söhne 🌻  ',
        contact_name: '\tJürgen Weiß ',
        email: ' j.weiss@oelmuehle-gross.de ',
        phone: ' +49 (0)361 / 123-456 ',
        postal_code: ' 99084 ',
        city: ' Weißensee ',
        description: '\n  Wir suchen 500 kg Sonnenblumenkerne für unsere Ölpresse 🌻 – Größe egal, Maße 10×20 mm.  \n',
        sector: ' 10.41 ',
      }),
    );
    expect(data).toMatchObject({
      organisation: 'Ölmühle Groß & Söhne 🌻',
      contact_name: 'Jürgen Weiß',
      email: 'j.weiss@oelmuehle-gross.de',
      phone: '+49 (0)361 / 123-456',
      postal_code: '99084',
      city: 'Weißensee',
      description: 'Wir suchen 500 kg Sonnenblumenkerne für unsere Ölpresse 🌻 – Größe egal, Maße 10×20 mm.',
      sector: '10.41',
      consent: true,
    });
  });

  it('drops fields a requester must not set', () => {
    const data = accepted({ ...validRequest(), status: 'resolved', id: 1, reference: 'LS-2026-00001' });
    expect(data).not.toHaveProperty('status');
    expect(data).not.toHaveProperty('id');
    expect(data).not.toHaveProperty('reference');
  });

  const hostile = [
    '<script>alert("x")</script> bitte liefern',
    `Robert'); DROP TABLE cases; -- Schmidt`,
    '<img src=x onerror=alert(1)> &amp; &lt;b&gt;',
    `' OR '1'='1' UNION SELECT * FROM users --`,
  ];
  it.each(['organisation', 'contact_name', 'city', 'description'] as const)('keeps HTML and SQL-looking text in %s verbatim', (name) => {
    for (const value of hostile) expect(accepted(field(name, value))[name]).toBe(value);
  });

  it.each([
    ['organisation', m.required],
    ['kind', m.chooseOne],
    ['contact_name', m.required],
    ['email', m.required],
    ['postal_code', m.required],
    ['city', m.required],
    ['category', m.chooseOne],
    ['description', m.required],
    ['urgency', m.chooseOne],
    ['consent', m.consent],
  ] as const)('reports a missing %s on that field only', (name, message) => {
    expect(refused(without(name))).toEqual({ [name]: message });
  });

  it('spells out the German messages', () => {
    expect(refused(without('organisation')).organisation).toBe('Bitte füllen Sie dieses Feld aus.');
    expect(refused(without('kind')).kind).toBe('Bitte wählen Sie eine Option.');
    expect(errorOn('postal_code', '9908')).toBe('Bitte geben Sie eine fünfstellige Postleitzahl ein.');
    expect(errorOn('organisation', 'x'.repeat(201))).toBe('Bitte höchstens 200 Zeichen.');
  });

  it.each([
    ['organisation', 200],
    ['contact_name', 120],
    ['city', 100],
    ['description', 5000],
  ] as const)('accepts %s up to %i characters and refuses one more', (name, max) => {
    expect(accepted(field(name, padTo('Größe', max)))[name]).toHaveLength(max);
    expect(accepted(field(name, `  ${padTo('Größe', max)}  `))[name]).toHaveLength(max);
    expect(errorOn(name, padTo('Größe', max + 1))).toBe(`Bitte höchstens ${max} Zeichen.`);
  });

  it('counts an emoji as one character', () => {
    expect(accepted(field('organisation', '🌻'.repeat(200))).organisation).toBe('🌻'.repeat(200));
    expect(errorOn('organisation', '🌻'.repeat(201))).toBe(m.tooLong(200));
  });

  it('needs at least 20 characters of description, not counting surrounding blanks', () => {
    expect(accepted(field('description', 'a'.repeat(20))).description).toBe('a'.repeat(20));
    expect(errorOn('description', 'a'.repeat(19))).toBe(m.tooShort(20));
    expect(errorOn('description', `   ${'a'.repeat(19)}   `)).toBe('Bitte geben Sie mindestens 20 Zeichen ein.');
    expect(errorOn('description', '')).toBe(m.required);
    expect(errorOn('description', '   ')).toBe(m.required);
  });

  it('needs at least two characters of organisation, contact name and city', () => {
    for (const name of ['organisation', 'contact_name', 'city'] as const) {
      expect(errorOn(name, 'A')).toBe(m.tooShort(2));
      expect(errorOn(name, '   ')).toBe(m.required);
      expect(errorOn(name, '')).toBe('Bitte füllen Sie dieses Feld aus.');
    }
  });

  it.each(['kein-at-zeichen', 'name@', '@firma.de', 'name@@firma.de', 'na me@firma.de', 'name@firma', 'name@firma.de\u0000'])(
    'refuses the email %j',
    (email) => {
      expect(errorOn('email', email)).toBe(m.email);
    },
  );

  it('refuses an email longer than 254 characters and a blank one', () => {
    expect(errorOn('email', `${'a'.repeat(60)}@${'b'.repeat(200)}.de`)).toBe(m.tooLong(254));
    expect(errorOn('email', '   ')).toBe(m.required);
  });

  it.each(['9908', '990841', '9908a', 'ABCDE', '99 084', '٩٩٠٨٤', '', '99084\u0000'])('refuses the postal code %j', (code) => {
    expect(errorOn('postal_code', code)).toBe(m.postalCode);
  });

  it.each([undefined, '', '   '])('treats the phone %j as not given', (phone) => {
    expect(accepted(field('phone', phone)).phone).toBeUndefined();
  });

  it.each(['abc', '12', '0361 12345 ext. 7', '0361\u000012345', '+49 361 12345; DROP'])('refuses the phone %j', (phone) => {
    expect(errorOn('phone', phone)).toBe(m.phone);
  });

  it('refuses a phone longer than 40 characters', () => {
    expect(errorOn('phone', '0'.repeat(41))).toBe(m.tooLong(40));
    expect(accepted(field('phone', '0'.repeat(40))).phone).toBe('0'.repeat(40));
  });

  describe('needed_by', () => {
    it('accepts today and, as grace for other time zones, yesterday', () => {
      expect(accepted(field('needed_by', isoDay(0))).needed_by).toBe(isoDay(0));
      expect(accepted(field('needed_by', isoDay(-1))).needed_by).toBe(isoDay(-1));
      expect(accepted(field('needed_by', isoDay(30))).needed_by).toBe(isoDay(30));
    });

    it.each([isoDay(-2), '2020-01-01'])('refuses the past date %s', (date) => {
      expect(errorOn('needed_by', date)).toBe(m.dateInPast);
    });

    it.each(['31.12.2099', '2099-02-30', '2099-13-01', 'morgen', '2099-12-31T10:00:00Z'])('refuses the malformed date %j', (date) => {
      expect(errorOn('needed_by', date)).toBe(m.date);
    });

    it.each([undefined, '', ' '])('treats %j as not given', (date) => {
      expect(accepted(field('needed_by', date)).needed_by).toBeUndefined();
    });
  });

  describe('quantity', () => {
    it('keeps what the requester wrote, trimmed', () => {
      expect(accepted(field('quantity', ' 5.000 Stück ')).quantity).toBe('5.000 Stück');
    });

    it('refuses more than 200 characters and line breaks', () => {
      expect(errorOn('quantity', 'x'.repeat(201))).toBe(m.tooLong(200));
      expect(accepted(field('quantity', 'x'.repeat(200))).quantity).toHaveLength(200);
      expect(errorOn('quantity', '500\nStück')).toBeDefined();
    });
  });

  describe('sector', () => {
    it.each(['32', '32.5', '32.50', '32.50.1'])('accepts the WZ code %s', (code) => {
      expect(accepted(field('sector', code)).sector).toBe(code);
    });

    it.each(['3', '325', '32,50', '32.', '32.500', 'ab', 'C 32.50'])('refuses %j', (code) => {
      expect(errorOn('sector', code)).toBe(m.sector);
    });

    it.each([undefined, '', '  '])('treats %j as not given', (code) => {
      expect(accepted(field('sector', code)).sector).toBeUndefined();
    });
  });

  it.each([false, 'true', 1, 'on', null])('refuses consent given as %j', (consent) => {
    expect(errorOn('consent', consent)).toBe(m.consent);
  });

  it.each([
    ['kind', 'firma'],
    ['kind', 'COMPANY'],
    ['category', 'Waren'],
    ['category', ''],
    ['urgency', 'sofort'],
    ['urgency', 1],
  ] as const)('refuses %s = %j', (name, value) => {
    expect(errorOn(name, value)).toBe(m.chooseOne);
  });

  describe('control characters', () => {
    const forbidden = [
      ['NUL', '\u0000'],
      ['BEL', '\u0007'],
      ['ESC', '\u001b'],
      ['DEL', '\u007f'],
      ['NEL', '\u0085'],
    ];
    const invisible = [
      ['LINE SEPARATOR', '\u2028'],
      ['PARAGRAPH SEPARATOR', '\u2029'],
      ['RIGHT-TO-LEFT OVERRIDE', '\u202e'],
      ['FIRST STRONG ISOLATE', '\u2068'],
    ];

    it.each(invisible)('%s is refused in single-line fields', (_, character) => {
      expect(errorOn('organisation', `Firma${character}GmbH`)).toBe(m.controlCharacters);
    });
    const lineBreaks = [
      ['LF', '\n'],
      ['CR', '\r'],
      ['TAB', '\t'],
    ];

    it.each(['organisation', 'contact_name', 'city'] as const)('are refused in the single-line field %s', (name) => {
      for (const [label, control] of [...forbidden, ...lineBreaks]) {
        expect(errorOn(name, `Erfurt${control}Nord`), label).toBe(m.controlCharacters);
      }
    });

    it.each(forbidden)('%s is refused in the description', (_, control) => {
      expect(errorOn('description', `Wir benötigen dringend${control} Atemschutzmasken.`)).toBe(m.controlCharacters);
    });

    it('leave line breaks and tabs in the description alone', () => {
      const description = 'Bedarf:\n\t- 500 Masken\r\n\t- 20 l Desinfektionsmittel\n\nDanke!';
      expect(accepted(field('description', description)).description).toBe(description);
    });
  });

  it.each(['phone', 'quantity', 'needed_by', 'sector'] as const)('treats null in the optional field %s as not given', (name) => {
    expect(accepted(field(name, null))[name]).toBeUndefined();
  });

  it.each([null, undefined, 'organisation=x', 42, [], [validRequest()]])('refuses the non-object %j', (input) => {
    const result = helpRequestSchema.safeParse(input);
    expect(result.success).toBe(false);
  });
});

describe('statusLookupSchema', () => {
  it('normalises the reference to upper case and trims both fields', () => {
    expect(statusLookupSchema.parse({ reference: ' ls-2026-00042 ', email: ' a@firma.de ' })).toEqual({
      reference: 'LS-2026-00042',
      email: 'a@firma.de',
    });
  });

  it.each(['LS-26-00042', '2026-00042', 'LS-2026-00042x', 'LS-2026-\u000000042', 'LS.2026.00042'])(
    'refuses the reference %j',
    (reference) => {
      const result = statusLookupSchema.safeParse({ reference, email: 'a@firma.de' });
      expect(result.success ? {} : fieldErrorsOf(result.error)).toEqual({ reference: m.reference });
    },
  );

  it.each(['LS-2026-00012', 'ls-2026-12', 'LS 2026 00012', ' ls2026-0012 ', 'Ls - 2026 - 12'])('reads %j as LS-2026-00012', (typed) => {
    expect(statusLookupSchema.parse({ reference: typed, email: 'a@b.de' }).reference).toBe('LS-2026-00012');
  });

  it('keeps numbers longer than five digits', () => {
    expect(statusLookupSchema.parse({ reference: 'ls-2026-123456', email: 'a@b.de' }).reference).toBe('LS-2026-123456');
  });

  it('reports missing and invalid fields in German', () => {
    const missing = statusLookupSchema.safeParse({});
    expect(missing.success ? {} : fieldErrorsOf(missing.error)).toEqual({ reference: m.required, email: m.required });
    const badEmail = statusLookupSchema.safeParse({ reference: 'LS-2026-00042', email: 'kein-at-zeichen' });
    expect(badEmail.success ? {} : fieldErrorsOf(badEmail.error)).toEqual({ email: m.email });
  });
});

describe('formEnvelopeSchema', () => {
  const envelope = (overrides: Record<string, unknown> = {}) => ({
    website: '',
    form_token: '1700000000000.abc',
    idempotency_key: randomUUID(),
    ...overrides,
  });

  it('accepts an envelope with or without the honeypot field', () => {
    expect(formEnvelopeSchema.safeParse(envelope()).success).toBe(true);
    expect(formEnvelopeSchema.safeParse(envelope({ website: undefined })).success).toBe(true);
    expect(formEnvelopeSchema.parse(envelope({ website: 'http://spam.example' })).website).toBe('http://spam.example');
  });

  it.each([
    ['a non-UUID idempotency key', { idempotency_key: 'not-a-uuid' }],
    ['a missing idempotency key', { idempotency_key: undefined }],
    ['a missing form token', { form_token: undefined }],
    ['an overlong form token', { form_token: 'x'.repeat(201) }],
    ['an overlong honeypot', { website: 'x'.repeat(501) }],
  ])('refuses %s', (_, overrides) => {
    expect(formEnvelopeSchema.safeParse(envelope(overrides)).success).toBe(false);
  });
});

describe('fieldErrorsOf', () => {
  const errorWith = (...issues: Array<{ path: PropertyKey[]; message: string }>) => {
    const result = z
      .any()
      .superRefine((_, ctx) => {
        for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue });
      })
      .safeParse(null);
    if (result.success) throw new Error('expected issues');
    return result.error;
  };

  it('keeps the first message per top-level field and ignores issues without a field', () => {
    const error = errorWith(
      { path: ['email'], message: 'erste' },
      { path: ['email'], message: 'zweite' },
      { path: ['address', 0, 'street'], message: 'verschachtelt' },
      { path: [], message: 'ohne Feld' },
    );
    expect(fieldErrorsOf(error)).toEqual({ email: 'erste', address: 'verschachtelt' });
  });

  it('names every invalid field of a request exactly once', () => {
    const errors = refused(validRequest({ email: 'x', postal_code: '1', phone: `${'0'.repeat(41)}x`, consent: false as never }));
    expect(errors).toEqual({ email: m.email, postal_code: m.postalCode, phone: m.tooLong(40), consent: m.consent });
  });
});

describe('references', () => {
  it.each([
    [2026, 1, 'LS-2026-00001'],
    [2026, 42, 'LS-2026-00042'],
    [2027, 99_999, 'LS-2027-99999'],
    [2027, 123_456, 'LS-2027-123456'],
  ])('formats year %i number %i as %s', (year, n, reference) => {
    expect(formatReference(year, n)).toBe(reference);
    expect(REFERENCE_PATTERN.exec(reference)?.slice(1)).toEqual([String(year), reference.split('-')[2]]);
  });

  it.each(['LS-2026-0042', 'ls-2026-00042', 'LS-2026-00042 ', 'XLS-2026-00042', 'LS-26-00042', 'LS-2026-00042\n'])(
    'REFERENCE_PATTERN refuses %j',
    (reference) => {
      expect(REFERENCE_PATTERN.test(reference)).toBe(false);
    },
  );

  it.each([
    ['2026-01-01T00:00:00Z', 2026],
    ['2026-07-01T12:00:00Z', 2026],
    ['2026-12-31T22:59:59Z', 2026],
    ['2026-12-31T23:00:00Z', 2027],
    ['2026-12-31T23:30:00Z', 2027],
    ['2025-12-31T23:00:00Z', 2026],
  ])('counts %s to the Berlin year %i', (instant, year) => {
    expect(referenceYear(new Date(instant))).toBe(year);
  });
});

describe('form token', () => {
  const issuedAt = 1_767_225_600_000; // 2026-01-01T00:00:00Z
  const day = 24 * 60 * 60 * 1000;
  let savedSecret: string | undefined;

  beforeEach(() => {
    savedSecret = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = 'unit-test-secret';
  });
  afterEach(() => {
    if (savedSecret === undefined) delete process.env.NEXTAUTH_SECRET;
    else process.env.NEXTAUTH_SECRET = savedSecret;
  });

  it('is the issue time, a nonce and a URL-safe signature, different for each form', () => {
    expect(issueFormToken(issuedAt)).toMatch(new RegExp(`^${issuedAt}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{43}$`));
    expect(issueFormToken(issuedAt)).not.toBe(issueFormToken(issuedAt));
  });

  it.each([
    [0, 'too_fast'],
    [2_999, 'too_fast'],
    [3_000, 'ok'],
    [60_000, 'ok'],
    [day, 'ok'],
    [day + 1, 'invalid'],
    [-1, 'invalid'],
  ])('checked %i ms after issue gives %s', (age, expected) => {
    expect(checkFormToken(issueFormToken(issuedAt), 3, issuedAt + age)).toBe(expected);
  });

  it('refuses a token whose time or signature was changed', () => {
    const [, signature] = issueFormToken(issuedAt).split('.');
    const flipped = signature!.slice(0, -1) + (signature!.endsWith('A') ? 'B' : 'A');
    const now = issuedAt + 60_000;
    expect(checkFormToken(`${issuedAt - 3_600_000}.${signature}`, 3, now)).toBe('invalid');
    expect(checkFormToken(`${issuedAt}.${flipped}`, 3, now)).toBe('invalid');
    expect(checkFormToken(`${issuedAt}.${signature}x`, 3, now)).toBe('invalid');
  });

  it('refuses other spellings of a valid token', () => {
    const token = issueFormToken(issuedAt);
    const [, signature] = token.split('.');
    const now = issuedAt + 60_000;
    for (const variant of [`${token}.junk`, ` ${token}`, `${issuedAt.toExponential()}.${signature}`, `+${token}`]) {
      expect(checkFormToken(variant, 3, now), variant).toBe('invalid');
    }
  });

  it('refuses a token signed with another secret', () => {
    const token = issueFormToken(issuedAt);
    process.env.NEXTAUTH_SECRET = 'another-secret';
    expect(checkFormToken(token, 3, issuedAt + 60_000)).toBe('invalid');
  });

  it.each(['', '.', 'abc', 'abc.def', `${issuedAt}`, `${issuedAt}.`, 'NaN.abc', '1.5.abc', `${'9'.repeat(30)}.abc`, 'x'.repeat(200)])(
    'refuses the garbage token %j',
    (token) => {
      expect(checkFormToken(token, 3, issuedAt + 60_000)).toBe('invalid');
    },
  );
});

describe('clientIp', () => {
  const headers = (socket: string | null, forwardedFor?: string) => {
    const h = new Headers();
    if (socket) h.set(SOCKET_IP_HEADER, socket);
    if (forwardedFor !== undefined) h.set('x-forwarded-for', forwardedFor);
    return h;
  };
  const chain = '198.51.100.23, 10.0.0.2';

  it.each([
    ['the socket address with no trusted proxy', 0, chain, '203.0.113.7'],
    ['the rightmost X-Forwarded-For entry behind one proxy', 1, chain, '10.0.0.2'],
    ['the second-rightmost entry behind two proxies', 2, chain, '198.51.100.23'],
    ['the socket address when the chain is shorter than the hops', 3, chain, '203.0.113.7'],
    ['the socket address behind a proxy that sent no X-Forwarded-For', 1, undefined, '203.0.113.7'],
    ['the last non-empty entry, trimmed', 1, ' 1.1.1.1 ,, 2.2.2.2 , ', '2.2.2.2'],
  ] as const)('uses %s', (_, hops, forwardedFor, expected) => {
    expect(clientIp(headers('203.0.113.7', forwardedFor), hops)).toBe(expected);
  });

  it('ignores a spoofed X-Forwarded-For when no proxy is trusted', () => {
    expect(clientIp(headers('203.0.113.7', '1.2.3.4'), 0)).toBe('203.0.113.7');
  });

  it('falls back to "unknown" without any address', () => {
    expect(clientIp(headers(null), 0)).toBe('unknown');
    expect(clientIp(headers(null, ''), 1)).toBe('unknown');
  });
});

describe('backoffSeconds', () => {
  it.each([
    [0, 30],
    [1, 30],
    [2, 60],
    [3, 120],
    [4, 240],
    [7, 1920],
    [8, 3600],
    [50, 3600],
    [5000, 3600],
  ])('after %i failed attempts waits %i s', (attempts, seconds) => {
    expect(backoffSeconds(attempts)).toBe(seconds);
  });
});
