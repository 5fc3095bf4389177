import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { participants, repositories, roles } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { ZLogin, ZRepoName } from "@/lib/seasons/season-file";
import { ensureParticipantsByLogin } from "@/lib/participants/ensure-by-login";
import { defineCommand, type Actor } from "./command";
import { audit } from "./load";
import { refusals } from "./refusals";

export const ZRoleChange = z
  .object({
    login: ZLogin,
    role: z.enum(["admin", "maintainer"], { error: "expected admin or maintainer" }),
    repo: z.preprocess((v) => (v === "" ? undefined : v), ZRepoName.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.role === "maintainer" && !v.repo) ctx.addIssue({ code: "custom", path: ["repo"], message: "a maintainer needs a repository (--repo owner/name)" });
    if (v.role === "admin" && v.repo) ctx.addIssue({ code: "custom", path: ["repo"], message: "admins hold every repository; leave the repository out" });
  });
export type RoleChange = z.infer<typeof ZRoleChange>;

/** Who granted a role, as the roles table records it: an admin's login, or `cli` for the operator. */
const grantedBy = (actor: Actor) => (typeof actor === "object" ? actor.login : "cli");

async function repoId(db: Executor, repo: string | undefined) {
  if (!repo) return null;
  const [r] = await db.select({ id: repositories.id }).from(repositories).where(eq(repositories.fullName, repo.toLowerCase()));
  if (!r) throw refusals.repoOfNoSeason(repo);
  return r.id;
}

/** An admin (or the operator) makes a login an admin, or a maintainer of a repository. */
export const grantRole = defineCommand({
  name: "role.grant",
  input: ZRoleChange,
  permission: "role.manage",
  async run({ tx, actor, actorId, authorize }, input): Promise<"granted" | "unchanged"> {
    authorize("role.manage");
    const ids = await ensureParticipantsByLogin(tx, [input.login]);
    const participantId = ids.get(input.login.toLowerCase())!;
    const repositoryId = await repoId(tx, input.repo);
    const inserted = await tx
      .insert(roles)
      .values({ participantId, role: input.role, repositoryId, grantedBy: grantedBy(actor) })
      .onConflictDoNothing()
      .returning({ id: roles.id });
    if (inserted.length === 0) return "unchanged";
    await audit(tx, { seasonId: null, actorId, action: "role.grant", after: input, reason: null });
    return "granted";
  },
});

/** An admin (or the operator) takes a role back. */
export const revokeRole = defineCommand({
  name: "role.revoke",
  input: ZRoleChange,
  permission: "role.manage",
  async run({ tx, actorId, authorize }, input): Promise<"revoked" | "unchanged"> {
    authorize("role.manage");
    const [p] = await tx.select({ id: participants.id }).from(participants).where(eq(sql`lower(${participants.login})`, input.login.toLowerCase()));
    if (!p) throw new NotFoundError(`participant ${input.login}`);
    const repositoryId = await repoId(tx, input.repo);
    const deleted = await tx
      .delete(roles)
      .where(and(eq(roles.participantId, p.id), eq(roles.role, input.role), repositoryId === null ? isNull(roles.repositoryId) : eq(roles.repositoryId, repositoryId)))
      .returning({ id: roles.id });
    if (deleted.length === 0) return "unchanged";
    await audit(tx, { seasonId: null, actorId, action: "role.revoke", before: input, reason: null });
    return "revoked";
  },
});
