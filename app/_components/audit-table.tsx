import Link from "next/link";
import { TableHead } from "./table-head";

type Event = { id: number; action: string; actor: string | null; before: unknown; after: unknown; reason: string | null; at: Date; task?: string | null; taskId?: number | null };

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "object" ? Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${String(x ?? "—")}`).join(", ") : String(v));

/** The table's words, from the page (English by default). */
export type AuditWords = { none: string; caption: string; when: string; who: string; what: string; task: string; oldNew: string; why: string; operator: string };

const ENGLISH: AuditWords = { none: "No changes yet.", caption: "Changes made by maintainers and admins", when: "When", who: "Who", what: "What", task: "Task", oldNew: "Old → new", why: "Why", operator: "operator" };

/** Who, when, old → new, why. */
export function AuditTable({ events, season, words = ENGLISH }: { events: Event[]; season?: string; words?: AuditWords }) {
  if (events.length === 0) return <p className="muted">{words.none}</p>;
  return (
    <table className="table" data-testid="audit">
      <caption className="sr-only">{words.caption}</caption>
      <TableHead columns={[words.when, words.who, words.what, Boolean(season) && words.task, words.oldNew, words.why]} />
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td>
              <time dateTime={e.at.toISOString()}>{e.at.toISOString().replace("T", " ").slice(0, 16)} UTC</time>
            </td>
            <td>{e.actor ?? words.operator}</td>
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
