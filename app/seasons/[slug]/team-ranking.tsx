import Link from "next/link";
import { TableScroll } from "@/app/_components/table-scroll";
import type { getTeamRanking } from "@/lib/queries/teams";
import { TableHead } from "@/app/_components/table-head";
import { ANONYMOUS_LABEL, seesHidden } from "@/lib/participants/privacy";

/** The teams of a season, ranked, with each member's share. */
export function TeamRanking({ teams, viewer }: { teams: NonNullable<Awaited<ReturnType<typeof getTeamRanking>>>; viewer: { login: string; isAdmin: boolean } | null }) {
  if (teams.length === 0) return <p className="empty">No teams in this season. Teams are declared in the season file (`teams`).</p>;
  return (
    <TableScroll label="Teams ranked by points">
<table className="table ranking" data-testid="team-ranking">
      <caption className="sr-only">Teams ranked by points</caption>
      <TableHead columns={[{ label: "Rank", num: true }, "Team", { label: "Points", num: true }, "Members"]} />
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
                  {m.hidden && !seesHidden(viewer, m.login) ? ANONYMOUS_LABEL : <Link href={`/u/${m.login}`}>{m.login}</Link>} <span className="muted">({m.points})</span>
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
