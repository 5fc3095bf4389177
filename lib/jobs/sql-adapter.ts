import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type DbHandle, type Executor } from "@/db/client";
import { insideTransaction } from "@/db/transaction";

/** What pg-boss asks of a database (its `db` option): one SQL text with `$n` values, answered with `{ rows }`. */
export type QueueDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

type PgliteClient = {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<Array<{ rows: unknown[] }>>;
};
type PostgresClient = {
  unsafe(text: string, params?: unknown[]): Promise<unknown>;
  reserve(): Promise<PostgresClient & { release(): void }>;
};

export class QueueInTransactionError extends Error {
  constructor() {
    super(
      "the job queue was called on its own connection inside an open transaction (on the embedded database it would wait for that " +
        "transaction forever): enqueue with the transaction, enqueueJob(tx, …), or after the commit (afterCommit)",
    );
    this.name = "QueueInTransactionError";
  }
}

/** pg-boss passes JS values as node-postgres would: `undefined` is NULL, a Date its ISO text. */
const param = (v: unknown) => (v === undefined ? null : v instanceof Date ? v.toISOString() : v);

/**
 * postgres.js sends `unsafe()` parameters untyped (no prepared statement to describe them), so values go as text,
 * the way node-postgres's `prepareValue` makes them: an object as JSON, an array as an array literal.
 */
export function textParam(v: unknown): unknown {
  const value = param(v);
  if (Array.isArray(value)) return `{${value.map((e) => (e === null || e === undefined ? "NULL" : `"${String(textParam(e)).replace(/(["\\])/g, "\\$1")}"`)).join(",")}}`;
  if (value !== null && typeof value === "object" && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return value;
}

/**
 * The queue's SQL through the app's own database client, so on PGlite it is serialized with the app's
 * transactions by PGlite's own mutex (each statement waits for an open transaction to finish, and never runs
 * inside it). Texts without values may hold several statements (pg-boss's schema and its locked maintenance
 * batches); they run through the simple protocol (`exec` / `unsafe` without parameters).
 */
export function queueDbFor(handle: DbHandle): QueueDb {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.kind === "pglite") {
    const pglite = client as PgliteClient;
    return {
      async executeSql(text, values) {
        if (insideTransaction()) throw new QueueInTransactionError();
        if (values && values.length) return { rows: (await pglite.query(text, values.map(param))).rows };
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
    };
  }
  const postgres = client as PostgresClient;
  return {
    async executeSql(text, values) {
      if (insideTransaction()) throw new QueueInTransactionError();
      const result = values && values.length ? await postgres.unsafe(text, values.map(textParam)) : await batch(postgres, text);
      // Several statements answer with one result per statement: the last one is the answer.
      const rows = Array.isArray(result) && Array.isArray(result.at(-1)) ? (result.at(-1) as unknown[]) : rowsOf<unknown>(result);
      return { rows: [...rows] };
    },
  };
}

/** Several statements (pg-boss's own BEGIN … COMMIT) on one connection of the pool, held for them alone. */
async function batch(postgres: PostgresClient, text: string): Promise<unknown> {
  const connection = await postgres.reserve();
  try {
    return await connection.unsafe(text);
  } finally {
    connection.release();
  }
}

/** `$1 … $n` placeholders become drizzle parameters (a placeholder used twice is sent twice). */
export function positionalSql(text: string, values: unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (part) chunks.push(sql.raw(part));
    } else {
      const index = Number(part) - 1;
      if (index < 0 || index >= values.length) throw new Error(`the job queue's SQL names $${part}, beyond its ${values.length} values`);
      chunks.push(sql`${textParam(values[index])}`);
    }
  });
  return sql.join(chunks);
}

/** The queue's SQL inside the caller's transaction (pg-boss's per-call `db`): the job is stored if and only if it commits. */
export function queueDbInTransaction(tx: Executor): QueueDb {
  return {
    async executeSql(text, values) {
      return { rows: rowsOf<unknown>(await tx.execute(positionalSql(text, values))) };
    },
  };
}
