import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { LOCALES } from "@/lib/i18n/locale";
import { defineCommand } from "./command";
import { audit } from "./load";

export const ZSetLocale = z.object({ locale: z.enum(LOCALES, { error: "expected en or zh-CN" }) });

/**
 * A signed-in user's language (#19), chosen with the header's switcher: kept on the user, so another browser
 * signed in as them starts in it too. Only one's own setting; audited like the other profile settings.
 */
export const setLocale = defineCommand({
  name: "user.locale",
  input: ZSetLocale,
  permission: "profile.edit",
  async run({ tx, actor, actorId, authorize }, input) {
    authorize("profile.edit");
    if (typeof actor !== "object") return { locale: input.locale };
    const [row] = await tx.update(users).set({ locale: input.locale }).where(eq(users.id, actor.userId)).returning({ id: users.id });
    await audit(tx, { seasonId: null, actorId, action: "user.locale", before: null, after: { login: actor.login, locale: input.locale, stored: row !== undefined } });
    return { locale: input.locale };
  },
});
