import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { demoContributorMap } from "@/demo/program/contributor-map";
import { linksIn, parseContributorMap, slugify, ZContributorMap, type ContributorMap } from "@/lib/map/parse-markdown";

const seed = fs.readFileSync("lib/map/contributor-map.md", "utf8");
const map = parseContributorMap(seed);

const project = (m: ContributorMap, slug: string) => {
  const p = m.projects.find((x) => x.slug === slug);
  if (!p) throw new Error(`no project ${slug}`);
  return p;
};
const moduleOf = (m: ContributorMap, projectSlug: string, slug: string) => {
  const mod = project(m, projectSlug).modules.find((x) => x.slug === slug);
  if (!mod) throw new Error(`no module ${projectSlug}/${slug}`);
  return mod;
};

describe("parseContributorMap on the real contributor map", () => {
  it("finds the projects and skips the table of contents", () => {
    expect(map.projects.length).toBeGreaterThanOrEqual(10);
    expect(map.projects.map((p) => p.slug)).not.toContain("table-of-contents");
    expect(map.projects.slice(0, 3).map((p) => p.name)).toEqual(["TiDB", "TiKV", "PD"]);
    expect(ZContributorMap.safeParse(map).success).toBe(true);
  });

  it("reads a project's heading link, description and tutorials", () => {
    const tidb = project(map, "tidb");
    expect(tidb).toMatchObject({
      name: "TiDB",
      url: "https://github.com/pingcap/tidb",
      repo: "pingcap/tidb",
      description: "is an open-source distributed HTAP database compatible with the MySQL protocol",
    });
    expect(tidb.tutorials).toEqual([
      { title: "Contribute to TiDB", url: "https://pingcap.github.io/tidb-dev-guide/contribute-to-tidb/introduction.html" },
      { title: "Good First Issues", url: "https://github.com/pingcap/tidb/contribute" },
    ]);
    expect(project(map, "tikv").tutorials).toHaveLength(3);
    expect(project(map, "binlog")).toMatchObject({ repo: "pingcap/tidb-binlog", description: expect.stringMatching(/^A tool used to collect/) });
    // A heading without a link: "Name : description".
    expect(project(map, "tidb-on-k8s-docker")).toMatchObject({
      name: "TiDB on K8S/Docker",
      url: null,
      repo: null,
      description: "Creates and manages TiDB clusters running in Kubernetes",
    });
    // A link that is not a GitHub repository.
    expect(project(map, "pingcap-university-cn")).toMatchObject({ url: "https://university.pingcap.com/", repo: null });
    // Row-level "Contributing Tutorials" join the project's tutorials.
    expect(project(map, "tidb-on-k8s-docker").tutorials.map((t) => t.title)).toEqual(["Contributing Guide"]);
  });

  it("reads TiDB's modules with their code directories, skills and materials", () => {
    expect(project(map, "tidb").modules.map((m) => m.name)).toEqual(["Parser", "DDL", "MySQL Protocol", "Transaction", "Planner", "Executor"]);
    const parser = moduleOf(map, "tidb", "parser");
    expect(parser.skills).toEqual(["Golang", "Yacc"]);
    expect(parser.description).toBe("A Yacc generated parser that is highly compatible with MySQL syntax.");
    expect(parser.codeDirectories).toEqual([{ title: "parser", url: "https://github.com/pingcap/parser" }]);
    expect(parser.learningMaterials.map((l) => l.title)).toEqual(["Bison manual", "Compilers: Principles, Techniques, and Tools"]);
    expect(parser.sourceReading).toEqual([{ title: "TiDB SQL Parser Implementation(CN)", url: "https://pingcap.com/blog-cn/tidb-source-code-reading-5/" }]);
    const txn = moduleOf(map, "tidb", "transaction");
    expect(txn.codeDirectories.map((c) => c.title)).toEqual(["session", "kv", "tikv/client-go"]);
    expect(txn.skills).toEqual(["Golang", "ACID", "2PC", "Percolator transaction model"]);
    // `(<url>)` links lose their angle brackets.
    expect(txn.sourceReading[0]?.url).toBe("https://pingcap.com/blog-cn/tidb-source-code-reading-19/#twophasecommitter");
    expect(moduleOf(map, "tidb", "mysql-protocol")).toMatchObject({ description: "", skills: [], learningMaterials: [] });
  });

  it('"Ditto" copies the previous row\'s learning materials in TiKV\'s table', () => {
    const util = moduleOf(map, "tikv", "util");
    expect(util.learningMaterials).toHaveLength(4);
    expect(moduleOf(map, "tikv", "network").learningMaterials).toEqual(util.learningMaterials);
    expect(moduleOf(map, "tikv", "raw-kv-api").learningMaterials).toEqual(util.learningMaterials);
    expect(moduleOf(map, "tikv", "transaction-kv-api").learningMaterials.map((l) => l.title)).toEqual(["Two Phase Commit", "Percolator paper"]);
    expect(moduleOf(map, "tikv", "engine").learningMaterials).toEqual([]);
    // Ditto across a longer run (DM).
    expect(moduleOf(map, "dm", "dm-tracer").learningMaterials).toEqual(moduleOf(map, "dm", "dm-master").learningMaterials);
  });

  it("keeps text around links in titles and uses a module's own link as its code when there is none", () => {
    expect(moduleOf(map, "tidb-on-k8s-docker", "tidb-operator").learningMaterials.map((l) => l.title)).toContain("Kubernetes Concepts");
    expect(moduleOf(map, "dm", "dm-master").learningMaterials.map((l) => l.title)).toEqual(["DM overview", "source code reading: DM(CN)"]);
    expect(moduleOf(map, "libraries-depended-by-tikv", "fail-rs").codeDirectories).toEqual([{ title: "fail-rs", url: "https://github.com/tikv/fail-rs" }]);
    expect(moduleOf(map, "tikv-clients", "rust-client").codeDirectories[0]?.url).toBe("https://github.com/tikv/client-rust");
  });

  it("spells a skill as first seen in the document", () => {
    expect(moduleOf(map, "br", "backup").skills).toEqual(["gRPC", "Golang", "Rust"]);
    const all = new Set(map.projects.flatMap((p) => p.modules.flatMap((m) => m.skills)));
    expect([...all].filter((s) => s.toLowerCase() === "golang")).toEqual(["Golang"]);
  });

  it("is deterministic, and the demo map is the same document", () => {
    expect(parseContributorMap(seed)).toEqual(map);
    expect(JSON.stringify(parseContributorMap(seed))).toBe(JSON.stringify(map));
    expect(demoContributorMap()).toEqual(map);
  });
});

describe("parseContributorMap is lenient", () => {
  const doc = [
    "# Title",
    "## [Widget](https://github.com/acme/widget): makes widgets",
    "",
    "Contribution tutorial:",
    "",
    "- [Start here](https://acme.dev/start)",
    "",
    "| Module | Mystery column | Required Skills | Learning Materials |",
    "| --- | --- | --- | --- |",
    "| Core | ignored | rust, Rust , C | https://acme.dev/book |",
    "| | only a description | Go | |",
    "|  |  |  |  |",
    "| Extras | x | | <https://acme.dev/extra>, plain note |",
    "| Core | x | | Ditto |",
    "| Short row |",
    "",
    "## Empty",
  ].join("\n");
  const m = parseContributorMap(doc);

  it("tolerates unknown and missing columns and skips rows without a module name", () => {
    const widget = project(m, "widget");
    expect(widget).toMatchObject({ repo: "acme/widget", description: "makes widgets", tutorials: [{ title: "Start here", url: "https://acme.dev/start" }] });
    expect(widget.modules.map((x) => [x.slug, x.name])).toEqual([
      ["core", "Core"],
      ["extras", "Extras"],
      ["core-2", "Core"],
      ["short-row", "Short row"],
    ]);
    expect(widget.modules[0]).toMatchObject({ description: "", codeDirectories: [], sourceReading: [], skills: ["rust", "C"] });
    expect(project(m, "empty").modules).toEqual([]);
  });

  it("reads a URL-only cell, an autolink and a plain-text item", () => {
    const widget = project(m, "widget");
    expect(widget.modules[0]?.learningMaterials).toEqual([{ title: "acme.dev/book", url: "https://acme.dev/book" }]);
    expect(widget.modules[1]?.learningMaterials).toEqual([
      { title: "acme.dev/extra", url: "https://acme.dev/extra" },
      { title: "plain note", url: null },
    ]);
    expect(widget.modules[2]?.learningMaterials).toEqual(widget.modules[1]?.learningMaterials);
  });

  it("splits cells into links", () => {
    expect(linksIn("<li>[a, b](https://x.dev/a)<li> [c](<https://x.dev/c>)")).toEqual([
      { title: "a, b", url: "https://x.dev/a" },
      { title: "c", url: "https://x.dev/c" },
    ]);
    expect(linksIn("Ansible [docs(en)](https://a.dev) and [docs(cn)](https://b.dev)")).toEqual([
      { title: "Ansible docs(en)", url: "https://a.dev" },
      { title: "docs(cn)", url: "https://b.dev" },
    ]);
    expect(linksIn("")).toEqual([]);
    expect(slugify("PingCAP University(CN)")).toBe("pingcap-university-cn");
    expect(parseContributorMap("no headings at all\n| Module |\n| - |\n| X |").projects).toEqual([]);
  });
});
