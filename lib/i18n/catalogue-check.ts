/**
 * Pure checks over the message catalogues (used by test/unit/i18n-catalogues.test.ts and e2e/i18n.spec.ts):
 * every key of one is in the other, with the same ICU arguments and rich-text tags.
 */
export type Catalogue = { [key: string]: string | Catalogue };

/** `{ a: { b: "x" } }` → `[["a.b", "x"]]`. */
export function flatten(messages: Catalogue, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}

/** The argument names (`{count, plural, …}`, `{login}`) and tags (`<b>…</b>`) a message uses, sorted. */
export function placeholders(message: string): string[] {
  const found = new Set<string>();
  readMessage(message, 0, found);
  return [...found].sort();
}

/** Reads ICU text from `i` up to an unmatched `}` (or the end), noting arguments and tags; returns where it stopped. */
function readMessage(m: string, i: number, found: Set<string>): number {
  while (i < m.length && m[i] !== "}") {
    if (m[i] === "{") i = readArgument(m, i + 1, found);
    else {
      const tag = /^<([A-Za-z][A-Za-z0-9]*)>/.exec(m.slice(i));
      if (tag) found.add(`<${tag[1]}>`);
      i += 1;
    }
  }
  return i;
}

/** `{name}`, `{name, number}` or `{name, plural|select, sel {…} …}` from just after the `{`; returns after its `}`. */
function readArgument(m: string, i: number, found: Set<string>): number {
  const head = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:,\s*([a-z]+)\s*)?/.exec(m.slice(i));
  if (!head) throw new Error(`not an ICU argument at ${i}: ${m}`);
  found.add(`{${head[1]}}`);
  i += head[0].length;
  if (head[2] === "plural" || head[2] === "select" || head[2] === "selectordinal") {
    i += 1; // the comma after the type
    while (i < m.length && m[i] !== "}") {
      const branch = /^\s*(=?[A-Za-z0-9_:.-]+)\s*\{/.exec(m.slice(i));
      if (!branch) {
        i += 1;
        continue;
      }
      i = readMessage(m, i + branch[0].length, found) + 1;
    }
    return i + 1;
  }
  while (i < m.length && m[i] !== "}") i += 1; // a format's style, e.g. `{n, number, percent}`
  return i + 1;
}

/** What differs between two catalogues: keys missing on either side, and keys whose placeholders differ. */
export function compareCatalogues(a: Catalogue, b: Catalogue): { missingInB: string[]; missingInA: string[]; placeholders: string[] } {
  const fa = new Map(flatten(a));
  const fb = new Map(flatten(b));
  const both = [...fa.keys()].filter((k) => fb.has(k));
  return {
    missingInB: [...fa.keys()].filter((k) => !fb.has(k)),
    missingInA: [...fb.keys()].filter((k) => !fa.has(k)),
    placeholders: both.filter((k) => placeholders(fa.get(k)!).join() !== placeholders(fb.get(k)!).join()),
  };
}
