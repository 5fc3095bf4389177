import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_SEASON_FILE_BYTES, parseSeasonText } from "@/lib/seasons/season-text";

const text = fs.readFileSync("test/fixtures/season-2020-s2.json", "utf8");

describe("season file text", () => {
  it("accepts a leading UTF-8 byte order mark", () => {
    const r = parseSeasonText(`\uFEFF${text}`);
    expect(r.ok && r.seasons.map((s) => s.slug)).toEqual(["2020-s2"]);
  });

  it("refuses a file over the size bound before parsing it", () => {
    const big = `{"slug": "x", "taskLabels": [${'"label",'.repeat(MAX_SEASON_FILE_BYTES / 8)} "last"]}`;
    const r = parseSeasonText(big);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([{ path: "(root)", message: `the file has ${Buffer.byteLength(big)} bytes; at most 2097152 are accepted` }]);
  });

  it("refuses text that is not JSON, saying so", () => {
    const r = parseSeasonText("{ nope");
    expect(!r.ok && r.problems[0]?.message).toMatch(/^not valid JSON: /);
  });

  it("names every field of a refused season", () => {
    const r = parseSeasonText(JSON.stringify({ ...JSON.parse(text), slug: "../../evil", teams: [{ name: "a", members: ["x", "x"] }] }));
    expect(!r.ok && r.problems.map((p) => p.path)).toEqual(["slug", "teams[0].members[1]"]);
  });
});
