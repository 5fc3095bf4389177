import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { barChart, lineChart, type BarChart } from "@/lib/report/charts";
import type { SeasonReport } from "@/lib/queries/season-report";
import { TableHead } from "@/app/_components/table-head";

// Ten distinguishable colours, and a dash pattern each so the lines stay apart in black-and-white print.
const COLORS = ["#c2410c", "#1d4ed8", "#15803d", "#7c3aed", "#b91c1c", "#0e7490", "#a16207", "#be185d", "#4d7c0f", "#374151"];
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3", "8 3 2 3", "", "6 3"];
const day = (iso: string) => iso.slice(0, 10);

/** A chart's SVG: its title and description (named by aria-labelledby), the value grid with its labels, then the marks. */
function ChartSvg({ chart, id, testId, title, description, children }: { chart: Pick<BarChart, "box" | "yTicks">; id: string; testId: string; title: string; description: string; children: ReactNode }) {
  const { box } = chart;
  return (
    <svg viewBox={`0 0 ${box.width} ${box.height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} className="report-chart" data-testid={testId}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {chart.yTicks.map((t) => (
        <g key={t.value}>
          <line x1={box.left} x2={box.width - box.right} y1={t.y} y2={t.y} className="grid" />
          <text x={box.left - 6} y={t.y + 4} textAnchor="end" className="tick">
            {t.value}
          </text>
        </g>
      ))}
      {children}
    </svg>
  );
}

/** Points over time of the top ten: server-rendered SVG step lines, with a title, a description and the end values. */
export function TopTenChart({ report }: { report: SeasonReport }) {
  const t = useTranslations("report");
  const anonymous = useTranslations("common")("anonymous");
  const from = Date.parse(report.season.startsAt);
  const to = Math.max(from + 1, Date.parse(report.season.endsAt), ...report.topTen.flatMap((t) => t.timeline.map((p) => Date.parse(p.at))));
  const chart = lineChart(
    report.topTen.map((row) => ({ label: row.login ?? anonymous, points: row.timeline.map((p) => ({ at: Date.parse(p.at), value: p.points })) })),
    from,
    to,
  );
  const { box } = chart;
  const leader = report.topTen[0];
  return (
    <figure className="report-figure">
      <ChartSvg
        chart={chart}
        id="top"
        testId="top-ten-chart"
        title={t("topTitle")}
        description={
          leader
            ? t("topDescription", {
                from: day(report.season.startsAt),
                to: day(new Date(to).toISOString()),
                scores: report.topTen.map((row) => `${row.login ?? anonymous}: ${row.score}`).join("; "),
              })
            : t("noPoints")
        }
      >
        <text x={box.left} y={box.height - 8} className="tick">
          {day(report.season.startsAt)}
        </text>
        <text x={box.width - box.right} y={box.height - 8} textAnchor="end" className="tick">
          {day(new Date(to).toISOString())}
        </text>
        {chart.lines.map((l, i) => (
          <g key={l.label}>
            <path d={l.d} fill="none" stroke={COLORS[i % COLORS.length]} strokeWidth={2} strokeDasharray={DASHES[i % DASHES.length] || undefined} />
            <text x={l.end.x + 4} y={l.end.y + 4} className="tick" fill={COLORS[i % COLORS.length]}>
              {l.label}
            </text>
          </g>
        ))}
      </ChartSvg>
      <figcaption className="muted">{t("topFigcaption")}</figcaption>
    </figure>
  );
}

/** Tasks completed per week: SVG bars with a title, a description and the same figures in a table. */
export function WeeklyChart({ report }: { report: SeasonReport }) {
  const t = useTranslations("report");
  const c = useTranslations("common");
  const chart = barChart(report.weekly.map((w) => ({ label: `W${w.week}`, value: w.tasks })));
  const { box } = chart;
  const busiest = [...report.weekly].sort((a, b) => b.tasks - a.tasks)[0];
  const every = Math.max(1, Math.ceil(chart.bars.length / 12));
  return (
    <figure className="report-figure">
      <ChartSvg
        chart={chart}
        id="week"
        testId="weekly-chart"
        title={t("weekly")}
        description={t("weeklyDescription", {
          tasks: report.tasksCompleted,
          weeks: report.weekly.length,
          busiest: busiest && busiest.tasks > 0 ? "yes" : "no",
          week: busiest?.week ?? 0,
          count: busiest?.tasks ?? 0,
        })}
      >
        {chart.bars.map((b, i) => (
          <g key={b.label}>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} className="bar">
              <title>{t("bar", { label: b.label, value: b.value })}</title>
            </rect>
            {i % every === 0 && (
              <text x={b.x + b.w / 2} y={box.height - 12} textAnchor="middle" className="tick">
                {b.label}
              </text>
            )}
          </g>
        ))}
      </ChartSvg>
      <table className="table chart-data" data-testid="weekly-table">
          <caption>{t("weekly")}</caption>
          <TableHead columns={[t("week"), t("from"), { label: c("tasks"), num: true }]} />
          <tbody>
            {report.weekly.map((w) => (
              <tr key={w.week}>
                <td>{w.week}</td>
                <td>{day(w.from)}</td>
                <td className="num">{w.tasks}</td>
              </tr>
            ))}
          </tbody>
        </table>
    </figure>
  );
}
