import { useTranslations } from "next-intl";

/** Points over time as a small step chart (hand-made SVG, no client JavaScript); its text alternative in the request's language. */
export function PointsChart({ timeline, label }: { timeline: { at: string; points: number }[]; label: string }) {
  const t = useTranslations("charts");
  if (timeline.length === 0) return null;
  const w = 560;
  const h = 120;
  const pad = 24;
  const times = timeline.map((p) => Date.parse(p.at));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times, t0 + 1);
  const max = Math.max(...timeline.map((p) => p.points), 1);
  const x = (t: number) => pad + ((t - t0) / (t1 - t0)) * (w - 2 * pad);
  const y = (v: number) => h - pad - (v / max) * (h - 2 * pad);
  let d = `M ${x(t0)} ${y(0)}`;
  for (const p of timeline) d += ` H ${x(Date.parse(p.at)).toFixed(1)} V ${y(p.points).toFixed(1)}`;
  const last = timeline.at(-1)!;
  return (
    <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={t("pointsBy", { label, points: last.points, date: last.at.slice(0, 10) })} className="chart">
      <line x1={pad} y1={h - pad} x2={w - pad} y2={h - pad} className="axis" />
      <path d={d} fill="none" className="line" strokeWidth={2} />
      <text x={pad} y={h - 6} className="tick">
        {timeline[0]!.at.slice(0, 10)}
      </text>
      <text x={w - pad} y={h - 6} textAnchor="end" className="tick">
        {last.at.slice(0, 10)}
      </text>
      <text x={w - pad} y={y(last.points) - 6} textAnchor="end" className="tick">
        {last.points}
      </text>
    </svg>
  );
}
