/**
 * Who may call which server action: the one table both the integration test (actions called in-process,
 * test/integration/actions-authz.test.ts) and the end-to-end test (actions called over HTTP against the
 * running server, e2e/authz.spec.ts) check against. A new server action in app/_actions needs a row here,
 * or a place in READ_ONLY_ACTIONS; both tests fail otherwise.
 */
import fs from "node:fs";
import path from "node:path";

export const WHO = ["anonymous", "participant", "maintainer of another repo", "maintainer of this repo", "admin"] as const;
export type Who = (typeof WHO)[number];
/** `CONFLICT`: signed in and permitted, but a domain rule refuses this user (an appeal on a PR that is not theirs). */
export type Outcome = "ok" | "UNAUTHENTICATED" | "FORBIDDEN" | "CONFLICT";

/** Server actions that change nothing a user could not (reads, the sign-in round trip, a sync's start). */
export const READ_ONLY_ACTIONS = ["sign-in", "sign-out", "sync-season"] as const;

/** Every server action that changes data, by file name in app/_actions (in the order the tests call them). */
export const MUTATING_ACTIONS = [
  "set-task-score",
  "set-task-per-pr",
  "assign-task",
  "award-points",
  "revoke-entry",
  "grant-role",
  "pick-up-task",
  "give-up-task",
  "save-season",
  "preview-season",
  "open-appeal",
  "answer-appeal",
  "revoke-role",
  "finalize-season",
  "reopen-season",
  "mark-task",
  "unmark-task",
  "save-gift",
  "request-redemption",
  "review-redemption",
  "issue-credits",
  "set-credit-shares",
  "waive-gate",
  "set-privacy",
  "set-locale",
  "set-theme",
] as const;
export type MutatingAction = (typeof MUTATING_ACTIONS)[number];

/** Actions that need a mutating action's rights but only say what would happen: an allowed call writes nothing either. */
export const WHAT_IF_ACTIONS: ReadonlySet<MutatingAction> = new Set<MutatingAction>(["preview-season"]);

/** Actions an anonymous caller may make that keep their choice in a cookie only: an allowed anonymous call writes nothing. */
export const COOKIE_ONLY_WHEN_ANONYMOUS: ReadonlySet<MutatingAction> = new Set<MutatingAction>(["set-locale", "set-theme"]);

/** Anyone signed in. */
const signedIn: Record<Who, Outcome> = { anonymous: "UNAUTHENTICATED", participant: "ok", "maintainer of another repo": "ok", "maintainer of this repo": "ok", admin: "ok" };
/** Maintainers of the object's repository, and admins. */
const taskRule: Record<Who, Outcome> = {
  anonymous: "UNAUTHENTICATED",
  participant: "FORBIDDEN",
  "maintainer of another repo": "FORBIDDEN",
  "maintainer of this repo": "ok",
  admin: "ok",
};
/** Admins only. */
const adminRule: Record<Who, Outcome> = { ...taskRule, "maintainer of this repo": "FORBIDDEN" };

/** The expected outcome of every mutating action for every kind of user. */
export const EXPECTED: Record<MutatingAction, Record<Who, Outcome>> = {
  "set-task-score": taskRule,
  "set-task-per-pr": taskRule,
  "assign-task": taskRule,
  "award-points": taskRule,
  "revoke-entry": taskRule,
  "grant-role": adminRule,
  "pick-up-task": signedIn,
  "give-up-task": signedIn,
  "save-season": adminRule,
  "preview-season": adminRule,
  // The pull request is the seeded author's: every other signed-in user is refused by the rule, not the permission.
  "open-appeal": { anonymous: "UNAUTHENTICATED", participant: "CONFLICT", "maintainer of another repo": "CONFLICT", "maintainer of this repo": "CONFLICT", admin: "CONFLICT" },
  "answer-appeal": taskRule,
  "revoke-role": adminRule,
  "finalize-season": adminRule,
  "reopen-season": adminRule,
  "mark-task": taskRule,
  "unmark-task": taskRule,
  "save-gift": adminRule,
  "request-redemption": signedIn,
  "review-redemption": adminRule,
  "issue-credits": adminRule,
  "set-credit-shares": adminRule,
  "waive-gate": taskRule,
  // The participant's own setting (the form names the participant's own login); admins may change anyone's.
  "set-privacy": { anonymous: "UNAUTHENTICATED", participant: "ok", "maintainer of another repo": "FORBIDDEN", "maintainer of this repo": "FORBIDDEN", admin: "ok" },
  // The header's language switcher: everyone may choose (a cookie); a signed-in user's choice is also stored on them.
  "set-locale": { anonymous: "ok", participant: "ok", "maintainer of another repo": "ok", "maintainer of this repo": "ok", admin: "ok" },
  // The header's theme toggle: the same (a cookie for everyone, stored on a signed-in user).
  "set-theme": { anonymous: "ok", participant: "ok", "maintainer of another repo": "ok", "maintainer of this repo": "ok", admin: "ok" },
};

/** The server actions in app/_actions (file names without `.ts`), sorted. */
export function actionFiles(root = process.cwd()): string[] {
  return fs
    .readdirSync(path.join(root, "app/_actions"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.replace(/\.ts$/, ""))
    .sort();
}

/** The action files that are neither read-only nor in the table (should be none), and table rows with no file (none). */
export function matrixGaps(root = process.cwd()): { missingRows: string[]; missingFiles: string[] } {
  const files = actionFiles(root);
  const readOnly = new Set<string>(READ_ONLY_ACTIONS);
  const rows = new Set<string>(MUTATING_ACTIONS);
  return {
    missingRows: files.filter((a) => !readOnly.has(a) && !rows.has(a)),
    missingFiles: MUTATING_ACTIONS.filter((a) => !files.includes(a)),
  };
}
