import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { seasonContext } from "@/app/_lib/season-context";
import { getDb } from "@/db";
import { SeasonWindow } from "@/app/_components/season-window";
import { can, type Viewer } from "@/lib/auth/permissions";
import type { RankingQuery } from "@/lib/cache/rendered";
import { env } from "@/lib/env";
import { readRankingPage } from "@/lib/queries/ranking-page";
import { cachedBoard } from "@/lib/queries/cached/ranking";
import { FinalPrizes } from "./final-prizes";
import { IndividualRanking } from "./individual-ranking";
import { SyncPanel } from "./sync-panel";
import { syncWords } from "./sync-words";
import { TeamRanking } from "./team-ranking";

export const PAGE = 50;

/**
 * The season ranking page's body, for a viewer (app/seasons/[slug]/page.tsx, per request) or for nobody
 * (app/rendered/…, the anonymous page Next caches whole: `viewer` null, so no menu, no "you are #N", no tools).
 */
export async function SeasonView({ slug, search, viewer }: { slug: string; search: RankingQuery; viewer: Viewer | null }) {
  const [season, t, format] = await Promise.all([seasonContext(slug), getTranslations("season"), getFormatter()]);
  if (!season) notFound();
  const { board, status, refreshed, teams, mine, final } = await readRankingPage(await getDb(), season, {
    page: search.page,
    pageSize: PAGE,
    view: search.view,
    repo: search.repo,
    viewerLogin: viewer?.login ?? null,
    mayRunSync: can(viewer, "sync.run", { repos: season.repos }),
    intervalSeconds: env().syncIntervalSeconds,
    readBoard: cachedBoard(),
  });
  if (!board) notFound();
  const pages = Math.max(1, Math.ceil(board.total / PAGE));
  const mineOnPage = mine !== null && mine.position >= (search.page - 1) * PAGE && mine.position < search.page * PAGE;
  const href = (page: number) => `/seasons/${slug}?${new URLSearchParams({ ...(search.repo ? { repo: search.repo } : {}), page: String(page) })}`;

  return (
    <>
      <h1>{season.name}</h1>
      <p className="muted">
        <SeasonWindow startsAt={season.startsAt} endsAt={season.endsAt} timeZone={season.timeZone} precise /> · {t("summary", { participants: season.participants, tasks: season.tasks })} ·{" "}
        <Link href={`/seasons/${slug}/tasks`}>{t("tasksLink")}</Link> · <Link href={`/seasons/${slug}/report`}>{t("reportLink")}</Link>
      </p>
      <p className="muted" data-testid="last-refreshed">
        {refreshed ? (
          t.rich("imported", {
            when: format.dateTime(refreshed, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
            time: (c) => <time dateTime={refreshed.toISOString()}>{c}</time>,
          })
        ) : (
          t("notImported")
        )}
      </p>
      {final && <FinalPrizes slug={slug} finalizedAt={final.finalizedAt} prizes={final.prizes} />}
      {status && <SyncPanel season={slug} initial={status} words={await syncWords()} />}
      <nav className="tabs" aria-label={t("rankingOf")}>
        <Link href={`/seasons/${slug}`} aria-current={search.view === "individuals" ? "page" : undefined}>
          {t("individuals")}
        </Link>
        <Link href={`/seasons/${slug}?view=teams`} aria-current={search.view === "teams" ? "page" : undefined}>
          {t("teams")}
        </Link>
      </nav>
      {mine && !mineOnPage && (
        <p className="notice" data-testid="own-standing">
          {mine.rank ? t.rich("ownRank", { rank: mine.rank, score: mine.score, b: (c) => <strong>{c}</strong> }) : t("ownUnranked", { score: mine.score })}{" "}
          <Link href={href(Math.floor(mine.position / PAGE) + 1)}>{t("showMyRow")}</Link>
        </p>
      )}
      {teams ? (
        <TeamRanking teams={teams} viewer={viewer} />
      ) : (
        <IndividualRanking season={season} board={board} repo={search.repo} page={search.page} pages={pages} href={href} viewerLogin={viewer?.login ?? null} viewerIsAdmin={viewer?.isAdmin ?? false} />
      )}
    </>
  );
}
