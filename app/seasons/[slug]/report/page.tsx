import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import type { SeasonReport } from "@/lib/queries/season-report";
import { getSeasonReport } from "@/lib/queries/cached/public";
import { FinalPrizes } from "../final-prizes";
import { TopTenChart, WeeklyChart } from "./report-charts";
import { ANONYMOUS_LABEL } from "@/lib/participants/privacy";
import "./report.css";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: `Report — ${(await params).slug}` };
}

/** The season report: the figures people share, charts rendered on the server, readable printed and on a phone. */
export default async function SeasonReportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(slug)) notFound();
  const report = await getSeasonReport(await getDb(), slug);
  if (!report) notFound();
  const { season } = report;
  return (
    <article className="report" data-testid="season-report">
      <h1>{season.name}: the season report</h1>
      <p className="muted">
        {season.startsAt.slice(0, 10)} – {season.endsAt.slice(0, 10)} · {season.final ? "final results" : "live: figures change until the season is final"} ·{" "}
        <span className="report-actions">
          <Link href={`/seasons/${slug}`}>ranking</Link> · <a href={`/api/seasons/${slug}/report`}>JSON</a>
        </span>
      </p>
      <ul className="report-stats" data-testid="report-stats">
        <li>
          <strong>{report.participants}</strong> participants
        </li>
        <li>
          <strong>{report.teams}</strong> teams
        </li>
        <li>
          <strong>{report.tasksCompleted}</strong> tasks completed
        </li>
        <li>
          <strong>{report.byRepository.length}</strong> repositories
        </li>
      </ul>
      {season.final && season.finalizedAt && <FinalPrizes slug={slug} finalizedAt={season.finalizedAt} prizes={report.prizes} />}
      <section>
        <h2>The top ten</h2>
        <TopTenChart report={report} />
        <TopTenTable report={report} />
      </section>
      <section>
        <h2>Tasks completed per week</h2>
        <WeeklyChart report={report} />
      </section>
      <Breakdowns report={report} />
    </article>
  );
}

/** The top ten's figures as a table (the line chart's text alternative). */
function TopTenTable({ report }: { report: SeasonReport }) {
  return (
    <table className="table" data-testid="report-top-ten">
      <caption className="muted">Points of the top ten (the chart&apos;s figures)</caption>
      <thead>
        <tr>
          <th scope="col" className="num">Rank</th>
          <th scope="col">Participant</th>
          <th scope="col" className="num">Points</th>
          <th scope="col" className="num">Tasks</th>
        </tr>
      </thead>
      <tbody>
        {report.topTen.map((t, i) => (
          <tr key={t.login ?? `hidden-${i}`}>
            <td className="num">{t.rank ?? "–"}</td>
            <td>{t.login === null ? ANONYMOUS_LABEL : <Link href={`/u/${t.login}`}>{t.login}</Link>}</td>
            <td className="num">{t.score}</td>
            <td className="num">{t.tasks}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Completed tasks by difficulty, and by repository with each one's share of the points. */
function Breakdowns({ report }: { report: SeasonReport }) {
  return (
    <div className="report-columns">
      <section>
        <h2>By difficulty</h2>
        <table className="table" data-testid="report-difficulty">
          <caption className="sr-only">Tasks completed by difficulty</caption>
          <thead>
            <tr>
              <th scope="col">Difficulty</th>
              <th scope="col" className="num">Tasks</th>
            </tr>
          </thead>
          <tbody>
            {report.byDifficulty.map((d) => (
              <tr key={d.difficulty}>
                <td>{d.difficulty}</td>
                <td className="num">{d.tasks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>By repository</h2>
        <table className="table" data-testid="report-repos">
          <caption className="sr-only">Tasks and points by repository</caption>
          <thead>
            <tr>
              <th scope="col">Repository</th>
              <th scope="col" className="num">Tasks</th>
              <th scope="col" className="num">Points</th>
              <th scope="col" className="num">Share</th>
            </tr>
          </thead>
          <tbody>
            {report.byRepository.map((r) => (
              <tr key={r.repo}>
                <td>{r.repo}</td>
                <td className="num">{r.tasks}</td>
                <td className="num">{r.points}</td>
                <td className="num">
                  <meter min={0} max={100} value={r.percent} aria-hidden="true" /> {r.percent}%
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
