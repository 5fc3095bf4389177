import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

const RACERS = 4;
const ROUNDS = 6;

function racer(files: string[], at: number, roundMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/harness/lock-racer.ts", files.join(","), String(at), String(roundMs)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`racer exited ${code}: ${out}`))));
  });
}

it("processes starting at the same instant on one folder: exactly one takes the lock, over a dead holder's or none", { timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-lock-race-"));
  try {
    const files = Array.from({ length: ROUNDS }, (_, i) => path.join(dir, `db${i}.lock`));
    // Odd rounds start from the record of a dead holder (a pid above the kernel's maximum never runs).
    files.forEach((f, i) => i % 2 === 1 && fs.writeFileSync(f, JSON.stringify({ pid: 2 ** 22 + 1, procStart: "1", token: "old" })));
    const at = Date.now() + 4_000; // time for every racer's runtime to load
    const outputs = await Promise.all(Array.from({ length: RACERS }, () => racer(files, at, 400)));
    for (let round = 0; round < ROUNDS; round++) {
      const won = outputs.filter((o) => o.includes(`round ${round} won`)).length;
      const busy = outputs.filter((o) => o.includes(`round ${round} busy`)).length;
      expect({ round, won, busy }).toEqual({ round, won: 1, busy: RACERS - 1 });
    }
    expect(fs.readdirSync(dir)).toEqual([]); // released, and no temp file or takeover marker left behind
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
