import { getTranslations } from "next-intl/server";
import { assignTaskAction } from "@/app/_actions/assign-task";
import { setTaskPerPrAction } from "@/app/_actions/set-task-per-pr";
import { setTaskScoreAction } from "@/app/_actions/set-task-score";
import { unmarkTaskAction } from "@/app/_actions/unmark-task";
import { ActionForm } from "@/app/_components/action-form";
import { ReasonField } from "@/app/_components/reason-field";
import { AuditTable } from "@/app/_components/audit-table";
import type { getTaskDetail } from "@/lib/queries/tasks";

type Detail = NonNullable<Awaited<ReturnType<typeof getTaskDetail>>>;

/** Score, per-PR and assignment tools, and the task's history: for maintainers of its repository. */
export async function MaintainerTools({ detail }: { detail: Detail }) {
  const { task } = detail;
  const t = await getTranslations("task");
  return (
    <>
      <h2>{t("tools")}</h2>
      <div className="tools">
        <div className="card">
          <h3>{t("scoreTitle")}</h3>
          <ActionForm action={setTaskScoreAction} submit={t("saveScore")} testId="score-form">
            <input type="hidden" name="taskId" value={task.id} />
            <input name="score" type="number" min={0} step={1} aria-label={t("scoreTitle")} placeholder={String(task.score ?? "")} style={{ width: "7rem" }} />
            <ReasonField required />
          </ActionForm>
          <p className="muted">{t("scoreHelp")}</p>
        </div>
        <div className="card">
          <h3>{t("perPrTitle")}</h3>
          <ActionForm action={setTaskPerPrAction} submit={task.perPr ? t("oneAward") : t("eachPr")}>
            <input type="hidden" name="taskId" value={task.id} />
            <input type="hidden" name="perPr" value={task.perPr ? "false" : "true"} />
            <ReasonField required />
          </ActionForm>
        </div>
        {task.manual && (
          <div className="card" data-testid="unmark">
            <h3>{t("marked")}</h3>
            <ActionForm action={unmarkTaskAction} submit={t("unmark")}>
              <input type="hidden" name="taskId" value={task.id} />
              <ReasonField required />
            </ActionForm>
            <p className="muted">{t("unmarkHelp")}</p>
          </div>
        )}
        <div className="card">
          <h3>{t("assignment")}</h3>
          <ActionForm action={assignTaskAction} submit={detail.holder ? t("reassign") : t("assign")}>
            <input type="hidden" name="taskId" value={task.id} />
            <input name="login" aria-label={t("login")} placeholder={t("loginPlaceholder")} />
            <ReasonField />
          </ActionForm>
        </div>
      </div>
      <h2>{t("history")}</h2>
      <AuditTable
        events={detail.history}
      />
    </>
  );
}
