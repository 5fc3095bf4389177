import type { Session } from "next-auth";
import type { Viewer } from "./permissions";

/**
 * What `/api/auth/session` (and `auth()`) return, built field by field: Auth.js hands the session
 * callback the database session itself (`sessionToken`, `userId`) and the whole user row (`email`),
 * and whatever the callback returns is served to page scripts, so nothing is passed through by spread.
 */
export function publicSession(
  session: { expires: Date | string },
  user: { id: string; name?: string | null; image?: string | null },
  viewer: Viewer | null,
): Session {
  const expires = session.expires instanceof Date ? session.expires.toISOString() : session.expires;
  return {
    expires,
    user: {
      id: user.id,
      login: viewer?.login ?? "",
      name: user.name ?? null,
      image: user.image ?? null,
      isAdmin: viewer?.isAdmin ?? false,
      isMaintainer: (viewer?.maintainerOf.length ?? 0) > 0,
    },
  };
}
