import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { participants } from "@/db/schema";
import { publishChange } from "@/lib/cache/changes";
import { NotFoundError } from "@/lib/errors";
import { ZLogin } from "@/lib/seasons/season-file";
import { ZFormBoolean } from "@/lib/util/form-boolean";
import { defineCommand } from "./command";
import { audit } from "./load";

export const ZSetPrivacy = z.object({
  login: ZLogin,
  hidden: ZFormBoolean,
});

/**
 * A participant hides themselves from public rankings and the public API, or shows themselves again (#19).
 * Their own setting: any signed-in user may change it for themselves; for someone else it takes an admin
 * (`participant.manage`). Audited; the read caches are emptied after the commit, so rankings follow at once.
 */
export const setPrivacy = defineCommand({
  name: "participant.privacy",
  input: ZSetPrivacy,
  permission: "profile.edit",
  async run({ tx, actor, actorId, authorize }, input) {
    authorize("profile.edit");
    const self = typeof actor === "object" && actor.login.toLowerCase() === input.login.toLowerCase();
    if (!self) authorize("participant.manage");
    const [who] = await tx
      .select({ id: participants.id, login: participants.login, hidden: participants.hidden })
      .from(participants)
      .where(eq(sql`lower(${participants.login})`, input.login.toLowerCase()))
      .for("update");
    if (!who) throw new NotFoundError(`participant ${input.login}`);
    await tx.update(participants).set({ hidden: input.hidden, updatedAt: new Date() }).where(eq(participants.id, who.id));
    await audit(tx, { seasonId: null, actorId, action: "participant.privacy", before: { hidden: who.hidden }, after: { participant: who.login, hidden: input.hidden } });
    await publishChange(tx);
    return { login: who.login, hidden: input.hidden };
  },
});
