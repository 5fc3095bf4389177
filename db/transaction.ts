import { AsyncLocalStorage } from "node:async_hooks";
import type { Executor, Tx } from "./client";

/** Something to do once a write is durable: empty a read cache, revalidate a page, queue a bot comment. */
export type Effect = () => void | Promise<void>;

// The effects waiting for each open transaction (a nested one shares its outer transaction's list).
const pending = new WeakMap<object, Effect[]>();
// Marks the code running inside one of our transactions (the job queue refuses plain-connection SQL there: on PGlite
// it would wait for this very transaction to end).
const inside = new AsyncLocalStorage<true>();

/** True inside the callback of `transaction()` (and whatever it awaits), false in after-commit effects and elsewhere. */
export function insideTransaction(): boolean {
  return inside.getStore() === true;
}

/**
 * Runs `fn` in a transaction (a savepoint when `db` is already one). Effects registered with
 * `afterCommit(tx, …)` run once the outermost transaction has committed, in order, and never when it
 * rolled back: a reader can no longer cache the old state between an invalidation and the commit.
 */
export async function transaction<T>(db: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = pending.get(db);
  const effects: Effect[] = outer ?? [];
  const result = await db.transaction(async (tx) => {
    pending.set(tx, effects);
    try {
      return await inside.run(true, () => fn(tx));
    } finally {
      pending.delete(tx);
    }
  });
  if (!outer) await runEffects(effects.splice(0));
  return result;
}

/** Runs `effect` after the commit of the transaction `executor` belongs to; at once when it is no transaction of ours. */
export function afterCommit(executor: Executor, effect: Effect): void {
  const list = pending.get(executor);
  if (list) {
    if (!list.includes(effect)) list.push(effect);
  } else {
    void runEffects([effect]);
  }
}

async function runEffects(effects: Effect[]): Promise<void> {
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      // The write is durable already; an effect that fails must not turn it into an error.
      console.error("podium: an after-commit step failed:", error instanceof Error ? error.message : error);
    }
  }
}

class RolledBack<T> {
  constructor(readonly value: T) {}
}

/**
 * Runs `fn` in a transaction (a savepoint inside one) that is always rolled back: a what-if. Its value is
 * returned; its writes and its after-commit effects are discarded.
 */
export async function rolledBack<T>(db: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      pending.set(tx, []);
      try {
        throw new RolledBack(await fn(tx));
      } finally {
        pending.delete(tx);
      }
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.value as T;
    throw error;
  }
  throw new Error("unreachable: a what-if transaction committed");
}
