import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { transaction } from "@/db/transaction";
import { participants, pullRequests, pullRequestTasks, repositories, seasons, tasks } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { releaseStalePick } from "@/lib/commands/release-stale-pick";
import { stalePicks } from "@/lib/scoring/picks";
import { queueBotComment, type BotCommentsMode } from "./post";
import { reminderReply, staleReleasedReply } from "./replies";

const DAY_MS = 86_400_000;

export type SweepResult = { reminded: string[]; released: string[] };

/**
 * The season's stale picks (`rules.picks.releaseAfterDays`, the pure `stalePicks`): a reminder on the issue within
 * the last day, then the release, each once per pick (keyed by task and pick time) and each in one transaction with
 * its comment. A pick that gained an open linked pull request, or changed hands, since it was read is left alone.
 */
export async function sweepStalePicks(db: Executor, slug: string, options: { now: Date; mode: BotCommentsMode }): Promise<SweepResult> {
  const result: SweepResult = { reminded: [], released: [] };
  const [season] = await db.select({ id: seasons.id, rules: seasons.rules, language: sql<string | null>`${seasons.options}->>'language'` }).from(seasons).where(eq(seasons.slug, slug));
  const days = season?.rules.picks?.releaseAfterDays;
  if (!season || days === undefined) return result;
  const held = await db
    .select({
      taskId: tasks.id,
      holderId: tasks.pickedUpById,
      pickedAt: tasks.pickedUpAt,
      repo: repositories.fullName,
      number: tasks.number,
      login: participants.login,
      hasOpenPullRequest: sql<boolean>`exists (select 1 from ${pullRequestTasks} l join ${pullRequests} p on p.id = l.pull_request_id where l.task_id = ${tasks.id} and p.state = 'OPEN')`,
    })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .innerJoin(participants, eq(participants.id, tasks.pickedUpById))
    .where(and(eq(tasks.seasonId, season.id), eq(tasks.state, "picked"), eq(tasks.perPr, false), eq(tasks.active, true), isNotNull(tasks.pickedUpAt)));
  const picks = held.map((h) => ({ ...h, holderId: h.holderId!, pickedAt: h.pickedAt!, hasOpenPullRequest: Boolean(h.hasOpenPullRequest) }));
  const due = stalePicks(options.now, picks, season.rules);
  for (const h of due.remind) {
    const key = `remind:${h.taskId}:${h.pickedAt.toISOString()}`;
    const body = reminderReply(key, h.login, new Date(h.pickedAt.getTime() + days * DAY_MS), season.language);
    if (await queueBotComment(db, options.mode, { key, kind: "reminder", seasonId: season.id, repo: h.repo, number: h.number, body })) result.reminded.push(`${h.repo}#${h.number}`);
  }
  for (const h of due.release) {
    const released = await transaction(db, async (tx) => {
      const r = await runCommand(tx, releaseStalePick, "system", { taskId: h.taskId, holderId: h.holderId, pickedAt: h.pickedAt, holder: h.login, days });
      if (!r.released) return false;
      const key = `release:${h.taskId}:${h.pickedAt.toISOString()}`;
      await queueBotComment(tx, options.mode, { key, kind: "release", seasonId: season.id, repo: h.repo, number: h.number, body: staleReleasedReply(key, h.login, days, season.language) });
      return true;
    });
    if (released) result.released.push(`${h.repo}#${h.number}`);
  }
  return result;
}
