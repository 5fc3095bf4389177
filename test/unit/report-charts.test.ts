import { describe, expect, it } from "vitest";
import { barChart, lineChart, niceMax, shares, ticks, weekOf, type Box } from "@/lib/report/charts";

// A 200 × 120 box, 20 px margins all round: a 160 × 80 plot from (20, 20) to (180, 100).
const BOX: Box = { width: 200, height: 120, left: 20, right: 20, top: 20, bottom: 20 };

describe("axis helpers", () => {
  it("niceMax rounds up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 3, 7, 10, 11, 180, 420, 999, 1001].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 200, 500, 1000, 2000]);
  });
  it("ticks are evenly spaced from 0 to the top", () => {
    expect(ticks(200)).toEqual([0, 50, 100, 150, 200]);
    expect(ticks(1, 2)).toEqual([0, 0.5, 1]);
  });
  it("weeks count from the season's start", () => {
    const start = Date.UTC(2020, 2, 1);
    expect(weekOf(start, start)).toBe(0);
    expect(weekOf(start + 6 * 86_400_000, start)).toBe(0);
    expect(weekOf(start + 7 * 86_400_000, start)).toBe(1);
    expect(weekOf(start - 1, start)).toBe(0);
  });
});

describe("lineChart", () => {
  it("draws cumulative steps from 0 on the first day to the last value on the last", () => {
    // Time 0..100 over x 20..180 (1.6 px per unit); values up to 150 → top 200, 0.4 px per point, y = 100 - 0.4 v.
    const c = lineChart([{ label: "ann", points: [{ at: 50, value: 100 }, { at: 25, value: 40 }] }, { label: "bob", points: [{ at: 100, value: 150 }] }], 0, 100, BOX);
    expect(c.yTop).toBe(200);
    expect(c.lines[0]).toEqual({ label: "ann", d: "M20 100 H60 V84 H100 V60 H180", end: { x: 180, y: 60, value: 100 } });
    expect(c.lines[1]).toEqual({ label: "bob", d: "M20 100 H180 V40 H180", end: { x: 180, y: 40, value: 150 } });
    expect(c.yTicks.map((t) => [t.value, t.y])).toEqual([[0, 100], [50, 80], [100, 60], [150, 40], [200, 20]]);
  });
  it("clamps times outside the range and survives no data", () => {
    const c = lineChart([{ label: "late", points: [{ at: 500, value: 10 }] }], 0, 100, BOX);
    expect(c.lines[0]!.d).toBe("M20 100 H180 V20 H180");
    expect(lineChart([], 0, 0, BOX)).toMatchObject({ yTop: 1, lines: [] });
  });
});

describe("barChart", () => {
  it("places bars in equal slots with a fifth left as gap, heights to scale", () => {
    // Four slots of 40 px: bars 32 px wide starting 4 px in; top 10 → 8 px per unit.
    const c = barChart([{ label: "w1", value: 10 }, { label: "w2", value: 0 }, { label: "w3", value: 5 }, { label: "w4", value: 2.5 }], BOX);
    expect(c.yTop).toBe(10);
    expect(c.bars.map(({ x, y, w, h }) => [x, y, w, h])).toEqual([[24, 20, 32, 80], [64, 100, 32, 0], [104, 60, 32, 40], [144, 80, 32, 20]]);
  });
});

describe("shares", () => {
  it("are per cent of the total, largest first", () => {
    expect(shares([{ name: "a", value: 1 }, { name: "b", value: 2 }, { name: "c", value: 0 }])).toEqual([
      { name: "b", value: 2, percent: 66.7 },
      { name: "a", value: 1, percent: 33.3 },
      { name: "c", value: 0, percent: 0 },
    ]);
    expect(shares([{ value: 0 }])).toEqual([{ value: 0, percent: 0 }]);
  });
});
