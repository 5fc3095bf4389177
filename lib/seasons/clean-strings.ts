/**
 * One check for every string of a season document (values and keys alike), before the schema sees it:
 * NUL and other control characters, and lone UTF-16 surrogates, are refused with their path; everything
 * else is trimmed and put in Unicode NFC, so two spellings of the same text store (and compare) the same.
 */

export type StringIssue = { path: (string | number)[]; message: string };

/** Deeper than any season file needs (document → seasons → season → rules → caps → cap is 6). */
export const MAX_DEPTH = 12;

// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain NUL characters";
  if (CONTROL.test(text)) return "must not contain control characters";
  if (LONE_SURROGATE.test(text)) return "must not contain lone surrogates (invalid Unicode)";
  return null;
}

export function normalizeText(text: string): string {
  return text.normalize("NFC").trim();
}

function clean(value: unknown, path: (string | number)[], issues: StringIssue[]): unknown {
  if (path.length > MAX_DEPTH) {
    issues.push({ path, message: `nested more than ${MAX_DEPTH} levels deep` });
    return value;
  }
  if (typeof value === "string") {
    const problem = problemOf(value);
    if (problem) issues.push({ path, message: problem });
    return problem ? value : normalizeText(value);
  }
  if (Array.isArray(value)) return value.map((item, i) => clean(item, [...path, i], issues));
  if (value !== null && typeof value === "object") {
    // A Map, then fromEntries: a `__proto__` key stays an ordinary own key.
    const out = new Map<string, unknown>();
    for (const [rawKey, item] of Object.entries(value)) {
      const problem = rawKey === "__proto__" ? "not allowed" : problemOf(rawKey);
      if (problem) {
        issues.push({ path: [...path, rawKey], message: `key ${problem}` });
        continue;
      }
      const key = normalizeText(rawKey);
      if (out.has(key)) issues.push({ path: [...path, key], message: "key given twice" });
      out.set(key, clean(item, [...path, key], issues));
    }
    return Object.fromEntries(out);
  }
  return value;
}

/** The document with every string normalized, or the problems found (each with its path). */
export function cleanStrings(value: unknown): { value: unknown; issues: StringIssue[] } {
  const issues: StringIssue[] = [];
  const cleaned = clean(value, [], issues);
  return { value: cleaned, issues };
}
