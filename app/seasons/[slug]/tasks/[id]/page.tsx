import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { assignTaskAction } from "@/app/_actions/assign-task";
import { awardPointsAction } from "@/app/_actions/award-points";
import { revokeEntryAction } from "@/app/_actions/revoke-entry";
import { setTaskPerPrAction } from "@/app/_actions/set-task-per-pr";
import { setTaskScoreAction } from "@/app/_actions/set-task-score";
import { ActionForm } from "@/app/_components/action-form";
import { AuditTable } from "@/app/_components/audit-table";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { getTaskDetail } from "@/lib/queries/tasks";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Task" };

export default async function TaskPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const taskId = Number(id);
  if (!Number.isSafeInteger(taskId) || taskId <= 0) notFound();
  const detail = await getTaskDetail(await getDb(), taskId);
  if (!detail || detail.season !== slug) notFound();
  const { task } = detail;
  const viewer = await currentViewer();
  const maintains = can(viewer, "task.score", { repo: detail.repo });
  return (
    <>
      <p className="muted">
        <Link href={`/seasons/${slug}/tasks`}>← Tasks of {detail.seasonName}</Link>
      </p>
      <h1 data-testid="task-title">
        <span className="muted">
          {detail.repo}#{task.number}
        </span>{" "}
        {task.title}
      </h1>
      <p>
        {task.difficulty ? <span className={`tag ${task.difficulty}`}>{task.difficulty}</span> : "no difficulty"} ·{" "}
        <strong data-testid="task-score">{task.score ?? "needs a score"}</strong> points ({task.scoreSource}
        {task.scoreOverrideReason ? `: ${task.scoreOverrideReason}` : ""}) · {task.state}
        {detail.holder ? ` by ${detail.holder}` : ""}
        {task.perPr ? " · per PR" : ""}
        {task.minScoreRequired ? ` · needs ${task.minScoreRequired} points to pick up` : ""}
        {task.url && (
          <>
            {" · "}
            <a href={task.url} rel="noopener noreferrer">
              issue on GitHub
            </a>
          </>
        )}
      </p>

      <h2>Pull requests</h2>
      {detail.pulls.length === 0 ? (
        <p className="muted">No pull request references this task yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Pull request</th>
              <th scope="col">Author</th>
              <th scope="col">Merged</th>
              {maintains && <th scope="col">Award points</th>}
            </tr>
          </thead>
          <tbody>
            {detail.pulls.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={p.url ?? "#"} rel="noopener noreferrer">
                    {p.repo}#{p.number}
                  </a>{" "}
                  {p.title}
                </td>
                <td>{p.author ?? "deleted account"}</td>
                <td>{p.mergedAt ? p.mergedAt.toISOString().slice(0, 10) : "not merged"}</td>
                {maintains && (
                  <td>
                    <ActionForm action={awardPointsAction} submit="Award">
                      <input type="hidden" name="season" value={slug} />
                      <input type="hidden" name="pullRequestId" value={p.id} />
                      <input name="points" type="number" step={1} aria-label="Points" placeholder="points" style={{ width: "6rem" }} />
                      <input name="reason" aria-label="Reason" placeholder="why" />
                    </ActionForm>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Points</h2>
      {detail.entries.length === 0 ? (
        <p className="muted">No points for this task yet.</p>
      ) : (
        <table className="table" data-testid="ledger">
          <thead>
            <tr>
              <th scope="col">Participant</th>
              <th scope="col" className="num">
                Points
              </th>
              <th scope="col">Kind</th>
              <th scope="col">Why</th>
              <th scope="col">By</th>
              {maintains && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {detail.entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link href={`/u/${e.login}`}>{e.login}</Link>
                </td>
                <td className="num">{e.points > 0 ? `+${e.points}` : e.points}</td>
                <td>{e.kind}</td>
                <td>{e.reason}</td>
                <td>{e.actor ?? "import"}</td>
                {maintains && (
                  <td>
                    {e.kind !== "revocation" && !detail.entries.some((x) => x.revokes === e.id) && (
                      <ActionForm action={revokeEntryAction} submit="Revoke">
                        <input type="hidden" name="entryId" value={e.id} />
                        <input name="reason" aria-label="Reason" placeholder="why" />
                      </ActionForm>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {maintains && (
        <>
          <h2>Maintainer tools</h2>
          <div className="tools">
            <div className="card">
              <h3>Score</h3>
              <ActionForm action={setTaskScoreAction} submit="Save score" testId="score-form">
                <input type="hidden" name="taskId" value={task.id} />
                <input name="score" type="number" min={0} step={1} aria-label="Score" placeholder={String(task.score ?? "")} style={{ width: "7rem" }} />
                <input name="reason" aria-label="Reason" placeholder="why (required)" />
              </ActionForm>
              <p className="muted">Leave the score empty to clear the override. Awards already made are adjusted in the ledger.</p>
            </div>
            <div className="card">
              <h3>Per-PR task</h3>
              <ActionForm action={setTaskPerPrAction} submit={task.perPr ? "Make it one award" : "Award each PR"}>
                <input type="hidden" name="taskId" value={task.id} />
                <input type="hidden" name="perPr" value={task.perPr ? "false" : "true"} />
                <input name="reason" aria-label="Reason" placeholder="why (required)" />
              </ActionForm>
            </div>
            <div className="card">
              <h3>Assignment</h3>
              <ActionForm action={assignTaskAction} submit={detail.holder ? "Reassign / release" : "Assign"}>
                <input type="hidden" name="taskId" value={task.id} />
                <input name="login" aria-label="GitHub login" placeholder="login (empty releases)" />
                <input name="reason" aria-label="Reason" placeholder="why" />
              </ActionForm>
            </div>
          </div>
          <h2>History</h2>
          <AuditTable events={detail.history} />
        </>
      )}
    </>
  );
}
