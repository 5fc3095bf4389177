/**
 * Who may do what, after the community's governance: admins run the program, maintainers act on
 * their repositories, anyone signed in is a participant. Every server action and mutating route
 * checks this on the server; pages only use it to hide what the user may not do.
 */
export const PERMISSIONS = {
  admin: [
    "season.manage",
    "role.manage",
    "task.score",
    "task.assign",
    "task.mark",
    "points.award",
    "sync.run",
    "audit.read",
    "admin.view",
    "task.pickup",
    "appeal.open",
    "shop.manage",
    "shop.redeem",
    "jobs.view",
    "profile.edit",
    "participant.manage",
  ],
  maintainer: ["task.score", "task.assign", "task.mark", "points.award", "sync.run", "audit.read", "admin.view", "task.pickup", "appeal.open", "shop.redeem", "profile.edit"],
  participant: ["task.pickup", "appeal.open", "shop.redeem", "profile.edit"],
} as const;

export type Role = keyof typeof PERMISSIONS;
export type Permission = (typeof PERMISSIONS)[Role][number];

/** What the server knows of the signed-in user (never sent whole to the client). */
export type Viewer = {
  userId: string;
  participantId: number | null;
  login: string;
  isAdmin: boolean;
  /** Lower-case `owner/name` of the repositories they maintain. */
  maintainerOf: string[];
};

/** Permissions that maintainers hold only for their own repositories. */
const REPO_SCOPED = new Set<Permission>(["task.score", "task.assign", "task.mark", "points.award", "sync.run", "audit.read"]);

/**
 * Whether the viewer holds the permission; for repository-scoped permissions, on this repository
 * (or, with no repository given, on at least one of theirs).
 */
export function can(viewer: Viewer | null, permission: Permission, scope: { repo?: string; repos?: string[] } = {}): boolean {
  if (!viewer) return false;
  if (viewer.isAdmin) return (PERMISSIONS.admin as readonly string[]).includes(permission);
  if ((PERMISSIONS.participant as readonly string[]).includes(permission)) return true;
  if (viewer.maintainerOf.length === 0 || !(PERMISSIONS.maintainer as readonly string[]).includes(permission)) return false;
  if (!REPO_SCOPED.has(permission)) return true;
  const wanted = [...(scope.repo ? [scope.repo] : []), ...(scope.repos ?? [])].map((r) => r.toLowerCase());
  if (wanted.length === 0) return true;
  return wanted.some((r) => viewer.maintainerOf.includes(r));
}
