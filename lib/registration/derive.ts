/**
 * Teams from sign-up issues (pure). Each author's readable sign-ups, in creation order, are their registration:
 * a sign-up holds from its issue's creation until the same author's next readable one (closing an issue and
 * opening a new one changes the registration from the new issue's creation time; closing alone changes nothing,
 * as the real programs' organisers closed sign-ups once read). Sign-ups are taken in creation order, so one can
 * only be refused or trimmed by an earlier one:
 * - a team name belongs to whoever registered it while their registration names it; the season file's names are
 *   the file's;
 * - a member is in one registered team at a time: someone already in another author's team (or in a team of the
 *   season file) is left out, unless the sign-up is their own, which moves them.
 */
import { parseSignUp, type SignUpProblem } from "./parse";

export type SignUpIssue = { number: number; author: string; title: string; body: string; createdAt: Date };

export type Membership = { login: string; joinedAt: Date; leftAt: Date | null };
export type RegisteredTeam = { name: string; members: Membership[] };

/** Why someone listed was not added: in a team of the season file, or already in another author's team. */
export type Skipped = { login: string; fileTeam: string } | { login: string; team: string; issue: number };
/** Why a team was refused: its name is the season file's, or another author registered it. */
export type Refusal = { fileTeam: string } | { team: string; owner: string; issue: number };

export type SignUpOutcome =
  | { number: number; author: string; kind: "team"; team: string; members: string[]; skipped: Skipped[]; unread: string[] }
  | { number: number; author: string; kind: "individual" }
  | { number: number; author: string; kind: "unreadable"; problems: SignUpProblem[] }
  | { number: number; author: string; kind: "refused"; team: string; why: Refusal };

export type Registration = { teams: RegisteredTeam[]; outcomes: SignUpOutcome[] };

export type RegistrationContext = { titlePrefix: string; fileTeams: { name: string; members: string[] }[] };

const lower = (s: string) => s.toLowerCase();

/** Whether an issue is a sign-up: its title starts with the prefix (any case, leading spaces ignored). */
export const isSignUp = (title: string, prefix: string) => lower(title.trimStart()).startsWith(lower(prefix.trim()));

type Open = { team: string; since: Date; owner: string; issue: number };

class Ledger {
  /** Current membership by login: which team, since when, through whose sign-up. */
  readonly current = new Map<string, Open & { login: string }>();
  /** Team name (lower case) → its current owner and issue. */
  readonly owners = new Map<string, { owner: string; issue: number; name: string }>();
  readonly intervals: { team: string; login: string; joinedAt: Date; leftAt: Date | null }[] = [];

  leave(login: string, at: Date) {
    const c = this.current.get(lower(login));
    if (!c) return;
    this.current.delete(lower(login));
    this.intervals.push({ team: c.team, login: c.login, joinedAt: c.since, leftAt: at });
  }
  join(login: string, open: Open) {
    this.current.set(lower(login), { ...open, login });
  }
  /** The author's previous registration ends: their team's members added by it leave, its name is free. */
  endRegistrationOf(author: string, at: Date, keep: (login: string, team: string) => boolean) {
    for (const c of [...this.current.values()]) if (lower(c.owner) === lower(author) && !keep(c.login, c.team)) this.leave(c.login, at);
    for (const [k, o] of [...this.owners]) if (lower(o.owner) === lower(author)) this.owners.delete(k);
  }
}

/** The registration the season's sign-up issues make. */
export function deriveRegistration(issues: readonly SignUpIssue[], ctx: RegistrationContext): Registration {
  const fileNames = new Set(ctx.fileTeams.map((t) => lower(t.name)));
  const fileMember = new Map(ctx.fileTeams.flatMap((t) => t.members.map((m) => [lower(m), t.name] as const)));
  const ledger = new Ledger();
  const outcomes: SignUpOutcome[] = [];
  const ordered = issues.filter((i) => isSignUp(i.title, ctx.titlePrefix)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number);
  for (const issue of ordered) {
    const { number, author, createdAt: at } = issue;
    const body = parseSignUp(issue.body);
    if (body.kind === "unreadable") {
      outcomes.push({ number, author, kind: "unreadable", problems: body.problems });
      continue;
    }
    if (body.kind === "individual") {
      ledger.endRegistrationOf(author, at, () => false);
      if (ledger.current.get(lower(author))) ledger.leave(author, at);
      outcomes.push({ number, author, kind: "individual" });
      continue;
    }
    const key = lower(body.team);
    const owner = ledger.owners.get(key);
    if (fileNames.has(key) || (owner && lower(owner.owner) !== lower(author))) {
      const why: Refusal = fileNames.has(key) ? { fileTeam: body.team } : { team: owner!.name, owner: owner!.owner, issue: owner!.issue };
      outcomes.push({ number, author, kind: "refused", team: body.team, why });
      continue;
    }
    outcomes.push(registerTeam(ledger, issue, { ...body, members: withAuthor(body.members, author) }, fileMember));
  }
  return { teams: teamsOf(ledger), outcomes };
}

const withAuthor = (members: string[], author: string) => (members.some((m) => lower(m) === lower(author)) ? members : [author, ...members]);

function registerTeam(ledger: Ledger, issue: SignUpIssue, body: { team: string; members: string[]; unread: string[] }, fileMember: Map<string, string>): SignUpOutcome {
  const { number, author, createdAt: at } = issue;
  const listed = new Set(body.members.map(lower));
  // The author's previous sign-up ends here, but whoever stays in the same team keeps their join time.
  ledger.endRegistrationOf(author, at, (login, team) => lower(team) === lower(body.team) && listed.has(lower(login)));
  ledger.owners.set(lower(body.team), { owner: author, issue: number, name: body.team });
  const members: string[] = [];
  const skipped: Skipped[] = [];
  for (const login of body.members) {
    const inFile = fileMember.get(lower(login));
    const now = ledger.current.get(lower(login));
    if (inFile) skipped.push({ login, fileTeam: inFile });
    else if (now && lower(now.team) === lower(body.team)) members.push(login);
    else if (now && lower(login) !== lower(author)) skipped.push({ login, team: now.team, issue: now.issue });
    else {
      ledger.leave(login, at);
      ledger.join(login, { team: body.team, since: at, owner: author, issue: number });
      members.push(login);
    }
  }
  return { number, author, kind: "team", team: body.team, members, skipped, unread: body.unread };
}

/**
 * Each team's members, one stretch per member (the tables hold one): a member who left and came back is counted
 * from their first join to their last leave.
 */
function teamsOf(ledger: Ledger): RegisteredTeam[] {
  const all = [...ledger.intervals, ...[...ledger.current.values()].map((c) => ({ team: c.team, login: c.login, joinedAt: c.since, leftAt: null }))];
  const teams = new Map<string, { name: string; members: Map<string, Membership> }>();
  for (const s of all) {
    // Joined and left at once (a sign-up superseded by its author's next at the same second): no stretch.
    if (s.leftAt !== null && s.leftAt <= s.joinedAt) continue;
    const t = teams.get(lower(s.team)) ?? { name: s.team, members: new Map<string, Membership>() };
    teams.set(lower(s.team), t);
    const m = t.members.get(lower(s.login));
    if (!m) t.members.set(lower(s.login), { login: s.login, joinedAt: s.joinedAt, leftAt: s.leftAt });
    else {
      if (s.joinedAt < m.joinedAt) m.joinedAt = s.joinedAt;
      m.leftAt = m.leftAt === null || s.leftAt === null ? null : s.leftAt > m.leftAt ? s.leftAt : m.leftAt;
    }
  }
  return [...teams.values()].map((t) => ({ name: t.name, members: [...t.members.values()] })).sort((a, b) => a.name.localeCompare(b.name));
}
