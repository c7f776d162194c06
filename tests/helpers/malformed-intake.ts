import fc from 'fast-check';
import { NEED_CATEGORIES, ORGANISATION_KINDS, URGENCIES } from '../../db/schema/vocabulary';
import { messages } from '../../lib/i18n';
import { LIMITS } from '../../lib/intake/schema';
import { validRequest } from './fixtures';

/**
 * Generators of help requests that must be refused. Each request is a valid one with at least
 * one required field broken in a way the schema can never accept, plus optional noise, so a
 * stored row always means a bug and never an accidentally valid input.
 */

type Fields = Record<string, unknown>;

const REQUIRED = [
  'organisation',
  'kind',
  'contact_name',
  'email',
  'postal_code',
  'city',
  'category',
  'description',
  'urgency',
  'consent',
] as const;
const TEXT_LIMITS = {
  organisation: LIMITS.organisation,
  contact_name: LIMITS.contactName,
  city: LIMITS.city,
  email: LIMITS.email,
  description: LIMITS.description,
} as const;
const SINGLE_LINE_FIELDS = ['organisation', 'contact_name', 'city'] as const;
const ENUMS = { kind: ORGANISATION_KINDS, category: NEED_CATEGORIES, urgency: URGENCIES } as const;

/** Anything JSON can carry except a string: wrong for every text field. */
const notAString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 5 }),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 5 }),
);

/** Strings with every kind of code point, lone surrogates included. */
const anyText = (maxLength = 60) => fc.oneof(fc.string({ unit: 'grapheme', maxLength }), fc.string({ unit: 'binary', maxLength }));

const breakers: fc.Arbitrary<(fields: Fields) => void>[] = [
  fc.subarray([...REQUIRED], { minLength: 1 }).map((names) => (f: Fields) => {
    for (const name of names) delete f[name];
  }),
  fc.tuple(fc.constantFrom(...REQUIRED.filter((n) => n !== 'consent')), notAString).map(([name, value]) => (f: Fields) => {
    f[name] = value;
  }),
  fc
    .jsonValue()
    .filter((v) => v !== true)
    .map((value) => (f: Fields) => {
      f.consent = value;
    }),
  fc
    .tuple(fc.constantFrom(...(Object.keys(TEXT_LIMITS) as (keyof typeof TEXT_LIMITS)[])), fc.integer({ min: 1, max: 3000 }), anyText())
    .map(([name, extra, tail]) => (f: Fields) => {
      f[name] = 'ü'.repeat(TEXT_LIMITS[name] + extra) + tail;
    }),
  fc
    .tuple(
      fc.constantFrom(...SINGLE_LINE_FIELDS),
      fc.constantFrom('\u0000', '\u0007', '\n', '\r', '\u2028', '\u202E', '\u2066', '\u001B[31m'),
    )
    .map(([name, control]) => (f: Fields) => {
      f[name] = `Erfurter ${control}Werk`;
    }),
  fc
    .tuple(fc.constantFrom(...(Object.keys(ENUMS) as (keyof typeof ENUMS)[])), anyText(30))
    .filter(([name, value]) => !(ENUMS[name] as readonly string[]).includes(value))
    .map(([name, value]) => (f: Fields) => {
      f[name] = value;
    }),
  anyText(12)
    .filter((v) => !/^\d{5}$/.test(v.trim()))
    .map((value) => (f: Fields) => {
      f.postal_code = value;
    }),
  anyText(80)
    .filter((v) => !v.includes('@'))
    .map((value) => (f: Fields) => {
      f.email = value;
    }),
  anyText(19).map((value) => (f: Fields) => {
    f.description = value.slice(0, 19);
  }),
];

/** Optional fields and unknown keys with random content: never enough to make a request valid. */
const noise = fc.record(
  {
    phone: fc.oneof(anyText(50), notAString),
    quantity: fc.oneof(anyText(250), notAString),
    needed_by: fc.oneof(anyText(12), notAString),
    sector: fc.oneof(anyText(8), notAString),
    extra: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'status', 'assignee_id', 'reference'), fc.jsonValue(), {
      maxKeys: 3,
    }),
  },
  { requiredKeys: [] },
);

export const malformedRequest: fc.Arbitrary<Fields> = fc
  .tuple(fc.array(fc.oneof(...breakers), { minLength: 1, maxLength: 3 }), noise)
  .map(([breaks, extra]) => {
    const fields: Fields = { ...validRequest() };
    const { extra: unknownKeys, ...optional } = extra;
    Object.assign(fields, optional);
    for (const [key, value] of Object.entries(unknownKeys ?? {}))
      Object.defineProperty(fields, key, { value, enumerable: true, configurable: true, writable: true });
    for (const apply of breaks) apply(fields);
    return fields;
  });

// Up to 10,000 levels: deeper objects would exceed the 64 KB body limit and never be parsed.
const deepJson = fc.tuple(fc.integer({ min: 100, max: 10_000 }), fc.boolean(), fc.boolean()).map(([depth, asArray, asField]) => {
  const nested = asArray ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return asField ? JSON.stringify(validRequest()).replace('"Erfurt"', nested) : nested;
});

/** One HTTP body for POST /api/requests with the content type it is sent under. */
export interface RawBody {
  contentType: string | undefined;
  /** Sometimes valid, sometimes not: the body alone must get the request refused. */
  idempotencyKey: string | undefined;
  body: Uint8Array;
}

const CONTENT_TYPES = [
  undefined,
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
];
const utf8 = (text: string) => new TextEncoder().encode(text);

export const malformedBody: fc.Arbitrary<RawBody> = fc
  .tuple(
    fc.constantFrom(...CONTENT_TYPES),
    fc.option(
      fc.oneof(
        fc.stringMatching(/^[A-Za-z0-9_-]{8,100}$/),
        fc.string({ unit: fc.constantFrom(...' !"$%&/()=?;:,.<>|{}[]~aZ09-_'), maxLength: 300 }),
      ),
    ),
    fc.oneof(
      { weight: 6, arbitrary: malformedRequest.map((fields) => utf8(JSON.stringify(fields))) },
      { weight: 1, arbitrary: fc.jsonValue().map((value) => utf8(JSON.stringify(value) ?? '')) },
      { weight: 1, arbitrary: deepJson.map(utf8) },
      // A valid request cut short: never complete JSON.
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 200 }).map((cut) => utf8(JSON.stringify(validRequest()).slice(0, cut))) },
      // A valid request with bytes that are not UTF-8 in the middle of a string.
      {
        weight: 1,
        arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4 }).map((bytes) => {
          const json = JSON.stringify(validRequest());
          const at = json.indexOf('"Erfurt"') + 4;
          return new Uint8Array([...utf8(json.slice(0, at)), 0xff, ...bytes, 0xc3, ...utf8(json.slice(at))]);
        }),
      },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
      { weight: 1, arbitrary: fc.constant(new URLSearchParams(validRequest() as unknown as Record<string, string>).toString()).map(utf8) },
      // Larger than the 64 KB limit.
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: 64 * 1024, max: 96 * 1024 })
          .map((size) => utf8(JSON.stringify({ ...validRequest(), description: 'x'.repeat(size) }))),
      },
    ),
  )
  .map(([contentType, idempotencyKey, body]) => ({ contentType, idempotencyKey: idempotencyKey ?? undefined, body }));

/** The web form's envelope as a bot might send it: never a token the server issued. */
export const malformedEnvelope = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      website: fc.oneof(anyText(600), notAString),
      form_token: fc.oneof(anyText(250), notAString),
      idempotency_key: fc.oneof(fc.uuid(), anyText()),
    },
    { requiredKeys: [] },
  ),
);

/** Every message a refused request may carry: the German catalog, never a stack trace or English. */
export const GERMAN_MESSAGES = new Set<string>([
  messages.request.fixErrors,
  ...Object.values(messages.errors).filter((value): value is string => typeof value === 'string'),
  ...Object.values(TEXT_LIMITS).map((max) => messages.errors.tooLong(max)),
  messages.errors.tooLong(LIMITS.phone),
  messages.errors.tooShort(2),
  messages.errors.tooShort(LIMITS.descriptionMin),
]);
