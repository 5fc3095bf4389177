import { env } from "@/lib/env";
import { openDatabase, type DbHandle } from "./client";

export type { Db, DbHandle, DbKind, Executor, Tx } from "./client";

const g = globalThis as unknown as { __podiumDb?: Promise<DbHandle> };

/**
 * The process's database, opened (and migrated) once. With `DATABASE_URL` it is PostgreSQL
 * through postgres.js; without it, PGlite in `PGLITE_DIR`.
 */
export function getDatabase(): Promise<DbHandle> {
  g.__podiumDb ??= openDatabase({
    url: env().DATABASE_URL,
    pgliteDir: env().PGLITE_DIR ?? ".data/pglite",
    lockInfo: { role: "server" },
  }).catch((e: unknown) => {
    g.__podiumDb = undefined;
    throw e;
  });
  return g.__podiumDb;
}

export async function getDb() {
  return (await getDatabase()).db;
}
