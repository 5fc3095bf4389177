import type { ReactNode } from "react";
import { ParticipantLink } from "./participant-link";

export type RankingRow = {
  login: string;
  name: string | null;
  avatarUrl: string | null;
  rank: number | null;
  score: number;
  tasks: number;
  /** One cell per extra column. */
  extra: ReactNode[];
  me?: boolean;
};

/** A ranking of participants: rank, who, points, tasks, then the page's own columns (hidden on small screens). */
export function RankingTable({ testId, extraColumns, rows }: { testId: string; extraColumns: string[]; rows: RankingRow[] }) {
  return (
    <table className="table ranking" data-testid={testId}>
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
          {extraColumns.map((c) => (
            <th key={c} scope="col" className="num hide-sm">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.login} className={r.me ? "me" : undefined}>
            <td className="num">{r.rank ?? <span title="not ranked (staff)">–</span>}</td>
            <td>
              <ParticipantLink login={r.login} name={r.name} avatarUrl={r.avatarUrl} />
            </td>
            <td className="num">
              <strong>{r.score}</strong>
            </td>
            <td className="num">{r.tasks}</td>
            {r.extra.map((cell, i) => (
              <td key={extraColumns[i] ?? i} className="num hide-sm">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
