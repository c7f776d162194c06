import { describe, expect, it } from 'vitest';
import { classOf, grade, ndcg } from '@/bench/search-quality';
import { QUALITY_QUERIES } from '@/bench/search-quality-queries';

describe('graded supplier search query set', () => {
  it('has at least 60 queries, each judged by capabilities the demo companies really offer', () => {
    expect(QUALITY_QUERIES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(QUALITY_QUERIES.map((q) => q.q)).size).toBe(QUALITY_QUERIES.length);
    const unknown = QUALITY_QUERIES.flatMap((q) => q.relevant.filter((c) => classOf(c) === undefined).map((c) => `${q.q}: ${c}`));
    expect(unknown).toEqual([]);
  });

  it('grades by capability, then by its WZ class', () => {
    const query = { q: 'Nitrilhandschuhe', relevant: ['Einweghandschuhe aus Nitril'] };
    expect(grade({ sectors: ['22.19'], capabilities: ['Einweghandschuhe aus Nitril'] }, query)).toBe(2);
    expect(grade({ sectors: ['22.19'], capabilities: ['Untersuchungshandschuhe'] }, query)).toBe(1);
    expect(grade({ sectors: ['32.50'], capabilities: ['OP-Masken'] }, query)).toBe(0);
  });

  it('computes nDCG@10 against the ideal order of all grades', () => {
    expect(ndcg([2, 1, 0], [0, 1, 2, 0])).toBe(1);
    expect(ndcg([0, 0], [2])).toBe(0);
    expect(ndcg([], [0, 0])).toBe(0);
    expect(ndcg([1, 2], [2, 1])).toBeCloseTo((1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)), 10);
  });
});
