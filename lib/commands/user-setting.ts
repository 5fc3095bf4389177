import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { defineCommand, type Command } from "./command";
import { audit } from "./load";

/** The signed-in user's own display settings kept on their row (#19): the header's language switch and theme toggle. */
export type UserSetting = "locale" | "theme";

/**
 * The command that keeps one such setting on the signed-in user, so another browser signed in as them starts
 * with it (an anonymous choice lives in a cookie only). Only one's own setting; audited like the other settings.
 */
export function userSettingCommand<K extends UserSetting, V extends string>(name: string, key: K, values: readonly [V, ...V[]], expected: string) {
  const input = z.object({ [key]: z.enum(values, { error: expected }) }) as unknown as z.ZodType<Record<K, V>>;
  const command: Command<typeof input, Record<K, V>> = defineCommand({
    name,
    input,
    permission: "profile.edit",
    async run({ tx, actor, actorId, authorize }, parsed) {
      authorize("profile.edit");
      const value = parsed[key];
      if (typeof actor !== "object") return parsed;
      const [row] = await tx.update(users).set({ [key]: value }).where(eq(users.id, actor.userId)).returning({ id: users.id });
      await audit(tx, { seasonId: null, actorId, action: name, before: null, after: { login: actor.login, [key]: value, stored: row !== undefined } });
      return parsed;
    },
  });
  return command;
}
