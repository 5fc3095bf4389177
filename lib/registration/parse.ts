/**
 * Reading a sign-up issue's body (pure). The real programs' template had `Team: <name>` and
 * `Members: @a @b @c` lines; people also wrote them as Markdown (`**Team**: x`, `- Members: …`), with a
 * full-width colon, commas, or one member per bullet line under `Members:`. What cannot be read is said, never
 * guessed: a member written without `@` is reported, not taken.
 */

/** GitHub's login rule: letters, digits and single hyphens, at most 39 characters. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
export const TEAM_NAME_MAX = 100;

/** What keeps a sign-up from being read (the bot says it in the season's language: `lib/registration/replies.ts`). */
export type SignUpProblem = "noTeamLine" | "emptyTeam" | "longTeam" | "noMembersLine" | "noMembers";

export type SignUpBody =
  | { kind: "team"; team: string; members: string[]; unread: string[] }
  | { kind: "individual" }
  | { kind: "unreadable"; problems: SignUpProblem[] };

/** `Team: x`, `**Team name**：x`, `- Members: …` → the key and the rest of the line. */
function keyLine(line: string): { key: "team" | "members"; rest: string } | null {
  const m = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(team(?:\s+name)?|members?)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?(.*)$/i.exec(line);
  if (!m) return null;
  return { key: m[1]!.toLowerCase().startsWith("team") ? "team" : "members", rest: m[2]!.trim() };
}

/** The words of a members line or bullet: `@a, @b 和 @c` → `@a`, `@b`, `@c`. */
function words(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((w) => w.replace(/^[`"'*_]+|[`"'*_.。]+$/g, ""))
    .filter((w) => w !== "" && !/^(and|&|和|以及)$/i.test(w));
}

function readMembers(lines: string[], start: number, rest: string): { members: string[]; unread: string[] } {
  const tokens = words(rest);
  // One member per bullet line below `Members:`, until a blank line or the next key.
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "" || keyLine(line)) break;
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    if (!bullet) break;
    tokens.push(...words(bullet[1]!));
  }
  const members: string[] = [];
  const unread: string[] = [];
  for (const t of tokens) {
    const login = t.startsWith("@") ? t.slice(1) : null;
    if (login !== null && LOGIN.test(login)) {
      if (!members.some((m) => m.toLowerCase() === login.toLowerCase())) members.push(login);
    } else unread.push(t);
  }
  return { members, unread };
}

/** The team and members a sign-up names; a sign-up naming neither registers its author alone. */
export function parseSignUp(body: string): SignUpBody {
  // Quoted lines and code blocks are someone else's words or an example.
  const lines: string[] = [];
  let fenced = false;
  for (const line of body.replace(/<!--[\s\S]*?-->/g, "").split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && !/^\s*>/.test(line)) lines.push(line);
  }
  let team: string | null = null;
  let found: { members: string[]; unread: string[] } | null = null;
  for (const [i, line] of lines.entries()) {
    const k = keyLine(line);
    if (k?.key === "team" && team === null) team = k.rest.replace(/^[`"'“”]+|[`"'“”]+$/g, "").trim();
    if (k?.key === "members" && found === null) found = readMembers(lines, i, k.rest);
  }
  if (team === null && found === null) return { kind: "individual" };
  const problems: SignUpProblem[] = [];
  if (team === null) problems.push("noTeamLine");
  else if (team === "") problems.push("emptyTeam");
  else if (team.length > TEAM_NAME_MAX) problems.push("longTeam");
  if (found === null) problems.push("noMembersLine");
  else if (found.members.length === 0) problems.push("noMembers");
  if (problems.length > 0 || team === null || found === null) return { kind: "unreadable", problems };
  return { kind: "team", team, members: found.members, unread: found.unread };
}
