import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { transaction } from "@/db/transaction";
import { publishChange } from "@/lib/cache/changes";
import { can, type Permission, type Viewer } from "@/lib/auth/permissions";
import { ForbiddenError, InvalidInputError } from "@/lib/errors";
import { fieldErrors } from "@/lib/util/zod-errors";

/**
 * Who runs a command: a signed-in user (a server action), the operator at the shell (the CLI: whoever can
 * reach the database holds every right), or Podium itself (a sync page, a webhook, a job).
 */
export type Actor = Viewer | "operator" | "system";

export type CommandContext = {
  tx: Tx;
  actor: Actor;
  /** The acting participant, for the ledger's and the audit log's `actorId` (null for the operator and Podium). */
  actorId: number | null;
  /** Refuses unless the actor holds the permission (on the repository, for repository-scoped ones). */
  authorize(permission: Permission, scope?: { repo?: string; repos?: string[] }): void;
};

/**
 * A change of Podium's data: its input schema, the permission it needs, and its work in one transaction.
 * Every door — server action, CLI command, webhook, job, sync page — runs it through `runCommand`, so
 * each change is validated, authorized and committed the same way, and its effects (cache invalidation,
 * revalidation, queued comments: `afterCommit`) follow the commit.
 */
export type Command<S extends z.ZodType, R> = {
  name: string;
  input: S;
  /** The permission the command checks (on the object it changes, through `ctx.authorize`). */
  permission: Permission;
  run: (ctx: CommandContext, input: z.output<S>) => Promise<R>;
};

export function defineCommand<S extends z.ZodType, R>(command: Command<S, R>): Command<S, R> {
  return command;
}

/**
 * A command whose whole check is one unscoped permission and whose work is one function of the transaction and
 * the input (the operator's season-wide commands: apply, preview, map import, rebuild).
 */
export function simpleCommand<S extends z.ZodType, R>(name: string, input: S, permission: Permission, work: (tx: Tx, input: z.output<S>) => Promise<R>): Command<S, R> {
  return defineCommand({
    name,
    input,
    permission,
    async run({ tx, authorize }, parsed) {
      authorize(permission);
      return work(tx, parsed);
    },
  });
}

export function authorize(actor: Actor, permission: Permission, scope: { repo?: string; repos?: string[] } = {}): void {
  if (actor === "operator" || actor === "system") return;
  if (!can(actor, permission, scope)) throw new ForbiddenError(permission);
}

/** Validates the raw input with the command's schema (field errors name the path), then runs it in one transaction. */
export async function runCommand<S extends z.ZodType, R>(db: Db, command: Command<S, R>, actor: Actor, raw: unknown): Promise<R> {
  const parsed = command.input.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError("Some fields are not valid.", fieldErrors(parsed.error), undefined, parsed.error.issues);
  return transaction(db, async (tx) => {
    const result = await command.run(
      {
        tx,
        actor,
        actorId: typeof actor === "object" ? actor.participantId : null,
        authorize: (permission, scope) => authorize(actor, permission, scope),
      },
      parsed.data,
    );
    // Every committed command expires the public pages' cached data, here and in every other process (on commit).
    await publishChange(tx);
    return result;
  });
}
