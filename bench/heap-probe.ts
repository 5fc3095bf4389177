import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import type { Lab } from "./lab";

/**
 * The live heap of the server, seen from outside without touching the app: a preload (`NODE_OPTIONS=--require …`)
 * that, on SIGUSR2, runs two full garbage collections and appends `process.memoryUsage()` to
 * `<dir>/<pid>.jsonl`. RSS alone cannot tell a leak from V8's heap sizing: on a machine with plenty of memory V8
 * grows the heap in steps of tens of MB under load instead of collecting, and never gives the pages back (25 s of
 * idling after a run did not lower the RSS at all). The heap left after a full collection is what is really
 * retained.
 */

const PROBE = `"use strict";
const { isMainThread } = require("node:worker_threads");
const dir = process.env.PODIUM_BENCH_HEAP_DIR;
if (dir && isMainThread) {
  const fs = require("node:fs");
  const v8 = require("node:v8");
  const vm = require("node:vm");
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  process.on("SIGUSR2", () => {
    const t0 = Date.now();
    gc();
    gc();
    const m = process.memoryUsage();
    const line = { at: Date.now(), gcMs: Date.now() - t0, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, rss: m.rss };
    fs.appendFileSync(dir + "/" + process.pid + ".jsonl", JSON.stringify(line) + "\\n");
  });
  // Only a process that announced its handler is sent SIGUSR2 (whose default action would end it).
  fs.writeFileSync(dir + "/" + process.pid + ".ready", "");
}
`;

const ZLine = z.object({ at: z.number(), gcMs: z.number(), heapUsed: z.number(), heapTotal: z.number(), external: z.number(), rss: z.number() });
export type HeapReading = z.infer<typeof ZLine>;

export type HeapProbe = {
  /** Variables to add to the server's environment. */
  env: (base: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
  /** Asks `pid` for a reading (two full GCs first); null when none came within `timeoutMs`. */
  read: (pid: number, timeoutMs?: number) => Promise<HeapReading | null>;
};

export function heapProbe(lab: Lab): HeapProbe {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-bench-heap-"));
  lab.defer(`heap probe ${dir}`, async () => fs.rmSync(dir, { recursive: true, force: true }));
  const script = path.join(dir, "probe.cjs");
  fs.writeFileSync(script, PROBE);
  const readings = (pid: number): HeapReading[] => {
    const file = path.join(dir, `${pid}.jsonl`);
    if (!fs.existsSync(file)) return [];
    return fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => ZLine.parse(JSON.parse(l)));
  };
  return {
    env: (base) => ({
      ...base,
      PODIUM_BENCH_HEAP_DIR: dir,
      NODE_OPTIONS: `${base.NODE_OPTIONS ?? ""} --require ${JSON.stringify(script)}`.trim(),
    }),
    read: async (pid, timeoutMs = 15_000) => {
      if (!fs.existsSync(path.join(dir, `${pid}.ready`))) return null;
      const before = readings(pid).length;
      try {
        process.kill(pid, "SIGUSR2");
      } catch {
        return null;
      }
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const now = readings(pid);
        if (now.length > before) return now[now.length - 1] ?? null;
        await new Promise((r) => setTimeout(r, 50));
      }
      return null;
    },
  };
}
