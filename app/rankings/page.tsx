import type { Metadata } from "next";
import { ParticipantLink } from "@/app/_components/participant-link";
import { getDb } from "@/db";
import { getAllTimeRanking } from "@/lib/queries/all-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "All-time ranking" };

export default async function AllTimePage() {
  const rows = await getAllTimeRanking(await getDb(), 200);
  return (
    <>
      <h1>All-time ranking</h1>
      <p className="muted">Points of every season together.</p>
      {rows.length === 0 ? (
        <p className="empty">No points yet.</p>
      ) : (
        <table className="table ranking" data-testid="all-time">
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
              <th scope="col" className="num hide-sm">
                Seasons
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.login}>
                <td className="num">{r.rank}</td>
                <td>
                  <ParticipantLink login={r.login} name={r.name} avatarUrl={r.avatarUrl} />
                </td>
                <td className="num">
                  <strong>{r.score}</strong>
                </td>
                <td className="num">{r.tasks}</td>
                <td className="num hide-sm">{r.seasons}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
