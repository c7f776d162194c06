import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { caseEvents } from '@/db/schema';
import { recordCaseEvents } from '@/lib/cases/events';
import { ANONYMISED, anonymiseCases } from '@/lib/privacy/anonymise';
import { PERSONAL_TEXT, SAMPLE_EVENTS } from '../helpers/case-event-samples';
import { newCase } from '../helpers/factories';

describe('anonymising case events', () => {
  it('clears the personal text of every event type and keeps the rest', async () => {
    const c = await newCase();
    await recordCaseEvents(
      db,
      Object.values(SAMPLE_EVENTS).map((event) => ({ ...event, caseId: c.id })),
    );
    await db.transaction((tx) => anonymiseCases(tx, [c.id], { kind: 'retention' }));

    const rows = await db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(asc(caseEvents.id));
    expect(JSON.stringify(rows)).not.toContain('Kranich');
    const byType = new Map(rows.map((row) => [row.type, row.data]));
    expect(byType.get('note')).toEqual({ text: ANONYMISED });
    expect(byType.get('status_changed')).toEqual({ ...SAMPLE_EVENTS.status_changed.data, reason: ANONYMISED });
    expect(byType.get('introduction_follow_up')).toEqual({ ...SAMPLE_EVENTS.introduction_follow_up.data, note: ANONYMISED });
    expect(byType.get('shortlist_removed')).toEqual(SAMPLE_EVENTS.shortlist_removed.data);
    expect(byType.get('due_date_changed')).toEqual(SAMPLE_EVENTS.due_date_changed.data);
    expect(PERSONAL_TEXT).toContain('Kranich');
  });
});
