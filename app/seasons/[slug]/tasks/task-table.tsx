import Link from "next/link";
import { useTranslations } from "next-intl";
import { TableScroll } from "@/app/_components/table-scroll";
import { giveUpTaskAction } from "@/app/_actions/give-up-task";
import { pickUpTaskAction } from "@/app/_actions/pick-up-task";
import { ActionForm } from "@/app/_components/action-form";
import type { TaskWithModules } from "@/lib/queries/tasks-with-modules";
import { TableHead } from "@/app/_components/table-head";
import { seesHidden } from "@/lib/participants/privacy";

/**
 * A season's tasks with their state, and Pick up / Give up for the signed-in viewer while the season runs. A hidden
 * holder (#19) is "a participant" except to admins and themselves.
 */
export function TaskTable({ slug, rows, viewerLogin, viewerIsAdmin = false, running }: { slug: string; rows: TaskWithModules[]; viewerLogin: string | null; viewerIsAdmin?: boolean; running: boolean }) {
  const me = viewerLogin?.toLowerCase();
  const viewer = viewerLogin === null ? null : { login: viewerLogin, isAdmin: viewerIsAdmin };
  const tr = useTranslations("tasks");
  const c = useTranslations("common");
  const word = (key: string) => (["easy", "medium", "hard", "open", "picked", "completed"].includes(key) ? c(key as "easy") : key);
  return (
    <TableScroll label={tr("caption")}>
<table className="table" data-testid="tasks">
      <caption className="sr-only">{tr("caption")}</caption>
      <TableHead columns={[c("task"), c("difficulty"), { label: c("points"), num: true }, c("state"), ""]} />
      <tbody>
        {rows.map((t) => (
          <tr key={t.id}>
            <td>
              <span className="muted">
                {t.repo}#{t.number}
              </span>{" "}
              <Link href={`/seasons/${slug}/tasks/${t.id}`}>{t.title}</Link>
              {t.perPr && <span className="pill"> {tr("perPr")}</span>}
              {t.modules.length > 0 && <span className="muted"> · {t.modules.map((m) => m.name).join(", ")}</span>}
            </td>
            <td>{t.difficulty ? <span className={`tag ${t.difficulty}`}>{word(t.difficulty)}</span> : "—"}</td>
            <td className="num">{t.score ?? <span className="needs-score">{tr("needsScore")}</span>}</td>
            <td>
              {t.holder ? tr("by", { state: word(t.state), holder: t.holderHidden && !seesHidden(viewer, t.holder) ? c("anonymous") : t.holder }) : word(t.state)}
            </td>
            <td>
              {me && running && t.state === "open" && (
                <ActionForm action={pickUpTaskAction} submit={tr("pickUp")}>
                  <input type="hidden" name="taskId" value={t.id} />
                </ActionForm>
              )}
              {me && t.state === "picked" && t.holder?.toLowerCase() === me && (
                <ActionForm action={giveUpTaskAction} submit={tr("giveUp")}>
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
