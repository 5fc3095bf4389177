import Link from "next/link";
import type { getTeamRanking } from "@/lib/queries/teams";
import { TableHead } from "@/app/_components/table-head";

/** The teams of a season, ranked, with each member's share. */
export function TeamRanking({ teams }: { teams: NonNullable<Awaited<ReturnType<typeof getTeamRanking>>> }) {
  if (teams.length === 0) return <p className="empty">No teams in this season. Teams are declared in the season file (`teams`).</p>;
  return (
    <table className="table ranking" data-testid="team-ranking">
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
  );
}
