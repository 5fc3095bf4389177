import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DbHandle } from "@/db/client";
import { createDatabase, startPostgres, type PostgresServer } from "@/test/harness/postgres-server";

/**
 * Removes a folder, retrying for a few seconds: a server killed after a slow shutdown may still be writing
 * into it when the first attempt runs.
 */
async function removeDir(dir: string): Promise<void> {
  for (let attempt = 0; fs.existsSync(dir); attempt++) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch (e) {
      if (attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/**
 * What a benchmark run starts (the PostgreSQL server, its databases, PGlite folders, servers) and the promise to
 * stop all of it: every resource registers its stop here, and `close()` runs them newest first, also after a
 * failure or Ctrl-C.
 */
export class Lab {
  private readonly stops: { name: string; stop: () => Promise<void>; timeoutMs: number }[] = [];
  private server: Promise<PostgresServer> | null = null;
  private counter = 0;
  private closing: Promise<string[]> | null = null;

  /**
   * Registers a stop; returns an idempotent function that runs it now (and forgets it). `close()` gives it at most
   * `timeoutMs`: a client whose server is already gone (e.g. after Ctrl-C reached it too) may never finish closing,
   * and the stops after it must still run.
   */
  defer(name: string, stop: () => Promise<void>, timeoutMs = 10_000): () => Promise<void> {
    let done: Promise<void> | null = null;
    const once = () => (done ??= stop());
    const entry = { name, stop: once, timeoutMs };
    this.stops.push(entry);
    return async () => {
      const i = this.stops.indexOf(entry);
      if (i >= 0) this.stops.splice(i, 1);
      await once();
    };
  }

  /** Whether `close()` was called: nothing new should be started then (a Ctrl-C arrived mid-run). */
  get closed(): boolean {
    return this.closing !== null;
  }

  /** The run's PostgreSQL server, started on first use. */
  postgresServer(): Promise<PostgresServer> {
    this.server ??= startPostgres().then((s) => {
      this.defer("postgres server", async () => {
        try {
          await s.stop();
        } finally {
          await removeDir(s.dir);
        }
      }, 30_000);
      return s;
    });
    return this.server;
  }

  /** A fresh, migrated database on the run's server. */
  async postgres(label: string, max = 10): Promise<DbHandle & { url: string }> {
    const server = await this.postgresServer();
    const name = `bench_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${this.counter++}`;
    const url = await createDatabase(server.url, name);
    const handle = await openDatabase({ url, max });
    const close = this.defer(`database ${name}`, () => handle.close());
    return { ...handle, url, close };
  }

  /**
   * A fresh, migrated PGlite database in a temporary folder (removed when closed). `release` closes the database but
   * keeps the folder (`dir`), for a server to open it.
   */
  async pglite(label: string): Promise<DbHandle & { dir: string; release: () => Promise<void> }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `podium-bench-${label.replace(/[^a-z0-9]/gi, "_")}-`));
    let handle: DbHandle;
    try {
      handle = await openDatabase({ pgliteDir: path.join(dir, "db") });
    } catch (e) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw e;
    }
    let released: Promise<void> | undefined;
    const release = () => (released ??= handle.close());
    const close = this.defer(`pglite ${dir}`, async () => {
      try {
        await release();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
    return { ...handle, close, dir: path.join(dir, "db"), release };
  }

  /** Stops everything still running, newest first, each within its time; returns the problems met (never throws). */
  close(): Promise<string[]> {
    this.closing ??= (async () => {
      const problems: string[] = [];
      while (this.stops.length > 0) {
        const entry = this.stops.pop();
        if (!entry) break;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<"timeout">((resolve) => {
          timer = setTimeout(() => resolve("timeout"), entry.timeoutMs);
        });
        try {
          if ((await Promise.race([entry.stop(), timeout])) === "timeout") problems.push(`${entry.name}: did not stop within ${entry.timeoutMs / 1000} s`);
        } catch (e) {
          problems.push(`${entry.name}: ${(e as Error).message}`);
        } finally {
          clearTimeout(timer);
        }
      }
      return problems;
    })();
    return this.closing;
  }
}
