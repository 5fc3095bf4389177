import crypto from "node:crypto";
import fs from "node:fs";
import type { BrowserContext } from "@playwright/test";
import postgres from "postgres";
import { openDatabase, type DbHandle } from "@/db/client";
import { E2E_PG_URL } from "../playwright.config";

/** The URL of the Postgres-backed app's database (refuses anything but a loopback server). */
function localPgUrl(): string {
  if (!E2E_PG_URL) throw new Error("PODIUM_E2E_PG_URL is not set: run the suite with `npm run test:e2e`");
  const host = new URL(E2E_PG_URL).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") throw new Error(`refusing to seed a non-local database (${host})`);
  return E2E_PG_URL;
}

/** The Postgres-backed app's database, for seeding and reading with SQL. */
export function e2eDb() {
  return postgres(localPgUrl(), { max: 1, onnotice: () => {} });
}

/** The same database as a drizzle handle, for the test factories (test/factories/db.ts); the server migrated it. */
export function e2eDrizzle(): Promise<DbHandle> {
  return openDatabase({ url: localPgUrl(), migrate: false, max: 1 });
}

/** The Auth.js session cookie (plain HTTP, so without the `__Secure-` prefix). */
export const SESSION_COOKIE = "authjs.session-token";

/**
 * A database session for a participant, as signing in would create it, for requests made without a
 * browser (and for `signInAs`): returns the value of the session cookie.
 */
export async function sessionTokenFor(login: string): Promise<string> {
  const sql = e2eDb();
  try {
    const [p] = await sql<{ id: number; name: string | null; avatar_url: string | null }[]>`
      select id, name, avatar_url from participants where lower(login) = lower(${login})`;
    if (!p) throw new Error(`no participant ${login} in the e2e database`);
    const userId = crypto.randomUUID();
    const token = crypto.randomUUID();
    await sql`insert into users (id, name, image, participant_id) values (${userId}, ${p.name ?? login}, ${p.avatar_url}, ${p.id})`;
    await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${userId}, now() + interval '1 day')`;
    return token;
  } finally {
    await sql.end();
  }
}

/**
 * Signs the browser in as a participant without the OAuth round trip: a user and a database session
 * are inserted (as Auth.js would), and the session cookie is set.
 */
export async function signInAs(context: BrowserContext, login: string): Promise<void> {
  const token = await sessionTokenFor(login);
  await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" }]);
}

/**
 * The header the demo fake GitHub's `/_fake/*` control endpoints want: the token the servers generated
 * into `.data/` (both e2e servers run from this folder, so they share it).
 */
export function fakeControlHeaders(): Record<string, string> {
  return { "x-fake-control-token": fs.readFileSync(".data/demo-github-control-token", "utf8").trim() };
}

/**
 * Rate limits count in windows of a minute (lib/security/rate-limit.ts, sliding over two fixed windows). A
 * test that sends exactly one request past a limit starts early enough in a minute that its burst does not
 * straddle two windows, where the sliding count would rightly let a few more through.
 */
export async function startOfAMinute(burstSeconds: number): Promise<void> {
  const left = () => 60_000 - (Date.now() % 60_000);
  if (left() < burstSeconds * 1000) await new Promise((r) => setTimeout(r, left() + 50));
}
