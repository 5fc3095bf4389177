import Link from "next/link";
import { useTranslations } from "next-intl";
import { RankingTable } from "@/app/_components/ranking-table";
import type { SeasonSummary } from "@/lib/api/schemas";
import type { Leaderboard } from "@/lib/queries/leaderboard";
import { anonymized } from "@/lib/participants/privacy";

const DIFFICULTIES = ["easy", "medium", "hard"];

/** The individual ranking of a season: the repository filter, one page of rows, the pager. */
export function IndividualRanking(props: {
  season: SeasonSummary;
  board: Leaderboard;
  repo: string | undefined;
  page: number;
  pages: number;
  href: (page: number) => string;
  viewerLogin: string | null;
  viewerIsAdmin: boolean;
}) {
  const { season, board, repo, page, pages, href } = props;
  const t = useTranslations("season");
  const c = useTranslations("common");
  const me = props.viewerLogin?.toLowerCase();
  const viewer = props.viewerLogin ? { login: props.viewerLogin, isAdmin: props.viewerIsAdmin } : null;
  return (
    <>
      <form className="filters" method="get">
        <label>
          {c("repository")}{" "}
          <select name="repo" defaultValue={repo ?? ""}>
            <option value="">{t("allRepositories")}</option>
            {season.repos.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button secondary">
          {c("filter")}
        </button>
        <a href={`/api/seasons/${season.slug}/leaderboard.csv${repo ? `?repo=${encodeURIComponent(repo)}` : ""}`} download data-testid="csv-link">
          {t("downloadCsv")}
        </a>
      </form>
      {board.entries.length === 0 ? (
        <div className="empty">
          <p>{repo ? t("noPointsIn", { repo }) : t("noPoints")}</p>
        </div>
      ) : (
        <RankingTable
          testId="ranking"
          caption={repo ? t("captionIn", { season: season.name, repo }) : t("caption", { season: season.name })}
          extraColumns={DIFFICULTIES.map((d) => c(d as "easy"))}
          rows={board.entries.map((e) => ({ ...anonymized(e, viewer), me: me === e.login.toLowerCase(), extra: DIFFICULTIES.map((d) => e.byDifficulty[d]?.tasks ?? 0) }))}
        />
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t("pages")}>
          {page > 1 && <Link href={href(page - 1)}>{t("previous")}</Link>}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages && <Link href={href(page + 1)}>{t("next")}</Link>}
        </nav>
      )}
    </>
  );
}
