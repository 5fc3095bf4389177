/**
 * `npx tsx bench/verify-load.ts [scale]`: checks that the bulk loader (load-db.ts) leaves the same ledger and totals
 * as the app's own path (`applySeasons` + `ingest()` of the same program), so the read benchmarks measure the data
 * the importer would have written. Runs the ledger-shaped program at tiny scale (one and two seasons) by default.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { ingest } from "@/lib/sync/ingest";
import { ledgerSnapshot } from "@/test/harness/ledger-snapshot";
import { programSpec, seasonFiles, toBatch, toFixture, type ProgramSpec, type ScaleName } from "./generate";
import { Lab } from "./lab";
import { loadProgram, rowsOf } from "./load-db";

async function derived(db: Db) {
  const totals = rowsOf(
    await db.execute(sql`select s.slug, p.login, t.points, t.raw_points, t.tasks, t.by_difficulty::text as d, t.reached_at::text as r
      from season_totals t join seasons s on s.id = t.season_id join participants p on p.id = t.participant_id order by 1, 2`),
  );
  const repoTotals = rowsOf(
    await db.execute(sql`select s.slug, r.full_name, p.login, t.points, t.tasks, t.by_difficulty::text as d, t.reached_at::text as r
      from season_repo_totals t join seasons s on s.id = t.season_id join participants p on p.id = t.participant_id
      join repositories r on r.id = t.repository_id order by 1, 2, 3`),
  );
  const tasks = rowsOf(
    await db.execute(sql`select s.slug, r.full_name, t.number, t.state::text, t.score, t.score_source::text, t.difficulty, t.active
      from tasks t join seasons s on s.id = t.season_id join repositories r on r.id = t.repository_id order by 1, 2, 3`),
  );
  const counts = rowsOf(
    await db.execute(sql`select (select count(*) from pull_requests)::int as prs, (select count(*) from pull_request_tasks)::int as links,
      (select count(*) from pull_request_rewards)::int as rewards, (select count(*) from score_entries)::int as entries`),
  );
  return { totals, repoTotals, tasks, counts };
}

async function check(lab: Lab, spec: ProgramSpec): Promise<boolean> {
  const viaIngest = await lab.postgres("verify_ingest");
  const viaLoader = await lab.postgres("verify_loader");
  try {
    await applySeasons(viaIngest.db, seasonFiles(spec));
    await ingest(viaIngest.db, toBatch(toFixture(spec)));
    await loadProgram(viaLoader.db, spec);
    const a = { ledger: await ledgerSnapshot(viaIngest.db), ...(await derived(viaIngest.db)) };
    const b = { ledger: await ledgerSnapshot(viaLoader.db), ...(await derived(viaLoader.db)) };
    let same = true;
    for (const key of Object.keys(a) as (keyof typeof a)[]) {
      const x = JSON.stringify(a[key]);
      const y = JSON.stringify(b[key]);
      if (x !== y) {
        same = false;
        console.log(`${spec.scale}/${spec.seasons} season(s): ${key} differs\n  ingest: ${x.slice(0, 600)}\n  loader: ${y.slice(0, 600)}`);
      }
    }
    console.log(`${spec.scale}, ${spec.seasons} season(s): ${same ? "same ledger, totals and tasks" : "DIFFERENT"} (${JSON.stringify(a.counts)})`);
    return same;
  } finally {
    await viaIngest.close();
    await viaLoader.close();
  }
}

const scale = (process.argv[2] ?? "tiny") as ScaleName;
const lab = new Lab();
let ok = true;
try {
  const spec = programSpec(scale, { scored: true });
  ok = (await check(lab, spec)) && ok;
  ok = (await check(lab, { ...spec, seasons: 2 })) && ok;
} finally {
  await lab.close();
}
process.exit(ok ? 0 : 1);
