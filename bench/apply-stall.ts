/**
 * How long a large `seasons apply` keeps readers of the embedded database waiting: applies a season with
 * TEAMS teams of MEMBERS members (and as many repositories as allowed) while another task reads the season
 * list in a loop on the same PGlite, and prints the worst and median read latency.
 * `npx tsx bench/apply-stall.ts [teams] [members]` (defaults: the season file's bounds, 1000 × 50).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { listSeasons } from "@/lib/queries/seasons";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { parseSeasonDocument } from "@/lib/seasons/season-file";

export function bigSeason(teams: number, members: number, slug = "big") {
  const doc = {
    slug,
    name: "Big season",
    startsAt: "2020-03-02T00:00:00+08:00",
    endsAt: "2020-05-30T23:59:59+08:00",
    repos: Array.from({ length: 500 }, (_, i) => `owner-${i % 7}/repo-${i}`),
    difficulties: { easy: 100 },
    maintainers: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`owner-${i % 7}/repo-${i}`, [`maint-${i}`]])),
    teams: Array.from({ length: teams }, (_, t) => ({ name: `team-${t}`, members: Array.from({ length: members }, (_, m) => `member-${t}-${m}`) })),
  };
  const parsed = parseSeasonDocument(doc);
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

async function main() {
  const teams = Number(process.argv[2] ?? 1000);
  const members = Number(process.argv[3] ?? 50);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-stall-"));
  const h = await openDatabase({ pgliteDir: path.join(dir, "db") });
  try {
    await listSeasons(h.db);
    const latencies: number[] = [];
    let applying = true;
    const reader = (async () => {
      while (applying) {
        const t0 = performance.now();
        await listSeasons(h.db);
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const t0 = performance.now();
    await applySeasons(h.db, bigSeason(teams, members));
    const applyMs = performance.now() - t0;
    applying = false;
    await reader;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(0);
    console.log(`${teams} teams × ${members} members: apply ${applyMs.toFixed(0)} ms; ${latencies.length} reads, median ${at(0.5)} ms, p99 ${at(0.99)} ms, worst ${at(1)} ms`);
  } finally {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
