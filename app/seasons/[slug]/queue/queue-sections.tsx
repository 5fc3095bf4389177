import { answerAppealAction } from "@/app/_actions/answer-appeal";
import { assignTaskAction } from "@/app/_actions/assign-task";
import { setTaskScoreAction } from "@/app/_actions/set-task-score";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/app/_components/action-form";
import { AwardPointsForm } from "@/app/_components/award-points-form";
import { ReasonField } from "@/app/_components/reason-field";
import { TableHead } from "@/app/_components/table-head";
import type { MaintainerQueue, QueuePull, QueueTask } from "@/lib/queries/maintainer-queue";

/** A date as the season tables write it (UTC day, the exact time on hover). */
const LocalTime = ({ iso }: { iso: string }) => <time dateTime={iso} title={iso}>{iso.slice(0, 10)}</time>;

const Empty = ({ what }: { what: string }) => <p className="muted">{what}</p>;

/** A task's cell: its reference, linked to the task's page, then its title. */
const TaskCell = ({ task: t, slug }: { task: QueueTask; slug: string }) => (
  <td>
    <a href={`/seasons/${slug}/tasks/${t.id}`}>
      {t.repo}#{t.number}
    </a>{" "}
    {t.title}
  </td>
);

export function NeedsScore({ rows, slug }: { rows: MaintainerQueue["needsScore"]; slug: string }) {
  const t = useTranslations("queue");
  const c = useTranslations("common");
  if (rows.length === 0) return <Empty what={t("everyScored")} />;
  return (
    <table className="table" data-testid="queue-needs-score">
      <caption>{t("needsScoreCaption")}</caption>
      <TableHead columns={[t("task"), t("difficulty"), t("setScore")]} />
      <tbody>
        {rows.map((task) => (
          <tr key={task.id}>
            <TaskCell task={task} slug={slug} />
            <td>{task.difficulty === null ? "—" : c.has(task.difficulty as "easy") ? c(task.difficulty as "easy") : task.difficulty}</td>
            <td>
              <ActionForm action={setTaskScoreAction} submit={t("saveScore")} done={t("scoreSaved")}>
                <input type="hidden" name="taskId" value={task.id} />
                <input name="score" type="number" min={0} step={1} aria-label={t("scoreOf", { task: `${task.repo}#${task.number}` })} style={{ width: "6rem" }} />
                <ReasonField />
              </ActionForm>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Pull requests, each with an award in place (a maintainer's per-PR points go through the ledger). */
export function PullRows({ rows, slug, caption, testId, showRefs }: { rows: QueuePull[]; slug: string; caption: string; testId: string; showRefs?: boolean }) {
  const t = useTranslations("queue");
  return (
    <table className="table" data-testid={testId}>
      <caption>{caption}</caption>
      <TableHead columns={[t("pullRequest"), t("author"), t("merged"), showRefs === true && t("references"), t("awardPoints")]} />
      <tbody>
        {rows.map((p) => (
          <tr key={p.id}>
            <td>
              {p.repo}#{p.number} {p.title}
            </td>
            <td>{p.author ?? "—"}</td>
            <td>{p.mergedAt ? <LocalTime iso={p.mergedAt} /> : t("open")}</td>
            {showRefs && <td>{p.refs?.join(", ")}</td>}
            <td>
              <AwardPointsForm slug={slug} pullRequestId={p.id} label={t("pointsFor", { pr: `${p.repo}#${p.number}` })} reasonRequired />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StalePicks({ queue, slug }: { queue: MaintainerQueue; slug: string }) {
  const t = useTranslations("queue");
  if (queue.stalePicks.length === 0) return <Empty what={t("noStale", { days: queue.staleAfterDays })} />;
  return (
    <table className="table" data-testid="queue-stale-picks">
      <caption>{t("staleCaption", { days: queue.staleAfterDays })}</caption>
      <TableHead columns={[t("task"), t("heldBy"), t("for"), t("release")]} />
      <tbody>
        {queue.stalePicks.map((task) => (
          <tr key={task.id}>
            <TaskCell task={task} slug={slug} />
            <td>{task.holder}</td>
            <td>{t("days", { days: task.days })}</td>
            <td>
              <ActionForm action={assignTaskAction} submit={t("release")} done={t("released")}>
                <input type="hidden" name="taskId" value={task.id} />
                <input type="hidden" name="login" value="" />
                <ReasonField />
              </ActionForm>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OpenAppeals({ rows }: { rows: MaintainerQueue["appeals"] }) {
  const t = useTranslations("queue");
  if (rows.length === 0) return <Empty what={t("noAppeals")} />;
  return (
    <table className="table" data-testid="queue-appeals">
      <caption>{t("appealsCaption")}</caption>
      <TableHead columns={[t("pullRequest"), t("participantSays"), t("answer")]} />
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <td>
              {a.pr} {a.title}
              {a.task && <div className="muted">{t("appealTask", { task: a.task })}</div>}
            </td>
            <td>
              <strong>{a.author}</strong>: {a.message}
              <div className="muted">
                <LocalTime iso={a.createdAt} />
              </div>
            </td>
            <td>
              <ActionForm action={answerAppealAction} submit={t("answer")} done={t("answered")}>
                <input type="hidden" name="appealId" value={a.id} />
                <select name="decision" aria-label={t("decision")} defaultValue="accept">
                  <option value="accept">{t("accept")}</option>
                  <option value="decline">{t("decline")}</option>
                </select>
                <input name="points" type="number" min={1} step={1} aria-label={t("pointsLabel")} placeholder={t("pointsPlaceholder")} style={{ width: "6rem" }} />
                <ReasonField required />
              </ActionForm>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
