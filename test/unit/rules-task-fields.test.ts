import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTask, readDifficulty, readMinScore, readScore, resolveTaskScore } from "@/lib/rules/task-fields";

describe("readScore from the body", () => {
  const cases: [string, string, number | null][] = [
    ["section with a bullet", "## Score\n\n- 300", 300],
    ["section with text after the number", "## Score\n300 points", 300],
    ["any heading level", "#### score\n\n* 2100\n\n## Mentor(s)\n\n* @someone", 2100],
    ["heading without a space", "##Score\n\n- 50", 50],
    ["heading with the value", "## Score: 600", 600],
    ["heading with full-width colon", "### Score：600", 600],
    ["heading with a remark", "## Score (points)\n\n- 400", 400],
    ["Scores heading", "## Scores\n\n- 450", 450],
    ["Points heading", "## Points\n\n150", 150],
    ["bold pseudo-heading", "**Score**\n\n- 350", 350],
    ["the whole PCP template", "## Description\n\nDo X, see #123 and v2.\n\n## Score\n\n- 300\n\n## Mentor(s)\n\n- @a1", 300],
    ["section first integer skips #N and @login1", "## Score\n\nTBD, see #12 by @bob2\n\n- 800", 800],
    ["section ends at the next heading", "## Score\n\nTBD\n\n## Mentor\n\n- 5 people", null],
    ["ordered list in the section", "## Score\n\n1. 700", 700],
    ["thousands separator", "## Score\n\n- 1,000", 1000],
    ["CRLF", "## Score\r\n\r\n- 300\r\n", 300],
    ["full-width digits", "## Score\n\n- ３００", 300],
    ["Chinese around", "## Score\n\n积分：300 分", 300],
    ["min score line inside the section is skipped", "## Score\n\n- min score required: 200\n- 900", 900],
    ["score: N line", "Some text\n\nscore: 300\n", 300],
    ["Score：N full-width colon", "难度中等\nScore：300\n", 300],
    ["- score: N bullet", "- difficulty: easy\n- score: 120", 120],
    ["* points: N bullet", "* points: 80", 80],
    ["**Score**: N", "**Score**: 300", 300],
    ["**Score:** N", "**Score:** 300", 300],
    ["**Score: N**", "**Score: 300**", 300],
    ["score = N", "Score = 42", 42],
    ["inline code value", "Score: `300`", 300],
    ["spacing and case", "   SCORE   :    75 points", 75],
    ["task box bullet", "- [x] score: 60", 60],
    ["zero is explicit", "score: 0", 0],
    ["section wins over a line", "score: 100\n\n## Score\n\n- 200", 200],
    ["negative refused", "## Score\n\n-300", null],
    ["negative line refused", "score: -5", null],
    ["fraction refused", "score: 2.5", null],
    ["absurd refused", "## Score\n\n- 1000001", null],
    ["one million is allowed", "score: 1,000,000", 1_000_000],
    ["min score required is not a score", "min score required: 400", null],
    ["prose is not a score line", "The total score: 300 of last season", null],
    ["no value", "## Score\n\nTBD", null],
    ["Points of contact is not a score", "## Points of contact\n\n- 3 people", null],
    ["inside an HTML comment", "<!-- ## Score\n\n- 300 -->", null],
    ["inside a code block", "```\nscore: 300\n```", null],
    ["empty", "", null],
  ];
  it.each(cases)("%s", (_name, body, expected) => {
    const result = readScore({ body, labels: [] });
    expect(result).toEqual(expected === null ? null : { score: expected, source: "body" });
  });
});

describe("readScore from labels", () => {
  const cases: [string, string[], number | null][] = [
    ["score/N", ["score/300"], 300],
    ["points/N", ["Points/50"], 50],
    ["score: N", ["score: 70"], 70],
    ["spacing", [" Score / 90 "], 90],
    ["with unrelated labels", ["challenge-program-2", "difficulty/easy", "score/100"], 100],
    ["same value twice", ["score/100", "points/100"], 100],
    ["disagreeing labels are unreadable", ["score/100", "score/200"], null],
    ["not a number", ["score/high"], null],
    ["trailing text", ["score/100-ish"], null],
    ["negative", ["score/-1"], null],
    ["absurd", ["score/2000000"], null],
    ["score-N is not a score label", ["score-100"], null],
    ["none", [], null],
  ];
  it.each(cases)("%s", (_name, labels, expected) => {
    expect(readScore({ body: "", labels })).toEqual(expected === null ? null : { score: expected, source: "label" });
  });

  it("prefers the body", () => {
    expect(readScore({ body: "## Score\n\n- 300", labels: ["score/100"] })).toEqual({ score: 300, source: "body" });
  });

  it("falls back to labels when the body's value is unusable", () => {
    expect(readScore({ body: "score: -3", labels: ["score/100"] })).toEqual({ score: 100, source: "label" });
  });

  it("accepts a null body", () => {
    expect(readScore({ body: null, labels: ["score/5"] })).toEqual({ score: 5, source: "label" });
  });
});

describe("readDifficulty", () => {
  const known = ["easy", "medium", "hard"];
  const cases: [string, string, string[], string | null][] = [
    ["label", "", ["difficulty/easy"], "easy"],
    ["label, case", "", ["Difficulty/Medium"], "medium"],
    ["label with colon", "", ["difficulty: hard"], "hard"],
    ["label beats body", "## Difficulty\n\n- Hard", ["difficulty/easy"], "easy"],
    ["unknown label falls back to body", "difficulty: hard", ["difficulty/insane"], "hard"],
    ["disagreeing labels fall back to body", "## Difficulty\n- Medium", ["difficulty/easy", "difficulty/hard"], "medium"],
    ["section with a bullet", "## Difficulty\n\n- Medium", [], "medium"],
    ["section with bold", "### difficulty\r\n\r\n* **Hard**\r\n", [], "hard"],
    ["section with remark", "## Difficulty\n\nEasy (about a week)", [], "easy"],
    ["heading value", "## Difficulty: Hard", [], "hard"],
    ["line", "- difficulty: medium", [], "medium"],
    ["full-width colon line", "Difficulty：Easy", [], "easy"],
    ["bold line", "**Difficulty**: Hard", [], "hard"],
    ["unknown word in the section", "## Difficulty\n\nInsane", [], null],
    ["unknown section falls back to a line", "## Difficulty\n\nTBD\n\ndifficulty: easy", [], "easy"],
    ["in a comment", "<!-- difficulty: easy -->", [], null],
    ["nothing", "", [], null],
  ];
  it.each(cases)("%s", (_name, body, labels, expected) => {
    expect(readDifficulty({ body, labels }, known)).toBe(expected);
  });

  it("matches known names case-insensitively and answers lower-case", () => {
    expect(readDifficulty({ body: "difficulty: EXPERT", labels: [] }, ["Expert"])).toBe("expert");
  });
});

describe("readMinScore", () => {
  const cases: [string, string, number | null][] = [
    ["plain", "min score required: 400", 400],
    ["bullet and case", "- Min Score Required: 200", 200],
    ["minimum", "* minimum score required：1,200", 1200],
    ["min.", "Min. score required = 50", 50],
    ["bold", "**min score required**: 300", 300],
    ["section", "## Min score required\n\n- 600", 600],
    ["zero", "min score required: 0", 0],
    ["CRLF and Chinese", "说明\r\nmin score required: 800 分\r\n", 800],
    ["negative", "min score required: -10", null],
    ["no number", "min score required: none", null],
    ["absent", "## Score\n\n- 300", null],
    ["commented out", "<!-- min score required: 400 -->", null],
  ];
  it.each(cases)("%s", (_name, body, expected) => {
    expect(readMinScore(body)).toBe(expected);
  });

  it("accepts null", () => {
    expect(readMinScore(null)).toBeNull();
  });
});

describe("isTask", () => {
  const season = { taskLabels: ["challenge-program-2"], taskTitlePrefixes: ["UCP:", "PCP:"] };
  const cases: [string, string, string[], boolean][] = [
    ["label", "Support X", ["challenge-program-2"], true],
    ["label, case and spacing", "Support X", [" Challenge-Program-2 "], true],
    ["title prefix", "UCP: Support X", [], true],
    ["title prefix, case and leading spaces", "  pcp: support x", [], true],
    ["title prefix with full-width colon", "UCP：支持 X", [], true],
    ["other label", "Support X", ["challenge-program"], false],
    ["prefix not at the start", "Support UCP: X", [], false],
    ["prefix without its colon", "UCP Support X", [], false],
    ["neither", "Bug", ["type/bug"], false],
  ];
  it.each(cases)("%s", (_name, title, labels, expected) => {
    expect(isTask({ title, labels }, season)).toBe(expected);
  });

  it("ignores empty prefixes and labels", () => {
    expect(isTask({ title: "anything", labels: [""] }, { taskLabels: [""], taskTitlePrefixes: ["", "  "] })).toBe(false);
  });
});

describe("resolveTaskScore", () => {
  const defaults = { easy: 100, medium: 300, hard: 1000 };
  const cases: [string, Parameters<typeof resolveTaskScore>[0], number | null, string][] = [
    ["override wins", { override: 50, body: "score: 300", labels: ["score/200"], difficulty: "easy" }, 50, "override"],
    ["override may be 0", { override: 0, body: "score: 300" }, 0, "override"],
    ["invalid override ignored", { override: -1, body: "score: 300" }, 300, "body"],
    ["body next", { body: "## Score\n\n- 300", labels: ["score/200"], difficulty: "easy" }, 300, "body"],
    ["label next", { body: "nothing", labels: ["score/200"], difficulty: "easy" }, 200, "label"],
    ["default for difficulty", { body: "", labels: [], difficulty: "Medium" }, 300, "default"],
    ["unknown difficulty", { body: "", labels: [], difficulty: "insane" }, null, "none"],
    ["no difficulty: needs a score", { body: "", labels: [] }, null, "none"],
    ["prototype keys are not difficulties", { difficulty: "constructor" }, null, "none"],
    ["unusable body, no label, default", { body: "score: -1", difficulty: "hard" }, 1000, "default"],
  ];
  it.each(cases)("%s", (_name, input, score, source) => {
    expect(resolveTaskScore(input, defaults)).toEqual({ score, source });
  });
});

describe("task fields: properties", () => {
  it("never throw and only return scores in [0, 1,000,000]", () => {
    const pieces = fc.constantFrom(
      "## Score", "score:", "：", "-", " ", "\n", "\r\n", "300", "1,000", "**", "<!--", "-->", "```", "`", "min score required:",
      "## Difficulty", "easy", "9999999", ".5",
    );
    const body = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 30 }).map((p) => p.join("")));
    fc.assert(
      fc.property(body, fc.array(fc.string(), { maxLength: 3 }), (text, labels) => {
        const score = readScore({ body: text, labels });
        if (score) expect(score.score >= 0 && score.score <= 1_000_000 && Number.isInteger(score.score)).toBe(true);
        const min = readMinScore(text);
        if (min !== null) expect(min >= 0 && min <= 1_000_000).toBe(true);
        const difficulty = readDifficulty({ body: text, labels }, ["easy", "medium"]);
        expect(difficulty === null || ["easy", "medium"].includes(difficulty)).toBe(true);
      }),
    );
  });

  it("reads back any score written in a Score section", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom("\n", "\r\n"), (n, eol) => {
        expect(readScore({ body: `## Score${eol}${eol}- ${n}${eol}`, labels: [] })).toEqual({ score: n, source: "body" });
      }),
    );
  });
});

describe("issue #14: the shapes real maintainers wrote", () => {
  const known = ["easy", "medium", "hard"];
  const difficulty: [string, string, string[], string | null][] = [
    ["label D: Easy", "", ["D: Easy"], "easy"],
    ["label difficulty/Easy", "", ["difficulty/Easy"], "easy"],
    ["label difficulty: easy", "", ["difficulty: easy"], "easy"],
    ["label in Chinese", "", ["难度/困难"], "hard"],
    ["label with a Chinese level", "", ["difficulty/中等"], "medium"],
    ["typo Difficult: hard", "Difficult: hard", [], "hard"],
    ["typo Dificulty: easy", "- Dificulty: easy", [], "easy"],
    ["Level: medium", "Level: medium", [], "medium"],
    ["Level section", "## Level\n\nHard", [], "hard"],
    ["full-width colon", "- Level：Easy", [], "easy"],
    ["Chinese name and level", "难度：简单", [], "easy"],
    ["Chinese level 中等", "Difficulty: 中等", [], "medium"],
    ["Chinese level 困难 in a section", "## 难度\n\n- 困难", [], "hard"],
    ["Chinese level followed by more words", "难度：中等难度", [], "medium"],
    ["unknown word is no difficulty", "Difficulty: unknown-word", [], null],
    ["unknown Chinese word is no difficulty", "难度：未知", [], null],
    ["a D: line in the body is not a difficulty", "D: easy", [], null],
    ["level inside a word is not a name", "Sublevel: easy", [], null],
    ["a label like XD: easy is not a difficulty", "", ["XD: easy"], null],
  ];
  it.each(difficulty)("difficulty: %s", (_name, body, labels, expected) => {
    expect(readDifficulty({ body, labels }, known)).toBe(expected);
  });

  it("a Chinese level only counts when the season has that difficulty", () => {
    expect(readDifficulty({ body: "难度：困难", labels: [] }, ["easy", "medium"])).toBeNull();
  });

  const score: [string, string, number | null][] = [
    ["积分: N", "积分：300", 300],
    ["分数 line", "- 分数: 600 分", 600],
    ["积分 section", "## 积分\n\n- 1,000", 1000],
    ["Score: on its own line, the value on the next", "Score:\n300", 300],
  ];
  it.each(score)("score: %s", (_name, body, expected) => {
    expect(readScore({ body, labels: [] })).toEqual({ score: expected, source: "body" });
  });

  const defaults = { easy: 100, medium: 300, hard: 1000 };
  const blank: [string, string][] = [
    ["score: with nothing after", "Difficulty: easy\nscore:\n"],
    ["score: TBD", "- score: TBD"],
    ["score: then another field", "- score:\n- difficulty: easy"],
    ["## Score with nothing under it", "## Difficulty\n\nEasy\n\n## Score\n\n## Mentor\n\n- @someone"],
    ["## Score at the end", "## Score\n"],
    ["## Score holding only a template comment", "## Score\n\n<!-- the score -->\n"],
    ["积分： empty", "积分：\n"],
  ];
  it.each(blank)("an explicit but empty score needs a score: %s", (_name, body) => {
    expect(resolveTaskScore({ body, labels: [], difficulty: "easy" }, defaults)).toEqual({ score: null, source: "none" });
  });

  it("an empty score field still lets a score label count", () => {
    expect(resolveTaskScore({ body: "score:", labels: ["score/200"], difficulty: "easy" }, defaults)).toEqual({ score: 200, source: "label" });
  });

  it("no score field at all still takes the difficulty's default", () => {
    expect(resolveTaskScore({ body: "Difficulty: easy\n\nDo X.", labels: [], difficulty: "easy" }, defaults)).toEqual({ score: 100, source: "default" });
  });
});
