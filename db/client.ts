import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { acquireLock, liveHolder, LockBusy, updateLock, type PgliteLock } from "./pglite-lock";
import { reasonOf, redactUrl, urlPassword, withoutSecrets } from "./open-errors";
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
  /** LISTEN on `channel` (a connection of its own on PostgreSQL, re-listened after a reconnect: `onListen` runs each time). */
  listen?: (channel: string, onNotify: (payload: string) => void, onListen?: () => void) => Promise<() => Promise<void>>;
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
  /** Called with each statement's SQL text (tests count the reads a page makes); never its parameters. */
  onQuery?: (query: string) => void;
};

const loggerOf = (options: OpenOptions) => (options.onQuery ? { logger: { logQuery: (query: string) => options.onQuery!(query) } } : {});

export const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "drizzle");
const MIGRATION_LOCK = 7_263_001;

/** Another live process holds the PGlite folder. Carries the holder's pid and port only, never its CLI token. */
export class PgliteBusyError extends Error {
  readonly holder: { pid: number; port?: number };
  constructor(
    readonly dir: string,
    holder: { pid: number; port?: number },
  ) {
    super(
      `the embedded database in ${dir} is in use by process ${holder.pid}` +
        (holder.port ? ` (the Podium server on port ${holder.port})` : "") +
        ". PGlite allows one process at a time: stop that process, or set PGLITE_DIR to another folder" +
        " (several servers need PostgreSQL: DATABASE_URL).",
    );
    this.name = "PgliteBusyError";
    this.holder = { pid: holder.pid, ...(holder.port ? { port: holder.port } : {}) };
  }
}

/** The database could not be opened or migrated; `message` is one line, with no SQL text, password or stack. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly stage: "open" | "connect" | "migrate",
    message: string,
  ) {
    super(message);
    this.name = "DatabaseOpenError";
  }
}

export type { PgliteLock } from "./pglite-lock";

export function lockPathFor(dir: string): string {
  return `${path.resolve(/* turbopackIgnore: true */ process.cwd(), dir)}.lock`;
}

/** The live process holding the PGlite folder, if any (the lock of a dead, zombie or pid-reused holder is ignored). */
export function readPgliteLock(dir: string): PgliteLock | null {
  return liveHolder(lockPathFor(dir));
}

async function takePgliteLock(dir: string, info: Record<string, unknown>): Promise<() => void> {
  try {
    return await acquireLock(lockPathFor(dir), info);
  } catch (e) {
    if (e instanceof LockBusy) throw new PgliteBusyError(dir, e.holder);
    throw new DatabaseOpenError("open", `the lock file of the embedded database in ${dir} could not be written (${reasonOf(e)})`);
  }
}

/** Rewrites this process's lock with more metadata (e.g. the port, once the server listens). */
export function updatePgliteLock(dir: string, info: Record<string, unknown>): void {
  updateLock(lockPathFor(dir), info);
}

export async function openDatabase(options: OpenOptions = {}): Promise<DbHandle> {
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}

async function openPostgres(url: string, options: OpenOptions): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const where = redactUrl(url);
  const secret = [urlPassword(url)];
  if (options.migrate ?? true) {
    // One connection, so the advisory lock and the migration share a session:
    // two instances starting together migrate one after the other.
    const single = postgres(url, { max: 1, onnotice: () => {} });
    try {
      try {
        await single`select 1`;
      } catch (e) {
        throw new DatabaseOpenError("connect", withoutSecrets(`cannot connect to PostgreSQL at ${where}: ${reasonOf(e)}`, secret));
      }
      try {
        const { migrate: run } = await import("drizzle-orm/postgres-js/migrator");
        await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await run(drizzle({ client: single, schema }), { migrationsFolder: MIGRATIONS_DIR });
        await single`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      } catch (e) {
        throw new DatabaseOpenError("migrate", withoutSecrets(`the database migrations could not be applied to ${where}: ${reasonOf(e)}`, secret));
      }
    } finally {
      await single.end({ timeout: 5 }).catch(() => {});
    }
  }
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzle({ client, schema, ...loggerOf(options) }) as unknown as Db;
  const listen = async (channel: string, onNotify: (payload: string) => void, onListen?: () => void) => {
    const { unlisten } = await client.listen(channel, onNotify, onListen);
    return unlisten;
  };
  return { db, kind: "postgres", close: () => client.end(), listen };
}

async function openPglite(options: OpenOptions): Promise<DbHandle> {
  const dir = path.resolve(/* turbopackIgnore: true */ process.cwd(), options.pgliteDir ?? ".data/pglite");
  const release = await takePgliteLock(dir, options.lockInfo ?? {});
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    let client: InstanceType<typeof PGlite>;
    try {
      fs.mkdirSync(dir, { recursive: true });
      client = await PGlite.create(dir);
    } catch (e) {
      throw new DatabaseOpenError("open", `the embedded database in ${dir} could not be opened (${reasonOf(e)}): is it a PGlite data folder this user can read and write?`);
    }
    const db = drizzle({ client, schema, ...loggerOf(options) }) as unknown as Db;
    if (options.migrate ?? true) {
      try {
        const { migrate: run } = await import("drizzle-orm/pglite/migrator");
        await run(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
      } catch (e) {
        await client.close().catch(() => {});
        throw new DatabaseOpenError("migrate", `the database migrations could not be applied to the embedded database in ${dir}: ${reasonOf(e)}`);
      }
    }
    return {
      db,
      kind: "pglite",
      listen: async (channel, onNotify, onListen) => {
        const unlisten = await client.listen(channel, onNotify);
        onListen?.();
        return unlisten;
      },
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
