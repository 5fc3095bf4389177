import { answerAppealAction } from "@/app/_actions/answer-appeal";
import { assignTaskAction } from "@/app/_actions/assign-task";
import { setTaskScoreAction } from "@/app/_actions/set-task-score";
import { ActionForm, ReasonInput } from "@/app/_components/action-form";
import { AwardPointsForm } from "@/app/_components/award-points-form";
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
  if (rows.length === 0) return <Empty what="Every task has a score." />;
  return (
    <table className="table" data-testid="queue-needs-score">
      <caption>Tasks whose score could not be read</caption>
      <TableHead columns={["Task", "Difficulty", "Set the score"]} />
      <tbody>
        {rows.map((t) => (
          <tr key={t.id}>
            <TaskCell task={t} slug={slug} />
            <td>{t.difficulty ?? "—"}</td>
            <td>
              <ActionForm action={setTaskScoreAction} submit="Save score">
                <input type="hidden" name="taskId" value={t.id} />
                <input name="score" type="number" min={0} step={1} aria-label={`Score of ${t.repo}#${t.number}`} style={{ width: "6rem" }} />
                <ReasonInput />
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
  return (
    <table className="table" data-testid={testId}>
      <caption>{caption}</caption>
      <TableHead columns={["Pull request", "Author", "Merged", showRefs === true && "References", "Award points"]} />
      <tbody>
        {rows.map((p) => (
          <tr key={p.id}>
            <td>
              {p.repo}#{p.number} {p.title}
            </td>
            <td>{p.author ?? "—"}</td>
            <td>{p.mergedAt ? <LocalTime iso={p.mergedAt} /> : "open"}</td>
            {showRefs && <td>{p.refs?.join(", ")}</td>}
            <td>
              <AwardPointsForm slug={slug} pullRequestId={p.id} label={`Points for ${p.repo}#${p.number}`} reasonRequired />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StalePicks({ queue, slug }: { queue: MaintainerQueue; slug: string }) {
  if (queue.stalePicks.length === 0) return <Empty what={`No pick is older than ${queue.staleAfterDays} days without an open pull request.`} />;
  return (
    <table className="table" data-testid="queue-stale-picks">
      <caption>Picks older than {queue.staleAfterDays} days with no open pull request</caption>
      <TableHead columns={["Task", "Held by", "For", "Release"]} />
      <tbody>
        {queue.stalePicks.map((t) => (
          <tr key={t.id}>
            <TaskCell task={t} slug={slug} />
            <td>{t.holder}</td>
            <td>{t.days} days</td>
            <td>
              <ActionForm action={assignTaskAction} submit="Release">
                <input type="hidden" name="taskId" value={t.id} />
                <input type="hidden" name="login" value="" />
                <ReasonInput />
              </ActionForm>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OpenAppeals({ rows }: { rows: MaintainerQueue["appeals"] }) {
  if (rows.length === 0) return <Empty what="No open appeals." />;
  return (
    <table className="table" data-testid="queue-appeals">
      <caption>Appeals waiting for an answer</caption>
      <TableHead columns={["Pull request", "Participant says", "Answer"]} />
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <td>
              {a.pr} {a.title}
              {a.task && <div className="muted">task {a.task}</div>}
            </td>
            <td>
              <strong>{a.author}</strong>: {a.message}
              <div className="muted">
                <LocalTime iso={a.createdAt} />
              </div>
            </td>
            <td>
              <ActionForm action={answerAppealAction} submit="Answer">
                <input type="hidden" name="appealId" value={a.id} />
                <select name="decision" aria-label="Decision" defaultValue="accept">
                  <option value="accept">accept, awarding</option>
                  <option value="decline">decline</option>
                </select>
                <input name="points" type="number" min={1} step={1} aria-label="Points (when accepting)" placeholder="points" style={{ width: "6rem" }} />
                <ReasonInput required />
              </ActionForm>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
