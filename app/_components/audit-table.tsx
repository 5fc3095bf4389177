import Link from "next/link";
import { TableHead } from "./table-head";

type Event = { id: number; action: string; actor: string | null; before: unknown; after: unknown; reason: string | null; at: Date; task?: string | null; taskId?: number | null };

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "object" ? Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${String(x ?? "—")}`).join(", ") : String(v));

/** Who, when, old → new, why. */
export function AuditTable({ events, season }: { events: Event[]; season?: string }) {
  if (events.length === 0) return <p className="muted">No changes yet.</p>;
  return (
    <table className="table" data-testid="audit">
      <caption className="sr-only">Changes made by maintainers and admins</caption>
      <TableHead columns={["When", "Who", "What", Boolean(season) && "Task", "Old → new", "Why"]} />
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td>
              <time dateTime={e.at.toISOString()}>{e.at.toISOString().replace("T", " ").slice(0, 16)} UTC</time>
            </td>
            <td>{e.actor ?? "operator"}</td>
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
