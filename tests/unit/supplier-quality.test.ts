import { describe, expect, it } from 'vitest';
import { qualityFloorFor, searchQualityOf } from '@/lib/suppliers/quality';

describe('searchQualityOf', () => {
  const empty = { capabilities: [], description: '', certifications: [], publicListing: false };

  it('grows with what the entry tells, up to 1', () => {
    expect(searchQualityOf(empty)).toBe(0);
    expect(searchQualityOf({ ...empty, capabilities: ['Fräsen', 'Drehen'] })).toBeCloseTo(0.16);
    expect(searchQualityOf({ ...empty, description: 'ä'.repeat(300) })).toBeCloseTo(0.15);
    expect(
      searchQualityOf({
        capabilities: Array(9).fill('Fräsen'),
        description: 'x'.repeat(900),
        certifications: ['ISO 9001'],
        publicListing: true,
      }),
    ).toBeCloseTo(1);
  });
});

describe('qualityFloorFor', () => {
  // A histogram of 4 buckets over 80 % of the rows (20 % each), and a common value 0.9 (20 %).
  const stats = { values: [0.9], shares: [0.2], bounds: [0.1, 0.3, 0.5, 0.7, 0.8] };

  it('takes the highest floor with the share at or above it', () => {
    expect(qualityFloorFor(stats, 0.1)).toBe(0.9);
    expect(qualityFloorFor(stats, 0.2)).toBe(0.9);
    expect(qualityFloorFor(stats, 0.3)).toBe(0.7);
    expect(qualityFloorFor(stats, 0.6)).toBe(0.5);
    expect(qualityFloorFor(stats, 0.7)).toBe(0.3);
    expect(qualityFloorFor(stats, 1)).toBe(0.1);
  });

  it('has none without statistics', () => {
    expect(qualityFloorFor({ values: [], shares: [], bounds: [] }, 0.1)).toBeNull();
  });
});
