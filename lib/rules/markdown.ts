/**
 * Markdown helpers shared by the rule parsers: the text a reader sees, without code and HTML comments.
 * Pure string functions, no Markdown library: issue and PR bodies are hand-written and often malformed,
 * so these follow CommonMark where it matters (fences, code spans, comments) and stay lenient elsewhere.
 */

/** NFKC (full-width `：`, `＃`, `３００` become ASCII) and `\n` line endings. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").replace(/\r\n?/g, "\n");
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export interface VisibleTextOptions {
  /** `drop` removes code spans with their content (references); `unwrap` keeps the content (field values). */
  inlineCode: "drop" | "unwrap";
}

const FENCE_OPEN = /[ \t]*(`{3,}|~{3,})([^\n]*)/y;
const HTML_CODE = /<(code|pre)\b[^>]*>[\s\S]*?<\/\1\s*>/iy;
const BACKTICKS_OR_BLANK = /`+|\n[ \t]*\n/g;

/** End of a fenced code block opening at `i` (a line start), or null when no fence opens there. */
function fenceEnd(s: string, i: number): number | null {
  FENCE_OPEN.lastIndex = i;
  const m = FENCE_OPEN.exec(s);
  const marker = m?.[1];
  if (!m || marker === undefined) return null;
  if (marker.startsWith("`") && (m[2] ?? "").includes("`")) return null; // ```code``` on one line is a code span
  const closing = new RegExp(`^[ \\t]*${marker[0] === "`" ? "`" : "~"}{${marker.length},}[ \\t]*$`);
  let lineStart = i + m[0].length + 1;
  while (lineStart <= s.length) {
    const nl = s.indexOf("\n", lineStart);
    const lineEnd = nl === -1 ? s.length : nl;
    if (closing.test(s.slice(lineStart, lineEnd))) return lineEnd;
    lineStart = lineEnd + 1;
  }
  return s.length; // an unclosed fence runs to the end of the document
}

/** Index just after the code span whose opening run of `n` backticks ends at `from`, or null. */
function codeSpanEnd(s: string, from: number, n: number): number | null {
  BACKTICKS_OR_BLANK.lastIndex = from;
  for (let m = BACKTICKS_OR_BLANK.exec(s); m; m = BACKTICKS_OR_BLANK.exec(s)) {
    if (m[0].startsWith("\n")) return null; // code spans do not cross paragraphs
    if (m[0].length === n) return m.index + n;
  }
  return null;
}

/**
 * The text outside fenced code blocks, `<code>`/`<pre>` elements and HTML comments (an unclosed `<!--`
 * hides the rest, as GitHub renders it); code spans are dropped or unwrapped. Line structure is kept.
 */
export function visibleText(input: string, options: VisibleTextOptions = { inlineCode: "drop" }): string {
  const s = normalizeText(input);
  const out: string[] = [];
  let plainFrom = 0;
  let i = 0;
  const skip = (to: number, replacement: string): void => {
    out.push(s.slice(plainFrom, i), replacement);
    i = to;
    plainFrom = to;
  };
  while (i < s.length) {
    const c = s[i];
    if (i === 0 || s[i - 1] === "\n") {
      const end = fenceEnd(s, i);
      if (end !== null) {
        skip(end, "");
        continue;
      }
    }
    if (c === "<") {
      if (s.startsWith("<!--", i)) {
        const close = s.indexOf("-->", i + 4);
        skip(close === -1 ? s.length : close + 3, " ");
        continue;
      }
      HTML_CODE.lastIndex = i;
      const html = HTML_CODE.exec(s);
      if (html) {
        skip(i + html[0].length, " ");
        continue;
      }
    }
    if (c === "`") {
      let n = 1;
      while (s[i + n] === "`") n++;
      const end = codeSpanEnd(s, i + n, n);
      if (end === null) {
        i += n; // a lone backtick run is literal text
        continue;
      }
      skip(end, options.inlineCode === "drop" ? " " : ` ${s.slice(i + n, end - n)} `);
      continue;
    }
    i++;
  }
  out.push(s.slice(plainFrom));
  return out.join("");
}

/** Removes `**`/`__` emphasis markers so `**Score**: 300` reads as `Score: 300`. */
export function stripEmphasis(line: string): string {
  return line.replace(/\*\*|__/g, "");
}

/** Leading blockquote, bullet, ordered-list and task-box markers: `> - [x] 1. `. */
export const LIST_MARKER = /^[ \t>]*(?:(?:[-*+•]|\d{1,3}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?/;

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+|$|(?=[A-Za-z]))(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BOLD_HEADING = /^[ \t]*(?:\*\*|__)([^*_\n]+?)(?:\*\*|__)[ \t]*:?[ \t]*$/;

/** The title of a heading line (`## Score`, or a line that is only `**Score**`), else null. */
export function headingTitle(line: string): string | null {
  const m = ATX_HEADING.exec(line) ?? BOLD_HEADING.exec(line);
  return m ? stripEmphasis(m[1] ?? "").trim() : null;
}

export interface Section {
  /** The heading's text after the matched name, e.g. `: 300` for `## Score: 300`. */
  rest: string;
  /** The lines up to the next heading. */
  lines: string[];
}

/**
 * Every section whose heading title is `name` (a case-insensitive pattern), possibly followed by a value or
 * a remark (`Score: 300`, `Score (points)`), but not by more words (`Points of contact`), in order.
 */
export function findSections(text: string, name: RegExp): Section[] {
  const found: Section[] = [];
  let current: Section | null = null;
  const pattern = new RegExp(`^(?:${name.source})(?=[ \\t]*(?:$|[:=(\\[\\d-]))`, "i");
  for (const line of text.split("\n")) {
    const title = headingTitle(line);
    if (title === null) {
      current?.lines.push(line);
      continue;
    }
    const m = pattern.exec(title);
    current = m ? { rest: title.slice(m[0].length), lines: [] } : null;
    if (current) found.push(current);
  }
  return found;
}
