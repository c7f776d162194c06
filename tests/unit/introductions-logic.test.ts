import { describe, expect, it } from 'vitest';
import { INTRODUCTION_OUTCOMES } from '@/db/schema/vocabulary';
import { keyTerms } from '@/lib/introductions/candidates';
import { allowedOutcomes, canChangeOutcome, followUpState, isOpenOutcome } from '@/lib/introductions/outcomes';

describe('introduction outcomes', () => {
  it('go pending → in contact → agreement | no fit | no answer, and back to in contact only', () => {
    expect(allowedOutcomes('pending')).toEqual(['in_contact', 'no_fit', 'no_answer']);
    expect(allowedOutcomes('in_contact')).toEqual(['agreement', 'no_fit', 'no_answer']);
    for (const final of ['agreement', 'no_fit', 'no_answer'] as const) expect(allowedOutcomes(final)).toEqual(['in_contact']);
    expect(canChangeOutcome('pending', 'agreement')).toBe(false);
    expect(canChangeOutcome('agreement', 'pending')).toBe(false);
    // Saving without a change (e.g. only a new follow-up date) is always allowed.
    for (const outcome of INTRODUCTION_OUTCOMES) expect(canChangeOutcome(outcome, outcome)).toBe(true);
  });

  it('need chasing only while pending or in contact', () => {
    expect(INTRODUCTION_OUTCOMES.filter(isOpenOutcome)).toEqual(['pending', 'in_contact']);
    expect(followUpState({ outcome: 'pending', followUpOn: '2026-11-24' }, '2026-11-25')).toBe('overdue');
    expect(followUpState({ outcome: 'in_contact', followUpOn: '2026-11-25' }, '2026-11-25')).toBe('due');
    expect(followUpState({ outcome: 'pending', followUpOn: '2026-11-26' }, '2026-11-25')).toBeNull();
    expect(followUpState({ outcome: 'agreement', followUpOn: '2026-11-01' }, '2026-11-25')).toBeNull();
    expect(followUpState({ outcome: 'pending', followUpOn: null }, '2026-11-25')).toBeNull();
  });
});

describe('key terms of a need text', () => {
  it('keeps the nouns and product codes a supplier would list, not the words of every request', () => {
    expect(
      keyTerms(
        'Wir benötigen dringend 2.000 FFP2-Masken nach EN 149 und 500 Liter Händedesinfektionsmittel für unsere 14 Pflegeeinrichtungen.',
      ),
    ).toEqual(['FFP2-Masken', 'Liter', 'Händedesinfektionsmittel', 'Pflegeeinrichtungen']);
    expect(
      keyTerms('Unser Lieferant für CNC-gefräste Aluminiumgehäuse ist insolvent. Gesucht: Fertigungskapazität, Toleranz ±0,02 mm.'),
    ).toEqual(['CNC-gefräste', 'Aluminiumgehäuse', 'Fertigungskapazität', 'Toleranz']);
    expect(keyTerms('Bitte helfen Sie uns schnell, danke!')).toEqual([]);
    // Each term once, whatever its case.
    expect(keyTerms('Masken, MASKEN und Masken')).toEqual(['Masken']);
  });
});
