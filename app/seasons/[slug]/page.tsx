import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ParticipantLink } from "@/app/_components/participant-link";
import { getDb } from "@/db";
import { SeasonWindow } from "@/app/_components/season-window";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { getLeaderboard, getOwnStanding } from "@/lib/queries/leaderboard";
import { getTeamRanking } from "@/lib/queries/teams";
import { listSeasons } from "@/lib/queries/seasons";
import { getSyncStatus } from "@/lib/queries/sync-status";
import { lastRefreshed } from "@/lib/sync/run-lock";
import { SyncPanel } from "./sync-panel";

export const dynamic = "force-dynamic";
const PAGE = 50;

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: `Ranking — ${(await params).slug}` };
}

const ZSearch = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  view: z.enum(["individuals", "teams"]).catch("individuals"),
  repo: z
    .string()
    .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/)
    .optional()
    .catch(undefined),
});

export default async function SeasonPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const { slug } = await params;
  const search = ZSearch.parse(await searchParams);
  const db = await getDb();
  const season = (await listSeasons(db)).find((s) => s.slug === slug);
  if (!season) notFound();
  const board = await getLeaderboard(db, { slug, limit: PAGE, offset: (search.page - 1) * PAGE, repo: search.repo });
  if (!board) notFound();
  const viewer = await currentViewer();
  const mayRunSync = can(viewer, "sync.run", { repos: season.repos });
  const status = mayRunSync ? await getSyncStatus(db, slug) : null;
  const pages = Math.max(1, Math.ceil(board.total / PAGE));
  const refreshed = await lastRefreshed(db, slug);
  const teams = search.view === "teams" ? await getTeamRanking(db, slug) : null;
  const mine = viewer && !search.repo && search.view === "individuals" ? await getOwnStanding(db, slug, viewer.login) : null;
  const mineOnPage = mine !== null && mine.position >= (search.page - 1) * PAGE && mine.position < search.page * PAGE;
  const href = (page: number) => `/seasons/${slug}?${new URLSearchParams({ ...(search.repo ? { repo: search.repo } : {}), page: String(page) })}`;
  const difficulties = ["easy", "medium", "hard"];

  return (
    <>
      <h1>{season.name}</h1>
      <p className="muted">
        <SeasonWindow startsAt={season.startsAt} endsAt={season.endsAt} timeZone={season.timeZone} precise /> · {season.participants} participants · {season.tasks} tasks ·{" "}
        <Link href={`/seasons/${slug}/tasks`}>tasks</Link>
      </p>
      <p className="muted" data-testid="last-refreshed">
        {refreshed ? (
          <>
            Data imported from GitHub <time dateTime={refreshed.toISOString()}>{refreshed.toISOString().replace("T", " ").slice(0, 16)} UTC</time>.
          </>
        ) : (
          "Not imported from GitHub yet."
        )}
      </p>
      {status && <SyncPanel season={slug} initial={status} />}
      <nav className="tabs" aria-label="Ranking of">
        <Link href={`/seasons/${slug}`} aria-current={search.view === "individuals" ? "page" : undefined}>
          Individuals
        </Link>
        <Link href={`/seasons/${slug}?view=teams`} aria-current={search.view === "teams" ? "page" : undefined}>
          Teams
        </Link>
      </nav>
      {mine && !mineOnPage && (
        <p className="notice" data-testid="own-standing">
          You are {mine.rank ? <strong>#{mine.rank}</strong> : "not ranked"} with {mine.score} points.{" "}
          <Link href={href(Math.floor(mine.position / PAGE) + 1)}>Show my row</Link>
        </p>
      )}
      {teams ? (
        teams.length === 0 ? (
          <p className="empty">No teams in this season. Teams are declared in the season file (`teams`).</p>
        ) : (
          <table className="table ranking" data-testid="team-ranking">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Rank
                </th>
                <th scope="col">Team</th>
                <th scope="col" className="num">
                  Points
                </th>
                <th scope="col">Members</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((t) => (
                <tr key={t.name}>
                  <td className="num">{t.rank ?? "–"}</td>
                  <td>{t.name}</td>
                  <td className="num">
                    <strong>{t.score}</strong>
                  </td>
                  <td>
                    {t.members.map((m, i) => (
                      <span key={m.login}>
                        {i > 0 && ", "}
                        <Link href={`/u/${m.login}`}>{m.login}</Link> <span className="muted">({m.points})</span>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : (
        <>
      <form className="filters" method="get">
        <label>
          Repository{" "}
          <select name="repo" defaultValue={search.repo ?? ""}>
            <option value="">All repositories</option>
            {season.repos.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button secondary">
          Filter
        </button>
        <a href={`/api/seasons/${slug}/leaderboard.csv${search.repo ? `?repo=${encodeURIComponent(search.repo)}` : ""}`} download data-testid="csv-link">
          Download CSV
        </a>
      </form>
      {board.entries.length === 0 ? (
        <div className="empty">
          <p>No points yet{search.repo ? ` in ${search.repo}` : ""}. Points appear here when pull requests that complete tasks are merged and imported.</p>
        </div>
      ) : (
        <table className="table ranking" data-testid="ranking">
          <thead>
            <tr>
              <th scope="col" className="num">
                Rank
              </th>
              <th scope="col">Participant</th>
              <th scope="col" className="num">
                Points
              </th>
              <th scope="col" className="num">
                Tasks
              </th>
              {difficulties.map((d) => (
                <th key={d} scope="col" className="num hide-sm">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {board.entries.map((e) => (
              <tr key={e.login} className={viewer?.login.toLowerCase() === e.login.toLowerCase() ? "me" : undefined}>
                <td className="num">{e.rank ?? <span title="not ranked (staff)">–</span>}</td>
                <td>
                  <ParticipantLink login={e.login} name={e.name} avatarUrl={e.avatarUrl} />
                </td>
                <td className="num">
                  <strong>{e.score}</strong>
                </td>
                <td className="num">{e.tasks}</td>
                {difficulties.map((d) => (
                  <td key={d} className="num hide-sm">
                    {e.byDifficulty[d]?.tasks ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && !teams && (
        <nav className="pager" aria-label="Pages">
          {search.page > 1 && <Link href={href(search.page - 1)}>← Previous</Link>}
          <span>
            Page {search.page} of {pages}
          </span>
          {search.page < pages && <Link href={href(search.page + 1)}>Next →</Link>}
        </nav>
      )}
        </>
      )}
    </>
  );
}
