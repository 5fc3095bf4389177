import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { parseTheme, type Theme } from "@/lib/theme";

/** The colour theme a signed-in user chose (`users.theme`), or null: the system's. */
export async function userTheme(db: Executor, userId: string): Promise<Theme | null> {
  const [row] = await db.select({ theme: users.theme }).from(users).where(eq(users.id, userId));
  return parseTheme(row?.theme);
}
