import Link from "next/link";
import { useTranslations } from "next-intl";
import { TableScroll } from "@/app/_components/table-scroll";
import type { getTeamRanking } from "@/lib/queries/teams";
import { TableHead } from "@/app/_components/table-head";
import { seesHidden } from "@/lib/participants/privacy";

/** The teams of a season, ranked, with each member's share. */
export function TeamRanking({ teams, viewer }: { teams: NonNullable<Awaited<ReturnType<typeof getTeamRanking>>>; viewer: { login: string; isAdmin: boolean } | null }) {
  const t = useTranslations("season");
  const c = useTranslations("common");
  if (teams.length === 0) return <p className="empty">{t("noTeams")}</p>;
  return (
    <TableScroll label={t("teamsCaption")}>
<table className="table ranking" data-testid="team-ranking">
      <caption className="sr-only">{t("teamsCaption")}</caption>
      <TableHead columns={[{ label: c("rank"), num: true }, c("team"), { label: c("points"), num: true }, c("members")]} />
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
                // Keys travel in the page's payload: a hidden member's login is not one of them.
                <span key={m.hidden ? `hidden-${i}` : m.login}>
                  {i > 0 && ", "}
                  {m.hidden && !seesHidden(viewer, m.login) ? c("anonymous") : <Link href={`/u/${m.login}`}>{m.login}</Link>} <span className="muted">({m.points})</span>
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
</TableScroll>
  );
}
