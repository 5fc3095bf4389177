import Link from "next/link";
import { TableScroll } from "@/app/_components/table-scroll";
import { giveUpTaskAction } from "@/app/_actions/give-up-task";
import { pickUpTaskAction } from "@/app/_actions/pick-up-task";
import { ActionForm } from "@/app/_components/action-form";
import type { TaskWithModules } from "@/lib/queries/tasks-with-modules";
import { TableHead } from "@/app/_components/table-head";

/** A season's tasks with their state, and Pick up / Give up for the signed-in viewer while the season runs. */
export function TaskTable({ slug, rows, viewerLogin, running }: { slug: string; rows: TaskWithModules[]; viewerLogin: string | null; running: boolean }) {
  const me = viewerLogin?.toLowerCase();
  return (
    <TableScroll label="Tasks of the season">
<table className="table" data-testid="tasks">
      <caption className="sr-only">Tasks of the season</caption>
      <TableHead columns={["Task", "Difficulty", { label: "Points", num: true }, "State", ""]} />
      <tbody>
        {rows.map((t) => (
          <tr key={t.id}>
            <td>
              <span className="muted">
                {t.repo}#{t.number}
              </span>{" "}
              <Link href={`/seasons/${slug}/tasks/${t.id}`}>{t.title}</Link>
              {t.perPr && <span className="pill"> per PR</span>}
              {t.modules.length > 0 && <span className="muted"> · {t.modules.map((m) => m.name).join(", ")}</span>}
            </td>
            <td>{t.difficulty ? <span className={`tag ${t.difficulty}`}>{t.difficulty}</span> : "—"}</td>
            <td className="num">{t.score ?? <span className="needs-score">needs a score</span>}</td>
            <td>
              {t.state}
              {t.holder ? ` by ${t.holder}` : ""}
            </td>
            <td>
              {me && running && t.state === "open" && (
                <ActionForm action={pickUpTaskAction} submit="Pick up">
                  <input type="hidden" name="taskId" value={t.id} />
                </ActionForm>
              )}
              {me && t.state === "picked" && t.holder?.toLowerCase() === me && (
                <ActionForm action={giveUpTaskAction} submit="Give up">
                  <input type="hidden" name="taskId" value={t.id} />
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
</TableScroll>
  );
}
