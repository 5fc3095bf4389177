import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { THEMES } from "@/lib/theme";
import { defineCommand } from "./command";
import { audit } from "./load";

export const ZSetTheme = z.object({ theme: z.enum(THEMES, { error: "expected light or dark" }) });

/**
 * A signed-in user's colour theme (#19), chosen with the header's toggle: kept on the user like their language,
 * so another browser signed in as them starts in it. Only one's own setting; audited like the other settings.
 */
export const setTheme = defineCommand({
  name: "user.theme",
  input: ZSetTheme,
  permission: "profile.edit",
  async run({ tx, actor, actorId, authorize }, input) {
    authorize("profile.edit");
    if (typeof actor !== "object") return { theme: input.theme };
    const [row] = await tx.update(users).set({ theme: input.theme }).where(eq(users.id, actor.userId)).returning({ id: users.id });
    await audit(tx, { seasonId: null, actorId, action: "user.theme", before: null, after: { login: actor.login, theme: input.theme, stored: row !== undefined } });
    return { theme: input.theme };
  },
});
