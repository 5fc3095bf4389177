import { z } from "zod";
import { norm } from "@/lib/map/task-modules";
import { COMMUNITY_ROLES, ZLogin, type CommunityRole } from "@/lib/seasons/season-file";

export { COMMUNITY_ROLES, type CommunityRole };

/**
 * Community roles after the governance seed's "Community Membership" (the Developer Group): each role
 * includes the one before it. SIG membership is by invitation and lists the SIGs a member belongs to.
 */

/** At most this many members in one file, and SIGs per member. */
export const MAX_COMMUNITY_MEMBERS = 20_000;
export const MAX_SIGS_PER_MEMBER = 32;

/** Whether `role` is `min` or above it; no role (`null`) is below every role. */
export function roleAtLeast(role: CommunityRole | null | undefined, min: CommunityRole): boolean {
  if (!role) return false;
  return COMMUNITY_ROLES.indexOf(role) >= COMMUNITY_ROLES.indexOf(min);
}

export const ZCommunityRole = z.enum(COMMUNITY_ROLES, {
  error: (issue) =>
    issue.input === undefined
      ? `expected a community role (one of ${COMMUNITY_ROLES.join(", ")})`
      : `unknown community role ${JSON.stringify(issue.input)}; expected one of ${COMMUNITY_ROLES.join(", ")}`,
});

/** A SIG's name as the community writes it: `sig-planner`, `docs` (lower-case letters, digits, dashes). */
export const ZSigName = z
  .string({ error: "expected a SIG name" })
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "expected a SIG name of lower-case letters, digits and dashes (at most 64)" });

export const ZCommunityMember = z.strictObject({
  login: ZLogin,
  role: ZCommunityRole,
  sigs: z
    .array(ZSigName, { error: "expected a list of SIG names" })
    .max(MAX_SIGS_PER_MEMBER, { error: `at most ${MAX_SIGS_PER_MEMBER} SIGs per member` })
    .default([])
    .superRefine((sigs, ctx) => {
      sigs.forEach((s, i) => {
        if (sigs.indexOf(s) !== i) ctx.addIssue({ code: "custom", path: [i], message: `SIG ${s} is listed twice` });
      });
    }),
});
export type CommunityMemberInput = z.output<typeof ZCommunityMember>;

/** The file of `community import`: `[{ "login", "role", "sigs": [...] }]`, each login once (case-insensitive). */
export const ZCommunityFile = z
  .array(ZCommunityMember, { error: "expected a list of members ([{ \"login\", \"role\", \"sigs\" }])" })
  .max(MAX_COMMUNITY_MEMBERS, { error: `at most ${MAX_COMMUNITY_MEMBERS} members` })
  .superRefine((members, ctx) => {
    const seen = new Map<string, number>();
    members.forEach((m, i) => {
      const key = m.login.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: [i, "login"], message: `${m.login} is already listed at [${first}]` });
      else seen.set(key, i);
    });
  });
export type CommunityFile = z.output<typeof ZCommunityFile>;

/** A SIG's members, each with their role, for views (highest role first, then by login). */
export type SigView = { name: string; members: { login: string; role: CommunityRole }[] };

/** The SIGs of these members, by name, members sorted highest role first then by login (case-insensitive). */
export function sigsOf(members: readonly { login: string; role: CommunityRole; sigs: readonly string[] }[]): SigView[] {
  const bySig = new Map<string, { login: string; role: CommunityRole }[]>();
  for (const m of members) {
    for (const sig of m.sigs) {
      const list = bySig.get(sig) ?? [];
      list.push({ login: m.login, role: m.role });
      bySig.set(sig, list);
    }
  }
  const rank = (r: CommunityRole) => COMMUNITY_ROLES.indexOf(r);
  return [...bySig.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, list]) => ({
      name,
      members: list.sort((a, b) => rank(b.role) - rank(a.role) || a.login.toLowerCase().localeCompare(b.login.toLowerCase())),
    }));
}

/** How a role reads on a page. */
export const COMMUNITY_ROLE_LABEL: Record<CommunityRole, string> = {
  contributor: "Contributor",
  "active-contributor": "Active contributor",
  reviewer: "Reviewer",
  committer: "Committer",
  maintainer: "Maintainer",
};

/** The name a SIG gives a module (`sig-planner` → `planner`), to match it as a `sig/planner` label matches a task. */
export const sigSubject = (sig: string) => sig.replace(/^sig-/, "");

/**
 * The SIGs that own a contributor-map module. The map names no owners, so a SIG owns the modules its
 * name names (`sig-planner` owns Planner, `sig-transaction` Transaction), as a `sig/planner` label puts a
 * task in that module (`lib/map/task-modules.ts`); a SIG naming no module owns none.
 */
export function sigsOwningModule(module: { slug: string; name: string }, sigs: readonly SigView[]): SigView[] {
  const names = new Set([norm(module.slug), norm(module.name)]);
  return sigs.filter((s) => names.has(norm(sigSubject(s.name))));
}
