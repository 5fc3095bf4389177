import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { seasons, users } from "@/db/schema";
import { parseLocale, type Locale } from "@/lib/i18n/locale";
import { currentSeason } from "./seasons";

/** The language a signed-in user chose (`users.locale`), or null. */
export async function userLocale(db: Executor, userId: string): Promise<Locale | null> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return parseLocale(row?.locale);
}

/** A season's default `language` (season file), or null when it sets none. */
export async function seasonLanguage(db: Executor, seasonId: number): Promise<Locale | null> {
  const [row] = await db.select({ language: sql<string | null>`${seasons.options}->>'language'` }).from(seasons).where(eq(seasons.id, seasonId));
  return parseLocale(row?.language);
}

/** The default `language` of the current season (running, else next, else latest), or null. */
export async function currentSeasonLanguage(db: Executor): Promise<Locale | null> {
  const rows = await db
    .select({ startsAt: seasons.startsAt, endsAt: seasons.endsAt, language: sql<string | null>`${seasons.options}->>'language'` })
    .from(seasons);
  const list = rows
    .map((r) => ({ startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), language: r.language }))
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
  return parseLocale(currentSeason(list)?.language);
}
