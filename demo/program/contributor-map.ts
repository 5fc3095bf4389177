import fs from "node:fs";
import path from "node:path";
import { parseContributorMap, type ContributorMap } from "@/lib/map/parse-markdown";

/** The TiDB contributor map kept in the repository (`lib/map/contributor-map.md`), parsed. */
export function demoContributorMap(): ContributorMap {
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/map/contributor-map.md");
  return parseContributorMap(fs.readFileSync(file, "utf8"));
}
