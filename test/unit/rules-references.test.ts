import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Reference, linkSourcePriority, mergeReferences, parseReferences } from "@/lib/rules/references";

const ctx = { repo: "PingCAP/TiDB" };
const here = (number: number, source: Reference["source"] = "reference"): Reference => ({
  repo: "pingcap/tidb",
  number,
  source,
});
const at = (repo: string, number: number, source: Reference["source"] = "reference"): Reference => ({
  repo,
  number,
  source,
});

describe("parseReferences: recognised shapes", () => {
  const cases: [string, string, Reference[]][] = [
    ["bare #N", "see #12", [here(12)]],
    ["at the very start", "#12 done", [here(12)]],
    ["several, in order", "#3, #1 and #2.", [here(3), here(1), here(2)]],
    ["in parentheses and brackets", "(#4) [#5] {#6}", [here(4), here(5), here(6)]],
    ["Fixes #N", "Fixes #12", [here(12)]],
    ["closing keywords, any case", "close #1 closes #2 CLOSED #3 fix #4 Fixes #5 fixed #6", [1, 2, 3, 4, 5, 6].map((n) => here(n))],
    ["resolve keywords", "resolve #7, Resolves #8, resolved: #9", [here(7), here(8), here(9)]],
    ["fix: without a space", "fix:#10", [here(10)]],
    ["owner/repo#N", "Fixes pingcap/tidb#12", [here(12)]],
    ["other repo, lower-cased", "ref TiKV/TiKV#34", [at("tikv/tikv", 34)]],
    ["repo names with dots", "needs pingcap/docs.cn#5", [at("pingcap/docs.cn", 5)]],
    ["issue URL", "https://github.com/tikv/tikv/issues/44", [at("tikv/tikv", 44, "url")]],
    ["pull URL", "https://github.com/tikv/tikv/pull/45", [at("tikv/tikv", 45, "url")]],
    [
      "issue URL with a trailing comment anchor",
      "as said in https://github.com/pingcap/tidb/issues/77#issuecomment-612345678",
      [here(77, "url")],
    ],
    ["issue URL without scheme", "github.com/pingcap/pd/issues/8", [at("pingcap/pd", 8, "url")]],
    ["issue URL in angle brackets", "<https://github.com/pingcap/pd/issues/9>", [at("pingcap/pd", 9, "url")]],
    ["issue URL with a path after", "https://github.com/pingcap/pd/pull/10/files", [at("pingcap/pd", 10, "url")]],
    ["http scheme, case", "HTTP://GitHub.com/PingCAP/PD/issues/11", [at("pingcap/pd", 11, "url")]],
    ["markdown link: target counts, text does not", "[#12](https://github.com/o/r/issues/13)", [at("o/r", 13, "url")]],
    ["markdown link to another site", "[#12](https://example.com/x)", []],
    ["PCP #N", "PCP #7", [here(7, "prefixed")]],
    ["UCP: #N", "UCP: #45", [here(45, "prefixed")]],
    ["UCP#N", "UCP#46", [here(46, "prefixed")]],
    ["lower-case prefix", "ucp #47", [here(47, "prefixed")]],
    ["full-width colon and hash", "UCP：＃48", [here(48, "prefixed")]],
    ["prefix with a repo", "PCP pingcap/pd#49", [at("pingcap/pd", 49, "prefixed")]],
    ["prefix in a title", "UCP #50: support foo", [here(50, "prefixed")]],
    ["Chinese around", "修复 #51，参考#52。", [here(51), here(52)]],
    ["full-width digits", "fixes #５３", [here(53)]],
    ["CRLF line endings", "line one\r\nFixes #54\r\nPCP #55\r\n", [here(54), here(55, "prefixed")]],
    ["ten digits", "#1234567890", [here(1234567890)]],
  ];
  it.each(cases)("%s", (_name, text, expected) => {
    expect(parseReferences(text, ctx)).toEqual(expected);
  });
});

describe("parseReferences: ignored", () => {
  const cases: [string, string][] = [
    ["HTML comment (PR template)", "<!-- Fixes #123 -->"],
    ["multi-line HTML comment", "<!--\nPlease write `Fixes #123`\nPCP #4\n-->"],
    ["unclosed HTML comment hides the rest", "<!-- template\nFixes #123"],
    ["fenced code block", "```\nFixes #1\n```"],
    ["fenced code block with info and CRLF", "```go\r\n// see #2\r\n```\r\n"],
    ["tilde fence", "~~~\n#3\n~~~"],
    ["indented fence in a list", "- step\n  ```\n  #4\n  ```"],
    ["unclosed fence", "```\n#5"],
    ["inline code", "run `git log #6`"],
    ["double-backtick inline code", "``a ` #7``"],
    ["<code> element", "<code>#8</code>"],
    ["#0", "#0"],
    ["leading zero", "#007"],
    ["anchor in a word", "foo#12"],
    ["anchor after a slash", "https://example.com/#13 and a/b/c#14"],
    ["other site's URL anchor", "https://example.com/page#15"],
    ["HTML entity", "&#123;"],
    ["e-mail-like", "user@example.com#16"],
    ["followed by letters", "#12abc"],
    ["heading", "# 12 things"],
    ["eleven digits", "#12345678901"],
    ["another host's issue URL", "https://gitlab.com/a/b/issues/17"],
    ["unknown prefix is just a word before #", "XYZ#18"],
    ["empty", ""],
  ];
  it.each(cases)("%s", (_name, text) => {
    expect(parseReferences(text, ctx)).toEqual([]);
  });

  it("keeps references around the ignored parts", () => {
    const text = "<!-- Fixes #123 -->\nFixes #1\n```\n#2\n```\nand `#3` then #4";
    expect(parseReferences(text, ctx)).toEqual([here(1), here(4)]);
  });

  it("treats a one-line ```code``` as a code span", () => {
    expect(parseReferences("```#1``` and #2", ctx)).toEqual([here(2)]);
  });

  it("keeps a lone backtick literal", () => {
    expect(parseReferences("it's ` odd #3", ctx)).toEqual([here(3)]);
  });
});

describe("parseReferences: options and deduplication", () => {
  it("deduplicates, first source wins", () => {
    const text = "PCP #7, fixes #7, https://github.com/pingcap/tidb/issues/7 and pingcap/TiDB#7";
    expect(parseReferences(text, ctx)).toEqual([here(7, "prefixed")]);
  });

  it("keeps the same number in different repos apart", () => {
    expect(parseReferences("#7 tikv/tikv#7", ctx)).toEqual([here(7), at("tikv/tikv", 7)]);
  });

  it("accepts extra prefixes, with trailing colons as given in a season", () => {
    const refs = parseReferences("HCP #3 and Sig-Exec: #4", { ...ctx, prefixes: ["HCP:", "Sig-Exec"] });
    expect(refs).toEqual([here(3, "prefixed"), here(4, "prefixed")]);
  });

  it("reads unknown prefixes as plain references", () => {
    expect(parseReferences("HCP #3", ctx)).toEqual([here(3)]);
  });

  it("uses a GitHub Enterprise web base", () => {
    const ghe = { ...ctx, webBase: "https://git.corp.example/" };
    expect(parseReferences("https://git.corp.example/pingcap/tidb/issues/9", ghe)).toEqual([here(9, "url")]);
    expect(parseReferences("https://github.com/pingcap/tidb/issues/9", ghe)).toEqual([]);
  });

  it("uses a web base with a path", () => {
    const ghe = { ...ctx, webBase: "https://corp.example/github" };
    expect(parseReferences("https://corp.example/github/a/b/issues/2", ghe)).toEqual([at("a/b", 2, "url")]);
  });
});

describe("mergeReferences", () => {
  it("puts closing references first and lets them win", () => {
    const text = parseReferences("PCP #7, see #8", ctx);
    expect(mergeReferences([{ repo: "PingCAP/TiDB", number: 8 }], text)).toEqual([
      { repo: "pingcap/tidb", number: 8, source: "closing" },
      { repo: "pingcap/tidb", number: 7, source: "prefixed" },
    ]);
  });

  it("dedupes closing references and drops invalid numbers", () => {
    const closing = [
      { repo: "a/b", number: 1 },
      { repo: "A/B", number: 1 },
      { repo: "a/b", number: 0 },
      { repo: "a/b", number: 1.5 },
    ];
    expect(mergeReferences(closing, [])).toEqual([{ repo: "a/b", number: 1, source: "closing" }]);
  });

  it("upgrades a weaker text source at its first position", () => {
    const text = [at("a/b", 1, "url"), at("a/b", 2), at("a/b", 1, "prefixed")];
    expect(mergeReferences([], text)).toEqual([
      { repo: "a/b", number: 1, source: "prefixed" },
      { repo: "a/b", number: 2, source: "reference" },
    ]);
  });

  it("ranks closing above every text source", () => {
    for (const s of ["reference", "url", "prefixed"] as const) {
      expect(linkSourcePriority.closing).toBeGreaterThan(linkSourcePriority[s]);
    }
  });
});

describe("parseReferences: properties", () => {
  const pieces = fc.constantFrom(
    "#", "#1", "#0", "PCP", "UCP:", " ", "\n", "\r\n", "`", "```", "~~~", "<!--", "-->", "a/b", "/", "https://github.com/",
    "issues/", "9", "：", "＃", "[", "](", ")", "&", "@", "fixes ", "x",
  );
  const messy = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 40 }).map((p) => p.join("")));

  it("never throws and only returns positive integers and lower-case repos", () => {
    fc.assert(
      fc.property(messy, (text) => {
        const refs = parseReferences(text, ctx);
        for (const r of refs) {
          expect(Number.isSafeInteger(r.number) && r.number > 0).toBe(true);
          expect(r.repo).toBe(r.repo.toLowerCase());
        }
        expect(new Set(refs.map((r) => `${r.repo}#${r.number}`)).size).toBe(refs.length);
      }),
    );
  });

  it("never counts references inside a fenced code block, code span or HTML comment", () => {
    const inner = fc.array(pieces.filter((p) => !/`|~~~|-->/.test(p)), { maxLength: 30 }).map((p) => p.join(""));
    fc.assert(
      fc.property(inner, fc.constantFrom("fence", "span", "comment"), (text, how) => {
        const wrapped =
          how === "fence" ? `\`\`\`\n${text}\n\`\`\`` : how === "span" ? `\`${text.replace(/\n\s*\n/g, "\n")}\`` : `<!--${text}-->`;
        const around = how === "fence" ? ["before\n", "\nafter"] : ["before ", " after"];
        expect(parseReferences(`${around[0]}${wrapped}${around[1]}`, ctx)).toEqual([]);
      }),
    );
  });

  it("finds #N for any positive N surrounded by spaces", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_147_483_647 }), (n) => {
        expect(parseReferences(`a #${n} b`, ctx)).toEqual([here(n)]);
      }),
    );
  });
});

describe("parseReferences: issue #14, prefixes with or without #", () => {
  const season = { ...ctx, prefixes: ["UCP:", "HCP"] };
  const cases: [string, string, Reference[]][] = [
    ["UCP #7058", "UCP #7058", [here(7058, "prefixed")]],
    ["UCP 7058", "UCP 7058", [here(7058, "prefixed")]],
    ["UCP#7058", "UCP#7058", [here(7058, "prefixed")]],
    ["UCP: 7058 in a title", "UCP: 7058 support foo", [here(7058, "prefixed")]],
    ["a season's own prefix without #", "HCP 12 done", [here(12, "prefixed")]],
    ["full-width colon, no #", "UCP：7058", [here(7058, "prefixed")]],
    ["not inside a word", "XUCP 7058", []],
    ["not a version", "UCP 2.0 is out", []],
    ["not followed by letters", "UCP 12th", []],
    ["not glued to the number", "UCP7058", []],
    ["without #, case as the season writes it", "ucp 7058", []],
    ["with #, any case as before", "ucp #7058", [here(7058, "prefixed")]],
  ];
  it.each(cases)("%s", (_name, text, expected) => {
    expect(parseReferences(text, season)).toEqual(expected);
  });
});
