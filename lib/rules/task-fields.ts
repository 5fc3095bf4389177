/**
 * What a task issue says about itself (contract, "Season file"): whether it is a task, its score, difficulty
 * and own gate. Real programs wrote these by hand in many shapes, so parsing is lenient about case, spacing,
 * bullets, bold, full-width characters (`：`, `３００`) and CRLF; text in code blocks and HTML comments (issue
 * templates) is ignored. A value that is there but unusable (negative, fractional, above 1,000,000) is refused.
 */
import { LIST_MARKER, findSections, normalizeText, stripEmphasis, visibleText } from "./markdown";

export const MAX_POINTS = 1_000_000;

export interface TaskText {
  body?: string | null;
  labels?: readonly string[];
}

export type ScoreSource = "body" | "label";
export type TaskScoreSource = "override" | ScoreSource | "default" | "none";

/** Sign, digits (with optional thousands separators) and decimals; not part of a word, version, `#N` or `@x1`. */
const NUMBER = /(?<![A-Za-z0-9_.#@/$-])([-−]?)(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?/;
const NUMBER_AT_START = new RegExp(`^${NUMBER.source}`);

/** Score, points, and the Chinese 积分 / 分数. */
const SCORE_NAME = /scores?|points?|积分|分数/;
const MIN_SCORE_NAME = /min(?:imum|imal)?\.?[ \t]+score[ \t]+require(?:d|ments?)?/;
/** Difficulty with the typos real bodies have (`Difficult`, `Dificulty`, `Difficulity`), `Level`, and 难度. */
const DIFFICULTY_NAME = /dif{1,2}i?cul(?:ity|ty|t)|level|难度/;
/** Labels also say `D: Easy`. */
const DIFFICULTY_LABEL_NAME = new RegExp(`${DIFFICULTY_NAME.source}|d`);
/** Chinese words for the levels, read as the season's difficulty of that name when it has one. */
const CHINESE_LEVELS: readonly (readonly [string, string])[] = [["简单", "easy"], ["容易", "easy"], ["中等", "medium"], ["困难", "hard"]];
/** What a field holds when a maintainer left it to fill in later. */
const PLACEHOLDER = /^(?:-+|\?+|tbd|tba|n\/a|todo|待定)?$/i;

/** `null` when the token is not a usable number of points. */
function toPoints(m: RegExpExecArray): number | null {
  const [, sign, digits, decimals] = m;
  if (sign || digits === undefined || (decimals !== undefined && !/^\.0+$/.test(decimals))) return null;
  const n = Number(digits.replace(/,/g, ""));
  return Number.isSafeInteger(n) && n >= 0 && n <= MAX_POINTS ? n : null;
}

/** The visible body: no code blocks or comments, code spans unwrapped (`Score: \`300\`` is fine). */
function visibleBody(body: string | null | undefined): string {
  return visibleText(body ?? "", { inlineCode: "unwrap" });
}

/** A line without list markers and emphasis: `- **Score**: 300` → `Score: 300`. */
function cleanLine(line: string): string {
  return stripEmphasis(line.replace(LIST_MARKER, "")).replace(LIST_MARKER, "").trim();
}

/** `name: value` at the start of a line (`:` or `=`): what follows, and the next non-blank line (`Score:\n300`). */
function lineValues(lines: readonly string[], name: RegExp): { value: string; next: string }[] {
  const pattern = new RegExp(`^(?:${name.source})[ \\t]*[:=][ \\t]*`, "i");
  const out: { value: string; next: string }[] = [];
  lines.forEach((line, i) => {
    const m = pattern.exec(line);
    if (m) out.push({ value: line.slice(m[0].length), next: lines.slice(i + 1).find((l) => l.trim() !== "") ?? "" });
  });
  return out;
}

type Found = { value: number | null } | null;

/**
 * The first number a body gives for `name`: a section's heading value (`## Score: 300`) or first integer,
 * else a `name: N` line. `{ value: null }` when the first number found is unusable, `null` when none is found.
 */
function readBodyNumber(body: string | null | undefined, name: RegExp, skipLine?: RegExp): Found {
  const text = visibleBody(body);
  for (const section of findSections(text, name)) {
    const rest = /^[ \t]*[:=]?[ \t]*/.exec(section.rest);
    const head = NUMBER_AT_START.exec(section.rest.slice(rest?.[0].length ?? 0));
    if (head) return { value: toPoints(head) };
    for (const line of section.lines.map(cleanLine)) {
      if (skipLine?.test(line)) continue;
      const m = NUMBER.exec(line);
      if (m) return { value: toPoints(m) };
    }
  }
  const lines = text.split("\n").map(cleanLine);
  for (const { value, next } of lineValues(lines, name)) {
    const m = NUMBER_AT_START.exec(value.trim() === "" ? next : value);
    if (m) return { value: toPoints(m) };
  }
  return null;
}

/**
 * Whether the body has a score field left empty (`score:`, `score: TBD`, a `## Score` section with nothing in
 * it, a template comment aside): the maintainer meant to state a score, so the difficulty's default must not
 * stand in for it.
 */
export function statesEmptyScore(body: string | null | undefined): boolean {
  const text = visibleBody(body);
  const minLine = new RegExp(`^${MIN_SCORE_NAME.source}`, "i");
  const empty = (l: string) => PLACEHOLDER.test(l.trim());
  for (const section of findSections(text, SCORE_NAME)) {
    const rest = section.rest.replace(/^[ \t]*[:=]?/, "");
    if (empty(rest) && section.lines.map(cleanLine).filter((l) => !minLine.test(l)).every(empty)) return true;
  }
  return lineValues(text.split("\n").map(cleanLine), SCORE_NAME).some(({ value, next }) => empty(value) && (value.trim() !== "" || !NUMBER_AT_START.test(next)));
}

/** Values of `name/<value>` or `name: <value>` labels, lower-case, deduplicated. */
function labelValues(labels: readonly string[] | undefined, name: RegExp): string[] {
  const pattern = new RegExp(`^[ \\t]*(?:${name.source})[ \\t]*[/:][ \\t]*(.+?)[ \\t]*$`, "i");
  const values = (labels ?? []).flatMap((label) => pattern.exec(normalizeText(label))?.[1]?.toLowerCase() ?? []);
  return [...new Set(values)];
}

/**
 * The score a task issue states: its body (a `## Score` section's first integer, or a `score: N` / `points: N`
 * line), else a `score/N` or `points/N` label (`score: N` too). Labels that disagree are unreadable.
 */
export function readScore(task: TaskText): { score: number; source: ScoreSource } | null {
  const body = readBodyNumber(task.body, SCORE_NAME, new RegExp(`^${MIN_SCORE_NAME.source}`, "i"));
  if (body && body.value !== null) return { score: body.value, source: "body" };
  const fromLabels = labelValues(task.labels, SCORE_NAME).flatMap((value) => {
    const m = NUMBER_AT_START.exec(value);
    return m && m[0].length === value.length ? [toPoints(m)] : [];
  });
  const [only, ...others] = new Set(fromLabels);
  return typeof only === "number" && others.length === 0 ? { score: only, source: "label" } : null;
}

/** A `min score required: N` line or section: the task's own gate (`minimum score required` too). */
export function readMinScore(body: string | null | undefined): number | null {
  return readBodyNumber(body, MIN_SCORE_NAME)?.value ?? null;
}

/** A level's word: Latin, or a run of CJK characters (`中等`, `中等难度`). */
const WORD = /[A-Za-z][A-Za-z0-9-]*|[\u4e00-\u9fff]+/;

/**
 * The task's difficulty, lower-case and one of `known`: a `difficulty/<name>` label (labels naming different
 * known difficulties are ignored), else the first word of a `## Difficulty` section, else a `difficulty:` line.
 */
export function readDifficulty(task: TaskText, known: readonly string[]): string | null {
  const knownSet = new Set(known.map((k) => k.trim().toLowerCase()));
  const accept = (word: string | undefined): string | null => {
    const w = word?.trim().toLowerCase();
    if (w === undefined || w === "") return null;
    if (knownSet.has(w)) return w;
    return CHINESE_LEVELS.find(([zh, en]) => w.startsWith(zh) && knownSet.has(en))?.[1] ?? null;
  };
  const fromLabels = [...new Set(labelValues(task.labels, DIFFICULTY_LABEL_NAME).flatMap((v) => accept(v) ?? []))];
  if (fromLabels.length === 1 && fromLabels[0] !== undefined) return fromLabels[0];

  const text = visibleBody(task.body);
  for (const section of findSections(text, DIFFICULTY_NAME)) {
    const candidates = [section.rest.replace(/^[ \t]*[:=]?/, ""), ...section.lines.map(cleanLine)];
    const firstText = candidates.find((l) => l.trim() !== "");
    const word = firstText === undefined ? null : accept(WORD.exec(firstText)?.[0]);
    if (word) return word;
  }
  for (const { value } of lineValues(text.split("\n").map(cleanLine), DIFFICULTY_NAME)) {
    const word = accept(new RegExp(`^(?:${WORD.source})`).exec(value)?.[0]);
    if (word) return word;
  }
  return null;
}

function comparable(text: string): string {
  return normalizeText(text).trim().replace(/\s+/g, " ").toLowerCase();
}

/** A task carries one of the season's task labels, or its title starts with one of its task title prefixes. */
export function isTask(
  issue: { title: string; labels: readonly string[] },
  season: { taskLabels: readonly string[]; taskTitlePrefixes: readonly string[] },
): boolean {
  const taskLabels = new Set(season.taskLabels.map(comparable).filter((l) => l !== ""));
  if (issue.labels.some((label) => taskLabels.has(comparable(label)))) return true;
  const title = comparable(issue.title);
  return season.taskTitlePrefixes.map(comparable).some((prefix) => prefix !== "" && title.startsWith(prefix));
}

export interface TaskScoreInput extends TaskText {
  /** A maintainer's override in Podium; 0 is a valid override. */
  override?: number | null;
  difficulty?: string | null;
}

/**
 * A task's score, first match wins: override, body, label, the season default for its difficulty. With none,
 * or when the body has a score field left empty, the score is null: the task *needs a score*, it is never
 * silently worth 0 or its difficulty's default.
 */
export function resolveTaskScore(
  task: TaskScoreInput,
  defaults: Readonly<Record<string, number>>,
): { score: number | null; source: TaskScoreSource } {
  const { override } = task;
  if (typeof override === "number" && Number.isSafeInteger(override) && override >= 0 && override <= MAX_POINTS) {
    return { score: override, source: "override" };
  }
  const stated = readScore(task);
  if (stated) return stated;
  if (statesEmptyScore(task.body)) return { score: null, source: "none" };
  const difficulty = task.difficulty?.trim().toLowerCase();
  if (difficulty && Object.hasOwn(defaults, difficulty)) {
    const score = defaults[difficulty];
    if (typeof score === "number" && Number.isSafeInteger(score) && score >= 0) return { score, source: "default" };
  }
  return { score: null, source: "none" };
}
