import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { seesHidden } from "@/lib/participants/privacy";
import { belowGate, taskWaivers } from "@/lib/queries/task-gates";
import { getTaskDetail } from "@/lib/queries/tasks";
import { pullOutcomes } from "@/lib/queries/participant-pulls";
import { GateWaivers } from "./gate-waivers";
import { MaintainerTools } from "./maintainer-tools";
import { TaskLedger } from "./task-ledger";
import { TaskPulls } from "./task-pulls";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("task"))("metaTitle") };
}

const KNOWN_DIFFICULTIES = new Set(["easy", "medium", "hard"]);

export default async function TaskPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const taskId = Number(id);
  if (!Number.isSafeInteger(taskId) || taskId <= 0) notFound();
  const [detail, viewer, t, c] = await Promise.all([getTaskDetail(await getDb(), taskId), currentViewer(), getTranslations("task"), getTranslations("common")]);
  if (!detail || detail.season !== slug) notFound();
  const { task } = detail;
  const maintains = can(viewer, "task.score", { repo: detail.repo });
  const db = await getDb();
  const [waivers, below, outcomes] = await Promise.all([
    taskWaivers(db, taskId),
    can(viewer, "task.assign", { repo: detail.repo }) ? belowGate(db, taskId) : null,
    pullOutcomes(db, slug, { taskId }, viewer),
  ]);
  // A hidden participant (#19) is "a participant" here too, as on the rankings; admins and they themselves see them.
  const shown = (login: string | null, hidden: boolean) => (login !== null && hidden && !seesHidden(viewer, login) ? null : login);
  const holder = detail.holder ? (shown(detail.holder, detail.holderHidden ?? false) ?? c("anonymous")) : null;
  const difficulty = task.difficulty ? (KNOWN_DIFFICULTIES.has(task.difficulty) ? c(task.difficulty as "easy") : task.difficulty) : null;
  const state = task.state === "closed" ? t("closed") : c(task.state);
  return (
    <>
      <p className="muted">
        <Link href={`/seasons/${slug}/tasks`}>{t("back", { season: detail.seasonName })}</Link>
      </p>
      <h1 data-testid="task-title">
        <span className="muted">
          {detail.repo}#{task.number}
        </span>{" "}
        {task.title}
      </h1>
      <p data-testid="task-facts">
        {difficulty ? <span className={`tag ${task.difficulty}`}>{difficulty}</span> : t("noDifficulty")} ·{" "}
        {t.rich("score", { score: task.score === null ? t("needsScore") : String(task.score), b: (chunks) => <strong data-testid="task-score">{chunks}</strong> })} (
        {t(`source.${task.scoreSource}`)}
        {task.scoreOverrideReason ? `: ${task.scoreOverrideReason}` : ""}) · {state}
        {holder ? <span data-testid="task-holder">{t("by", { holder })}</span> : ""}
        {task.perPr ? t("perPr") : ""}
        {task.minScoreRequired ? t("minScore", { points: task.minScoreRequired }) : ""}
        {task.url && (
          <>
            {" · "}
            <a href={task.url} rel="noopener noreferrer">
              {t("issueLink")}
            </a>
          </>
        )}
      </p>

      <h2>{t("pullRequests")}</h2>
      <TaskPulls detail={detail} slug={slug} maintains={maintains} outcomes={outcomes ?? []} shown={shown} />

      <h2>{t("points")}</h2>
      <TaskLedger detail={detail} maintains={maintains} shown={shown} />

      <GateWaivers taskId={task.id} waivers={waivers} below={below} shown={shown} />

      {maintains && <MaintainerTools detail={detail} />}
    </>
  );
}
