import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { LOCALES } from "@/lib/i18n/locale";
import { defineCommand } from "./command";

export const ZSetLocale = z.object({ locale: z.enum(LOCALES, { error: "expected en or zh-CN" }) });

/**
 * A signed-in user's language (#19), chosen with the header's switcher: kept on the user, so another browser
 * signed in as them starts in it too. Only one's own setting; not audited (it changes nothing anyone else sees).
 */
export const setLocale = defineCommand({
  name: "user.locale",
  input: ZSetLocale,
  permission: "profile.edit",
  async run({ tx, actor, authorize }, input) {
    authorize("profile.edit");
    if (typeof actor !== "object") return { locale: input.locale };
    await tx.update(users).set({ locale: input.locale }).where(eq(users.id, actor.userId));
    return { locale: input.locale };
  },
});
