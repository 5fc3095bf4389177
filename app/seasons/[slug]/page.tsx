import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { getSyncStatusAction } from "@/app/_actions/get-sync-status";
import { SeasonWindow } from "@/app/_components/season-window";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { getLeaderboard } from "@/lib/queries/leaderboard";
import { listSeasons } from "@/lib/queries/seasons";
import { lastRefreshed } from "@/lib/sync/run-lock";
import { SyncPanel } from "./sync-panel";

export const dynamic = "force-dynamic";
const PAGE = 50;

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: `Ranking — ${(await params).slug}` };
}

const ZSearch = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
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
  const status = mayRunSync ? await getSyncStatusAction(slug) : null;
  const pages = Math.max(1, Math.ceil(board.total / PAGE));
  const refreshed = await lastRefreshed(db, slug);
  const href = (page: number) => `/seasons/${slug}?${new URLSearchParams({ ...(search.repo ? { repo: search.repo } : {}), page: String(page) })}`;
  const difficulties = ["easy", "medium", "hard"];

  return (
    <>
      <h1>{season.name}</h1>
      <p className="muted">
        <SeasonWindow startsAt={season.startsAt} endsAt={season.endsAt} timeZone={season.timeZone} /> · {season.participants} participants · {season.tasks} tasks ·{" "}
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
      {status?.ok && <SyncPanel season={slug} initial={status.data} />}
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
                  <Link href={`/u/${e.login}`} className="who">
                    {e.avatarUrl && <img src={e.avatarUrl} alt="" width={24} height={24} className="avatar" loading="lazy" />}
                    <span>{e.name && e.name !== e.login ? `${e.name} ` : ""}</span>
                    <span className="muted">@{e.login}</span>
                  </Link>
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
      {pages > 1 && (
        <nav className="pager" aria-label="Pages">
          {search.page > 1 && <Link href={href(search.page - 1)}>← Previous</Link>}
          <span>
            Page {search.page} of {pages}
          </span>
          {search.page < pages && <Link href={href(search.page + 1)}>Next →</Link>}
        </nav>
      )}
    </>
  );
}
