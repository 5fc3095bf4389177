import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getDb } from "@/db";
import type { SeasonReport } from "@/lib/queries/season-report";
import { getSeasonReport } from "@/lib/queries/cached/public";
import { FinalPrizes } from "../final-prizes";
import { TopTenChart, WeeklyChart } from "./report-charts";
import "./report.css";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: (await getTranslations("report"))("metaTitle", { slug: (await params).slug }) };
}

/** The season report: the figures people share, charts rendered on the server, readable printed and on a phone. */
export default async function SeasonReportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(slug)) notFound();
  const report = await getSeasonReport(await getDb(), slug);
  if (!report) notFound();
  const { season } = report;
  const t = await getTranslations("report");
  const strong = (x: ReactNode) => <strong>{x}</strong>;
  return (
    <article className="report" data-testid="season-report">
      <h1>{t("title", { season: season.name })}</h1>
      <p className="muted">
        {season.startsAt.slice(0, 10)} – {season.endsAt.slice(0, 10)} · {season.final ? t("final") : t("live")} ·{" "}
        <span className="report-actions">
          <Link href={`/seasons/${slug}`}>{t("ranking")}</Link> · <a href={`/api/seasons/${slug}/report`}>JSON</a>
        </span>
      </p>
      <ul className="report-stats" data-testid="report-stats">
        <li>{t.rich("participants", { count: report.participants, strong })}</li>
        <li>{t.rich("teams", { count: report.teams, strong })}</li>
        <li>{t.rich("tasksCompleted", { count: report.tasksCompleted, strong })}</li>
        <li>{t.rich("repositories", { count: report.byRepository.length, strong })}</li>
      </ul>
      {season.final && season.finalizedAt && <FinalPrizes slug={slug} finalizedAt={season.finalizedAt} prizes={report.prizes} />}
      <section>
        <h2>{t("topTen")}</h2>
        <TopTenChart report={report} />
        <TopTenTable report={report} />
      </section>
      <section>
        <h2>{t("weekly")}</h2>
        <WeeklyChart report={report} />
      </section>
      <Breakdowns report={report} />
    </article>
  );
}

/** The top ten's figures as a table (the line chart's text alternative). */
function TopTenTable({ report }: { report: SeasonReport }) {
  const t = useTranslations("report");
  const c = useTranslations("common");
  return (
    <table className="table" data-testid="report-top-ten">
      <caption className="muted">{t("topTenCaption")}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">{c("rank")}</th>
          <th scope="col">{c("participant")}</th>
          <th scope="col" className="num">{c("points")}</th>
          <th scope="col" className="num">{c("tasks")}</th>
        </tr>
      </thead>
      <tbody>
        {report.topTen.map((row, i) => (
          <tr key={row.login ?? `hidden-${i}`}>
            <td className="num">{row.rank ?? "–"}</td>
            <td>{row.login === null ? c("anonymous") : <Link href={`/u/${row.login}`}>{row.login}</Link>}</td>
            <td className="num">{row.score}</td>
            <td className="num">{row.tasks}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Completed tasks by difficulty, and by repository with each one's share of the points. */
function Breakdowns({ report }: { report: SeasonReport }) {
  const t = useTranslations("report");
  const c = useTranslations("common");
  return (
    <div className="report-columns">
      <section>
        <h2>{t("byDifficulty")}</h2>
        <table className="table" data-testid="report-difficulty">
          <caption className="sr-only">{t("difficultyCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{c("difficulty")}</th>
              <th scope="col" className="num">{c("tasks")}</th>
            </tr>
          </thead>
          <tbody>
            {report.byDifficulty.map((d) => (
              <tr key={d.difficulty}>
                <td>{difficultyName(c, d.difficulty)}</td>
                <td className="num">{d.tasks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>{t("byRepository")}</h2>
        <table className="table" data-testid="report-repos">
          <caption className="sr-only">{t("reposCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{c("repository")}</th>
              <th scope="col" className="num">{c("tasks")}</th>
              <th scope="col" className="num">{c("points")}</th>
              <th scope="col" className="num">{t("share")}</th>
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

/** A difficulty's name in the request's language when the catalogue has it (easy, medium, hard), else as the season file says. */
function difficultyName(c: ReturnType<typeof useTranslations<"common">>, difficulty: string): string {
  return difficulty === "easy" || difficulty === "medium" || difficulty === "hard" ? c(difficulty) : difficulty;
}
