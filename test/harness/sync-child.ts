/**
 * A process that starts a sync and then waits forever on GitHub (its first query never answers), renewing the
 * sync's lease every `renewMs` (test/integration/sync-lease.test.ts kills it with SIGKILL). Prints `started <id>`.
 */
import { openDatabase } from "@/db/client";
import type { GitHubClient } from "@/lib/github/client";
import { runSync } from "@/lib/sync/run-sync";

const [url, renewMs] = [process.argv[2]!, Number(process.argv[3])];
const handle = await openDatabase({ url, migrate: false, max: 2 });
const silentGitHub = { stats: { cost: 0, queries: 0 }, query: () => new Promise<never>(() => {}) } as unknown as GitHubClient;
setInterval(() => {}, 60_000);
await runSync(handle.db, { client: silentGitHub, trigger: "test", lease: { renewMs }, onStarted: (id) => console.log(`started ${id}`) });
