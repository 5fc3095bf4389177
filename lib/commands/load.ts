import { eq } from "drizzle-orm";
import { words } from "@/lib/i18n/words";
import type { Executor } from "@/db/client";
import { auditEvents, repositories, seasons, tasks } from "@/db/schema";
import type { Permission } from "@/lib/auth/permissions";
import { NotFoundError, RuleError } from "@/lib/errors";
import { authorize, type Actor } from "./command";

/**
 * The task, locked for this transaction, if the actor holds the permission on its repository.
 * The access check is part of loading: an unknown task and a forbidden one are told apart only
 * after the task is found.
 */
export async function taskForChange(tx: Executor, actor: Actor, taskId: number, permission: Permission) {
  const [row] = await tx
    .select({ task: tasks, repo: repositories.fullName })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .where(eq(tasks.id, taskId))
    .for("update", { of: tasks });
  if (!row) throw new NotFoundError("task");
  authorize(actor, permission, { repo: row.repo });
  return row;
}

/** One row of the audit log, written in the transaction of the change it describes. */
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

/** A final season's points change only after it is reopened (#18): a maintainer's award or revocation is refused. */
export async function refuseIfFinal(tx: Executor, seasonId: number): Promise<void> {
  const [s] = await tx.select({ slug: seasons.slug, finalizedAt: seasons.finalizedAt }).from(seasons).where(eq(seasons.id, seasonId));
  if (s?.finalizedAt) throw new RuleError(`Season ${s.slug} is final; an admin must reopen it before its points change.`, words("errors.seasonFinal", { slug: s.slug }));
}
