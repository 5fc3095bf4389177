import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ParticipantLink } from "./participant-link";
import { TableHead } from "./table-head";
import { TableScroll } from "./table-scroll";

export type RankingRow = {
  /** Null for a participant who hid themselves (shown as "a participant"). */
  login: string | null;
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
export function RankingTable({ testId, caption, extraColumns, rows }: { testId: string; caption: string; extraColumns: string[]; rows: RankingRow[] }) {
  const t = useTranslations("common");
  const format = useFormatter();
  return (
    <TableScroll label={caption}>
    <table className="table ranking" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <TableHead columns={[{ label: t("rank"), num: true }, t("participant"), { label: t("points"), num: true }, { label: t("tasks"), num: true }, ...extraColumns.map((c) => ({ label: c, num: true, hideSm: true }))]} />
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.login ?? `hidden-${i}`} className={r.me ? "me" : undefined}>
            <td className="num">{r.rank ?? <span title={t("notRanked")}>–</span>}</td>
            <td>
              <ParticipantLink login={r.login} name={r.name} avatarUrl={r.avatarUrl} />
            </td>
            <td className="num">
              <strong>{format.number(r.score)}</strong>
            </td>
            <td className="num">{format.number(r.tasks)}</td>
            {r.extra.map((cell, i) => (
              <td key={extraColumns[i] ?? i} className="num hide-sm">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
