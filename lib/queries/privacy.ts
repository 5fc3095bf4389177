import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants } from "@/db/schema";

/** Whether this login hid themselves from public rankings and the public API (#19); false for an unknown login. */
export async function isHidden(db: Executor, login: string): Promise<boolean> {
  const [p] = await db.select({ hidden: participants.hidden }).from(participants).where(eq(sql`lower(${participants.login})`, login.toLowerCase()));
  return p?.hidden ?? false;
}
