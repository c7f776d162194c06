import { describe, expect, it } from 'vitest';
import { CASE_EVENT_TYPES, personalFields } from '@/db/schema';
import { describeEvent } from '@/components/cases/timeline';
import { PERSONAL_TEXT, SAMPLE_EVENTS } from '../helpers/case-event-samples';

const entry = (type: keyof typeof SAMPLE_EVENTS) => ({ ...SAMPLE_EVENTS[type], id: 1, actorName: null, createdAt: new Date() });

describe('case events', () => {
  it('has one sample per event type (the list the database code builds on)', () => {
    expect(Object.keys(SAMPLE_EVENTS).sort()).toEqual([...CASE_EVENT_TYPES].sort());
  });

  it.each(CASE_EVENT_TYPES)('the timeline describes %s in words, not by its stored name', (type) => {
    const text = describeEvent(entry(type), new Map([[1, 'Erika Expertin']]));
    expect(text).not.toContain(type);
    expect(text).not.toMatch(/undefined|null|\[object/);
    expect(text.length).toBeGreaterThan(3);
  });

  it.each(CASE_EVENT_TYPES)('every field of %s that can hold free text is one anonymisation clears', (type) => {
    const data: Record<string, unknown> = SAMPLE_EVENTS[type].data;
    const holdingText = Object.keys(data).filter((key) => data[key] === PERSONAL_TEXT);
    expect(personalFields(type).sort()).toEqual(holdingText.sort());
  });
});
