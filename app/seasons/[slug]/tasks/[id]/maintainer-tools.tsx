import { assignTaskAction } from "@/app/_actions/assign-task";
import { setTaskPerPrAction } from "@/app/_actions/set-task-per-pr";
import { setTaskScoreAction } from "@/app/_actions/set-task-score";
import { unmarkTaskAction } from "@/app/_actions/unmark-task";
import { ActionForm, ReasonInput } from "@/app/_components/action-form";
import { AuditTable } from "@/app/_components/audit-table";
import type { getTaskDetail } from "@/lib/queries/tasks";

type Detail = NonNullable<Awaited<ReturnType<typeof getTaskDetail>>>;

/** Score, per-PR and assignment tools, and the task's history: for maintainers of its repository. */
export function MaintainerTools({ detail }: { detail: Detail }) {
  const { task } = detail;
  return (
    <>
      <h2>Maintainer tools</h2>
      <div className="tools">
        <div className="card">
          <h3>Score</h3>
          <ActionForm action={setTaskScoreAction} submit="Save score" testId="score-form">
            <input type="hidden" name="taskId" value={task.id} />
            <input name="score" type="number" min={0} step={1} aria-label="Score" placeholder={String(task.score ?? "")} style={{ width: "7rem" }} />
            <ReasonInput required />
          </ActionForm>
          <p className="muted">Leave the score empty to clear the override. Awards already made are adjusted in the ledger.</p>
        </div>
        <div className="card">
          <h3>Per-PR task</h3>
          <ActionForm action={setTaskPerPrAction} submit={task.perPr ? "Make it one award" : "Award each PR"}>
            <input type="hidden" name="taskId" value={task.id} />
            <input type="hidden" name="perPr" value={task.perPr ? "false" : "true"} />
            <ReasonInput required />
          </ActionForm>
        </div>
        {task.manual && (
          <div className="card" data-testid="unmark">
            <h3>Marked by a maintainer</h3>
            <ActionForm action={unmarkTaskAction} submit="Unmark">
              <input type="hidden" name="taskId" value={task.id} />
              <ReasonInput required />
            </ActionForm>
            <p className="muted">Unmarked, it is a task only by its label or the season file; its awards follow.</p>
          </div>
        )}
        <div className="card">
          <h3>Assignment</h3>
          <ActionForm action={assignTaskAction} submit={detail.holder ? "Reassign / release" : "Assign"}>
            <input type="hidden" name="taskId" value={task.id} />
            <input name="login" aria-label="GitHub login" placeholder="login (empty releases)" />
            <ReasonInput />
          </ActionForm>
        </div>
      </div>
      <h2>History</h2>
      <AuditTable events={detail.history} />
    </>
  );
}
