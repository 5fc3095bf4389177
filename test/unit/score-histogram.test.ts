import { describe, expect, it } from "vitest";
import { countAbove, rankOfScore, type ScoreHistogram } from "@/lib/queries/score-histogram";

const histogram = (points: number[]): ScoreHistogram => {
  const counts = new Map<number, number>();
  for (const p of points) counts.set(p, (counts.get(p) ?? 0) + 1);
  let above = 0;
  const scores = [...counts].sort((a, b) => b[0] - a[0]).map(([p, n]) => {
    const s = { points: p, n, above };
    above += n;
    return s;
  });
  return { total: points.length, scores };
};

describe("ranks from a score histogram", () => {
  it("gives competition ranks (1, 2, 2, 4) and leaves the unranked out", () => {
    const h = histogram([500, 300, 300, 100, 100, 100, 0]);
    expect([500, 300, 100, 0].map((p) => rankOfScore(h, p, []))).toEqual([1, 2, 4, 7]);
    // A staff member with 300 points does not push anyone below 300 down.
    expect([500, 300, 100].map((p) => rankOfScore(h, p, [300]))).toEqual([1, 2, 3]);
    expect(countAbove(h, 1000)).toBe(0);
    expect(countAbove(h, -1)).toBe(7);
    expect(countAbove(h, 200)).toBe(3);
  });

  it("agrees with counting one by one on random seasons", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const points = Array.from({ length: 1 + (next() % 200) }, () => (next() % 20) * 50);
      const h = histogram(points);
      for (const p of points) expect(rankOfScore(h, p, [])).toBe(1 + points.filter((q) => q > p).length);
    }
  });
});
