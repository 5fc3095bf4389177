import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { belowGate, taskWaivers } from "@/lib/queries/task-gates";
import { getTaskDetail } from "@/lib/queries/tasks";
import { GateWaivers } from "./gate-waivers";
import { MaintainerTools } from "./maintainer-tools";
import { TaskLedger } from "./task-ledger";
import { TaskPulls } from "./task-pulls";
import { pullOutcomes } from "@/lib/queries/participant-pulls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Task" };

export default async function TaskPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const taskId = Number(id);
  if (!Number.isSafeInteger(taskId) || taskId <= 0) notFound();
  const [detail, viewer] = await Promise.all([getTaskDetail(await getDb(), taskId), currentViewer()]);
  if (!detail || detail.season !== slug) notFound();
  const { task } = detail;
  const maintains = can(viewer, "task.score", { repo: detail.repo });
  const db = await getDb();
  const [waivers, below, outcomes] = await Promise.all([
    taskWaivers(db, taskId),
    can(viewer, "task.assign", { repo: detail.repo }) ? belowGate(db, taskId) : null,
    pullOutcomes(db, slug, { taskId }),
  ]);
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
      <TaskPulls detail={detail} slug={slug} maintains={maintains} outcomes={outcomes ?? []} />

      <h2>Points</h2>
      <TaskLedger detail={detail} maintains={maintains} />

      <GateWaivers taskId={task.id} waivers={waivers} below={below} />

      {maintains && <MaintainerTools detail={detail} />}
    </>
  );
}
