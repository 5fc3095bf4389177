/**
 * GitHub issue-search query syntax: `qualifier:value` terms (optionally negated with `-`, values quoted with `"…"`
 * and comma-separated alternatives), quoted phrases and free words.
 */

export type Term =
  | { kind: "qualifier"; key: string; values: string[]; negated: boolean; raw: string }
  | { kind: "text"; text: string; phrase: boolean };

/** Splits on whitespace outside quotes. */
function tokens(query: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of query) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) {
      if (current !== "") out.push(current);
      current = "";
    } else current += ch;
  }
  if (current !== "") out.push(current);
  return out;
}

/** `a,"b c",d` → [a, b c, d]. */
function splitValues(raw: string): string[] {
  const values: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of raw) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      values.push(current);
      current = "";
    } else current += ch;
  }
  values.push(current);
  return values.map((v) => v.trim()).filter((v) => v !== "");
}

export function parseSearchQuery(query: string): Term[] {
  const terms: Term[] = [];
  for (const token of tokens(query)) {
    const q = /^(-?)([A-Za-z][A-Za-z-]*):(.+)$/s.exec(token);
    if (q?.[2] !== undefined && q[3] !== undefined) {
      terms.push({ kind: "qualifier", key: q[2].toLowerCase(), values: splitValues(q[3]), negated: q[1] === "-", raw: token });
      continue;
    }
    if (token.startsWith('"')) {
      const text = token.replace(/^"|"$/g, "").trim();
      if (text !== "") terms.push({ kind: "text", text: text.toLowerCase(), phrase: true });
      continue;
    }
    if (token === "AND") continue;
    const text = token.replace(/"/g, "").toLowerCase();
    if (text !== "") terms.push({ kind: "text", text, phrase: false });
  }
  return terms;
}

const DAY = 86_400_000;

/** A date or date-time as the instants it covers: a whole UTC day for `YYYY-MM-DD`, one second otherwise. */
export function parseInstant(value: string): { from: number; to: number } | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const from = Date.parse(`${value}T00:00:00Z`);
    return Number.isNaN(from) ? null : { from, to: from + DAY - 1 };
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value)) return null;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const from = Date.parse(zoned);
  return Number.isNaN(from) ? null : { from, to: from + 999 };
}

/** `>=D`, `>D`, `<=D`, `<D`, `A..B` (either side `*`), or `D`: a predicate over epoch milliseconds. */
export function parseDateRange(value: string): ((ms: number) => boolean) | null {
  const range = /^(.+)\.\.(.+)$/.exec(value);
  if (range?.[1] !== undefined && range[2] !== undefined) {
    const a = range[1] === "*" ? { from: Number.NEGATIVE_INFINITY, to: Number.NEGATIVE_INFINITY } : parseInstant(range[1]);
    const b = range[2] === "*" ? { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY } : parseInstant(range[2]);
    if (a === null || b === null) return null;
    return (ms) => ms >= a.from && ms <= b.to;
  }
  const cmp = /^(>=|<=|>|<)?(.+)$/.exec(value);
  const at = cmp?.[2] === undefined ? null : parseInstant(cmp[2]);
  if (at === null) return null;
  switch (cmp?.[1]) {
    case ">=":
      return (ms) => ms >= at.from;
    case ">":
      return (ms) => ms > at.to;
    case "<=":
      return (ms) => ms <= at.to;
    case "<":
      return (ms) => ms < at.from;
    default:
      return (ms) => ms >= at.from && ms <= at.to;
  }
}

/** Whether `text` (lower case) contains `word` as a whole word. */
export function hasWord(text: string, word: string): boolean {
  let from = 0;
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
  for (;;) {
    const i = text.indexOf(word, from);
    if (i < 0) return false;
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + word.length])) return true;
    from = i + 1;
  }
}
