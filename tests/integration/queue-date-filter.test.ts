import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { caseEvents, cases, outbox, referenceCounters } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { loadQueue } from '@/lib/cases/queue';
import { queueFilterSchema } from '@/lib/cases/schema';
import { newCase, staffUser } from '../helpers/factories';

// The server's own time zone must not matter: production containers run in UTC.
process.env.TZ = 'UTC';

let erika: StaffUser;
beforeAll(async () => {
  erika = await staffUser('Erika Expertin');
});
beforeEach(async () => {
  await db.execute(sql`truncate ${cases}, ${caseEvents}, ${outbox}, ${referenceCounters} cascade`);
});

const found = async (from: string, to: string) =>
  (await loadQueue(erika, queueFilterSchema.parse({ view: 'all', from, to }))).rows.map((r) => r.reference).sort();

describe('the queue filter by day of receipt (German days)', () => {
  it('counts a case from 00:30 on 1 March in Berlin as received on 1 March', async () => {
    const early = await newCase({}, new Date('2026-02-28T23:30:00Z'));
    expect(await found('2026-03-01', '2026-03-01')).toEqual([early.reference]);
    expect(await found('2026-02-28', '2026-02-28')).toEqual([]);
  });

  it('gives 29 March 2026 (clocks forward) its 23 hours', async () => {
    const late = await newCase({}, new Date('2026-03-29T21:30:00Z')); // 23:30 CEST on 29 March
    const next = await newCase({}, new Date('2026-03-29T22:30:00Z')); // 00:30 CEST on 30 March
    const first = await newCase({}, new Date('2026-03-28T23:15:00Z')); // 00:15 CET on 29 March
    expect(await found('2026-03-29', '2026-03-29')).toEqual([first.reference, late.reference].sort());
    expect(await found('2026-03-30', '2026-03-30')).toEqual([next.reference]);
  });

  it('gives 25 October 2026 (clocks back) its 25 hours', async () => {
    const first = await newCase({}, new Date('2026-10-24T22:15:00Z')); // 00:15 CEST on 25 October
    const late = await newCase({}, new Date('2026-10-25T22:30:00Z')); // 23:30 CET on 25 October
    const next = await newCase({}, new Date('2026-10-25T23:30:00Z')); // 00:30 CET on 26 October
    expect(await found('2026-10-25', '2026-10-25')).toEqual([first.reference, late.reference].sort());
    expect(await found('2026-10-26', '2026-10-26')).toEqual([next.reference]);
  });
});
