import Link from "next/link";
import { useTranslations } from "next-intl";
import { TableHead } from "./table-head";

type Event = { id: number; action: string; actor: string | null; before: unknown; after: unknown; reason: string | null; at: Date; task?: string | null; taskId?: number | null };

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "object" ? Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${String(x ?? "—")}`).join(", ") : String(v));

/** Who, when, old → new, why (its words in the request's language; the actions and values as stored). */
export function AuditTable({ events, season }: { events: Event[]; season?: string }) {
  const t = useTranslations("audit");
  if (events.length === 0) return <p className="muted">{t("none")}</p>;
  return (
    <table className="table" data-testid="audit">
      <caption className="sr-only">{t("caption")}</caption>
      <TableHead columns={[t("when"), t("who"), t("what"), Boolean(season) && t("task"), t("change"), t("why")]} />
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td>
              <time dateTime={e.at.toISOString()}>{e.at.toISOString().replace("T", " ").slice(0, 16)} UTC</time>
            </td>
            <td>{e.actor ?? t("operator")}</td>
            <td>{e.action}</td>
            {season && <td>{e.taskId && e.task ? <Link href={`/seasons/${season}/tasks/${e.taskId}`}>{e.task}</Link> : "—"}</td>}
            <td>
              {show(e.before)} → {show(e.after)}
            </td>
            <td>{e.reason ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
