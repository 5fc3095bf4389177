/**
 * `npx tsx bench/markdown.ts [bench/results.json …]`: the results of one or more runs as one Markdown table (the
 * shape of the table in docs/performance.md), after the machine line of the first.
 */
import fs from "node:fs";
import { formatMarkdown, type BenchReport } from "./report";

const files = process.argv.slice(2);
const reports = (files.length > 0 ? files : ["bench/results.json"]).map((f) => JSON.parse(fs.readFileSync(f, "utf8")) as BenchReport);
const first = reports[0];
if (first) {
  const m = first.machine;
  console.log(`Measured ${first.startedAt.slice(0, 10)} on ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}.\n`);
}
console.log(formatMarkdown(reports.flatMap((r) => r.results)));
