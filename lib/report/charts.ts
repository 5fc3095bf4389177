/**
 * The report's chart geometry (pure, unit-tested): where each line, step and bar goes in an SVG of a given
 * size. The components in app/seasons/[slug]/report draw these with `<title>`, `<desc>` and a data table.
 */
export type Box = { width: number; height: number; left: number; right: number; top: number; bottom: number };
export const DEFAULT_BOX: Box = { width: 640, height: 280, left: 48, right: 96, top: 12, bottom: 32 };

/** A round upper bound for an axis: 1, 2 or 5 times a power of ten, at least `max` (and at least 1). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Evenly spaced axis values from 0 to `top` (inclusive), `count` intervals. */
export function ticks(top: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => Math.round((top / count) * i * 1000) / 1000);
}

const round = (n: number) => Math.round(n * 10) / 10;

export type LineSeries = { label: string; points: { at: number; value: number }[] };
export type PlacedLine = { label: string; d: string; end: { x: number; y: number; value: number } };
export type LineChart = { box: Box; yTop: number; yTicks: { value: number; y: number }[]; lines: PlacedLine[]; x: (at: number) => number };

/**
 * Step lines of cumulative points over [from, to]: each series starts at 0 on `from`, steps up at each point,
 * and runs flat to `to`. Times outside the range are clamped to it.
 */
export function lineChart(series: LineSeries[], from: number, to: number, box: Box = DEFAULT_BOX): LineChart {
  const span = Math.max(1, to - from);
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const yTop = niceMax(Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.value))));
  const x = (at: number) => round(box.left + (Math.min(Math.max(at, from), to) - from) / span * plotW);
  const y = (v: number) => round(box.top + plotH - (v / yTop) * plotH);
  const lines = series.map((s) => {
    let d = `M${x(from)} ${y(0)}`;
    let last = 0;
    for (const p of [...s.points].sort((a, b) => a.at - b.at)) {
      d += ` H${x(p.at)} V${y(p.value)}`;
      last = p.value;
    }
    d += ` H${x(to)}`;
    return { label: s.label, d, end: { x: x(to), y: y(last), value: last } };
  });
  return { box, yTop, yTicks: ticks(yTop).map((value) => ({ value, y: y(value) })), lines, x };
}

export type Bar = { label: string; value: number };
export type PlacedBar = Bar & { x: number; y: number; w: number; h: number };
export type BarChart = { box: Box; yTop: number; yTicks: { value: number; y: number }[]; bars: PlacedBar[] };

/** Vertical bars side by side with a gap of a fifth of a slot; a zero value is a bar of no height. */
export function barChart(bars: Bar[], box: Box = { ...DEFAULT_BOX, right: 12 }): BarChart {
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const yTop = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const slot = bars.length ? plotW / bars.length : plotW;
  const placed = bars.map((b, i) => {
    const h = round((b.value / yTop) * plotH);
    return { ...b, x: round(box.left + i * slot + slot * 0.1), y: round(box.top + plotH - h), w: round(slot * 0.8), h };
  });
  return { box, yTop, yTicks: ticks(yTop).map((value) => ({ value, y: round(box.top + plotH - (value / yTop) * plotH) })), bars: placed };
}

/** Shares of a whole, in per cent with one decimal, largest first; they need not add to exactly 100 after rounding. */
export function shares<T extends { value: number }>(items: T[]): (T & { percent: number })[] {
  const total = items.reduce((n, i) => n + Math.max(0, i.value), 0);
  return [...items]
    .sort((a, b) => b.value - a.value)
    .map((i) => ({ ...i, percent: total > 0 ? Math.round((Math.max(0, i.value) / total) * 1000) / 10 : 0 }));
}

/** Week index (0-based) of a moment counted from the season's start. */
export function weekOf(at: number, start: number): number {
  return Math.max(0, Math.floor((at - start) / (7 * 86_400_000)));
}
