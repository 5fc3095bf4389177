import { inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants } from "@/db/schema";

/**
 * Participant ids for these logins, creating placeholder rows (no GitHub id yet) for unknown ones.
 * The import fills in the GitHub id, name and avatar when the login first shows up there.
 */
export async function ensureParticipantsByLogin(db: Executor, logins: string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(logins.map((l) => l.toLowerCase()))];
  const out = new Map<string, number>();
  if (wanted.length === 0) return out;
  await db
    .insert(participants)
    .values(wanted.map((login) => ({ login: logins.find((l) => l.toLowerCase() === login) ?? login, isBot: login.endsWith("[bot]") })))
    .onConflictDoNothing();
  const rows = await db
    .select({ id: participants.id, login: participants.login })
    .from(participants)
    .where(inArray(sql`lower(${participants.login})`, wanted));
  for (const row of rows) out.set(row.login.toLowerCase(), row.id);
  return out;
}
