import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { cases } from '@/db/schema';
import { logError } from '@/lib/log';

const PERSONAL = ['Yvonne Zwölfling', '0176 3141592'];

/** A logger like the app's, writing into a string. */
function capture() {
  const out = { text: '' };
  const stream = new Writable({
    write(chunk, _encoding, done) {
      out.text += chunk;
      done();
    },
  });
  return { out, logger: pino({ level: 'info' }, stream) };
}

async function failureOf(query: Promise<unknown>): Promise<unknown> {
  try {
    await query;
  } catch (error) {
    return error;
  }
  throw new Error('the query was expected to fail');
}

describe('logError', () => {
  it('logs a failed insert without the values it carried, but with message, code and stack', async () => {
    const error = await failureOf(
      db.insert(cases).values({
        reference: 'LS-LOG-1',
        status: 'not_a_status' as 'new',
        organisation: PERSONAL[0]!,
        organisationKind: 'company',
        contactName: PERSONAL[0]!,
        email: 'y.zwoelfling@example.org',
        phone: PERSONAL[1]!,
        postalCode: '99084',
        city: 'Erfurt',
        category: 'goods',
        description: `Rückruf bei ${PERSONAL[0]}, ${PERSONAL[1]}`,
        urgency: 'flexible',
        consentVersion: 'v1',
        consentedAt: new Date(),
      }),
    );
    // The error itself does hold them (otherwise this test could not fail).
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message, cause: (error as Error).cause })).toMatch(
      /Zwölfling|3141592/,
    );

    const { out, logger } = capture();
    logError('test.failed', error, { caseId: 7 }, logger);
    for (const value of [...PERSONAL, 'Zwölfling', '3141592', 'y.zwoelfling']) expect(out.text).not.toContain(value);
    const line = JSON.parse(out.text);
    expect(line).toMatchObject({ event: 'test.failed', caseId: 7 });
    expect(JSON.stringify(line.error)).toContain('23514'); // check_violation
    expect(JSON.stringify(line.error)).toContain('cases_status_check');
    expect(line.error.stack).toMatch(/\n\s+at /);
  });

  it('leaves out a value the database quotes in its message', async () => {
    const error = await failureOf(db.execute(sql`select ${PERSONAL[1]}::int`));
    const { out, logger } = capture();
    logError('test.failed', error, {}, logger);
    expect(out.text).not.toContain('3141592');
    expect(out.text).toContain('22P02');
  });
});
