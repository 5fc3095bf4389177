import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The database, whichever driver is underneath; the rest of the code sees only this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction. */
export type Executor = Db | Tx;
export type DbKind = "pglite" | "postgres";

export type DbHandle = {
  db: Db;
  kind: DbKind;
  close: () => Promise<void>;
};

export type OpenOptions = {
  /** A postgres:// URL; without it, PGlite in `pgliteDir`. */
  url?: string;
  pgliteDir?: string;
  /** Apply the committed migrations (default true). */
  migrate?: boolean;
  /** postgres.js pool size. */
  max?: number;
  /** Lock metadata written next to the PGlite folder (the server's CLI bridge). */
  lockInfo?: Record<string, unknown>;
};

export const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "drizzle");
const MIGRATION_LOCK = 7_263_001;

export class PgliteBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: PgliteLock,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${holder.pid}` +
        (holder.port ? ` (the Podium server on port ${holder.port})` : "") +
        ". PGlite allows one process at a time.",
    );
    this.name = "PgliteBusyError";
  }
}

export type PgliteLock = { pid: number; port?: number; token?: string; startedAt?: string };

export function lockPathFor(dir: string): string {
  return `${path.resolve(/* turbopackIgnore: true */ process.cwd(), dir)}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The process holding the PGlite folder, if any (a stale lock of a dead process is ignored). */
export function readPgliteLock(dir: string): PgliteLock | null {
  try {
    const lock = JSON.parse(fs.readFileSync(lockPathFor(dir), "utf8")) as PgliteLock;
    if (typeof lock.pid === "number" && lock.pid !== process.pid && alive(lock.pid)) return lock;
    return null;
  } catch {
    return null;
  }
}

function takePgliteLock(dir: string, info: Record<string, unknown>): () => void {
  const file = lockPathFor(dir);
  const holder = readPgliteLock(dir);
  if (holder) throw new PgliteBusyError(dir, holder);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), ...info }), {
    mode: 0o600,
  });
  const release = () => {
    try {
      const current = JSON.parse(fs.readFileSync(file, "utf8")) as PgliteLock;
      if (current.pid === process.pid) fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
  process.once("exit", release);
  return release;
}

/** Rewrites this process's lock with more metadata (e.g. the port, once the server listens). */
export function updatePgliteLock(dir: string, info: Record<string, unknown>): void {
  const file = lockPathFor(dir);
  const current = JSON.parse(fs.readFileSync(file, "utf8")) as PgliteLock;
  if (current.pid !== process.pid) return;
  fs.writeFileSync(file, JSON.stringify({ ...current, ...info }), { mode: 0o600 });
}

export async function openDatabase(options: OpenOptions = {}): Promise<DbHandle> {
  const migrate = options.migrate ?? true;
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    if (migrate) {
      // One connection, so the advisory lock and the migration share a session:
      // two instances starting together migrate one after the other.
      const single = postgres(options.url, { max: 1, onnotice: () => {} });
      try {
        const { migrate: run } = await import("drizzle-orm/postgres-js/migrator");
        await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await run(drizzle({ client: single, schema }), { migrationsFolder: MIGRATIONS_DIR });
        await single`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      } finally {
        await single.end();
      }
    }
    const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} });
    const db = drizzle({ client, schema }) as unknown as Db;
    return { db, kind: "postgres", close: () => client.end() };
  }

  const dir = path.resolve(/* turbopackIgnore: true */ process.cwd(), options.pgliteDir ?? ".data/pglite");
  const release = takePgliteLock(dir, options.lockInfo ?? {});
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    fs.mkdirSync(dir, { recursive: true });
    const client = await PGlite.create(dir);
    const db = drizzle({ client, schema }) as unknown as Db;
    if (migrate) {
      const { migrate: run } = await import("drizzle-orm/pglite/migrator");
      await run(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
    }
    return {
      db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** The rows of a raw `db.execute()` result, whichever driver produced it (postgres.js: an array; PGlite: `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
