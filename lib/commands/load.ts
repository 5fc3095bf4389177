import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents, repositories, seasonRepositories, seasons, tasks } from "@/db/schema";
import { ForbiddenError, can, type Permission, type Viewer } from "@/lib/auth/permissions";
import type { SeasonForAwards } from "@/lib/scoring/award-season";

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** A domain rule refused the change (a gate, a task already held…); the message is for the user. */
export class RuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RuleError";
  }
}

export async function seasonForAwards(tx: Executor, seasonId: number): Promise<SeasonForAwards> {
  const [season] = await tx.select().from(seasons).where(eq(seasons.id, seasonId));
  if (!season) throw new NotFoundError("season");
  const repos = await tx
    .select({ fullName: repositories.fullName })
    .from(seasonRepositories)
    .innerJoin(repositories, eq(repositories.id, seasonRepositories.repositoryId))
    .where(eq(seasonRepositories.seasonId, seasonId));
  return { ...season, repos: repos.map((r) => r.fullName) };
}

/**
 * The task, locked for this transaction, if the viewer holds the permission on its repository.
 * The access check is part of loading: an unknown task and a forbidden one are told apart only
 * after the task is found.
 */
export async function taskForChange(tx: Executor, viewer: Viewer, taskId: number, permission: Permission) {
  const [row] = await tx
    .select({ task: tasks, repo: repositories.fullName })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .where(eq(tasks.id, taskId))
    .for("update", { of: tasks });
  if (!row) throw new NotFoundError("task");
  if (!can(viewer, permission, { repo: row.repo })) throw new ForbiddenError(permission);
  return row;
}

export async function audit(
  tx: Executor,
  event: { seasonId: number | null; taskId?: number | null; pullRequestId?: number | null; actorId: number | null; action: string; before?: unknown; after?: unknown; reason?: string | null },
) {
  await tx.insert(auditEvents).values({
    seasonId: event.seasonId,
    taskId: event.taskId ?? null,
    pullRequestId: event.pullRequestId ?? null,
    actorId: event.actorId,
    action: event.action,
    before: event.before ?? null,
    after: event.after ?? null,
    reason: event.reason ?? null,
  });
}
