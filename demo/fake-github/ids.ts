/**
 * Deterministic identifiers: GraphQL node ids, database ids and pagination cursors. Node ids carry what they
 * name (base64url of `repo#number`), so `node(id:)` can find the object again without a lookup table.
 */

/** FNV-1a, 32 bits. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A positive GraphQL `Int` (31 bits) derived from a string. */
export function hashId(text: string): number {
  return (hash32(text) % 2_000_000_000) + 1;
}

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

function unb64(text: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  return Buffer.from(text, "base64url").toString("utf8");
}

export type NodeRef =
  | { kind: "Issue" | "PullRequest"; repo: string; number: number }
  | { kind: "Repository"; repo: string }
  | { kind: "User" | "Bot"; login: string }
  | { kind: "Label"; repo: string; name: string };

const PREFIX = { Issue: "I_", PullRequest: "PR_", Repository: "R_", User: "U_", Bot: "BOT_", Label: "LA_" } as const;

export function nodeId(ref: NodeRef): string {
  switch (ref.kind) {
    case "Issue":
    case "PullRequest":
      return PREFIX[ref.kind] + b64(`${ref.repo}#${ref.number}`);
    case "Repository":
      return PREFIX.Repository + b64(ref.repo);
    case "User":
    case "Bot":
      return PREFIX[ref.kind] + b64(ref.login);
    case "Label":
      return PREFIX.Label + b64(`${ref.repo}:${ref.name}`);
  }
}

export function parseNodeId(id: string): NodeRef | null {
  const m = /^(I|PR|R|U|BOT|LA)_(.+)$/.exec(id);
  const body = m?.[2] === undefined ? null : unb64(m[2]);
  if (m === null || body === null) return null;
  const numbered = /^(.+)#(\d+)$/.exec(body);
  switch (m[1]) {
    case "I":
    case "PR":
      return numbered?.[1] === undefined || numbered[2] === undefined
        ? null
        : { kind: m[1] === "I" ? "Issue" : "PullRequest", repo: numbered[1], number: Number(numbered[2]) };
    case "R":
      return { kind: "Repository", repo: body };
    case "U":
      return { kind: "User", login: body };
    case "BOT":
      return { kind: "Bot", login: body };
    default:
      return null;
  }
}

/**
 * An issue's or pull request's database id: collision-free within a repository (numbers below 10,000,000),
 * repositories spread over 200 bands by their own database id.
 */
export function itemDatabaseId(repoDatabaseId: number, number: number): number {
  return (repoDatabaseId % 200) * 10_000_000 + (number % 10_000_000);
}

/** GitHub-style opaque cursor: base64 of `cursor:<1-based position>`. */
export function encodeCursor(position: number): string {
  return Buffer.from(`cursor:${position}`, "utf8").toString("base64");
}

/** The 1-based position a cursor names, or null when it is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, "base64").toString("utf8");
  const m = /^cursor:(\d{1,9})$/.exec(text);
  return m?.[1] === undefined ? null : Number(m[1]);
}
