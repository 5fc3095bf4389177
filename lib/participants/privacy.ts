/**
 * Privacy (#19): a participant may hide themselves from public rankings and the public API. Pure: who sees a
 * hidden participant, and what a public ranking row of one shows instead of their name.
 */

/** What public rankings show in place of a hidden participant's login and name. */
export const ANONYMOUS_LABEL = "a participant";

/** Who sees a hidden participant as themselves: admins, and the participant. */
export function seesHidden(viewer: { login: string; isAdmin: boolean } | null, login: string): boolean {
  return viewer !== null && (viewer.isAdmin || viewer.login.toLowerCase() === login.toLowerCase());
}

type Identified = { login: string; name: string | null; avatarUrl: string | null; hidden: boolean };

/**
 * A ranking row as a viewer may see it: a hidden participant's login, name, avatar and team are taken out
 * (`login: null`); points, tasks and rank stay. Everyone else's row is unchanged.
 */
export function anonymized<T extends Identified & { team?: string | null }>(
  row: T,
  viewer: { login: string; isAdmin: boolean } | null,
): Omit<T, "login"> & { login: string | null } {
  if (!row.hidden || seesHidden(viewer, row.login)) return row;
  return { ...row, login: null, name: null, avatarUrl: null, ...("team" in row ? { team: null } : {}) };
}
