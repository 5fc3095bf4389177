/**
 * Who may score (contract, "Season file": bots never score). GitHub reports bots as `login[bot]` (REST,
 * webhooks), as actors whose `__typename` (GraphQL) or `type` (REST) is `Bot` (GraphQL logins then lack the
 * suffix), and a deleted account as a null author (GraphQL) or the `ghost` placeholder user (REST).
 */

export interface Actor {
  login: string | null;
  /** REST `user.type`: `User`, `Bot`, `Organization`. */
  type?: string | null;
  /** GraphQL `Actor.__typename`: `User`, `Bot`, `Mannequin`, `EnterpriseUserAccount`, `Organization`. */
  __typename?: string | null;
}

/** GitHub's placeholder for deleted accounts. */
export const GHOST_LOGIN = "ghost";

/** A bot: `[bot]` login suffix, `Bot` type, or one of `extraBots` (bot accounts that are ordinary users). */
export function isBot(actor: Actor, extraBots: readonly string[] = []): boolean {
  const login = actor.login?.trim().toLowerCase() ?? "";
  if (login.endsWith("[bot]")) return true;
  if (actor.type?.toLowerCase() === "bot" || actor.__typename?.toLowerCase() === "bot") return true;
  return login !== "" && extraBots.some((bot) => bot.trim().toLowerCase() === login);
}

/** A person who can earn points: a known login (not deleted, not `ghost`), not a bot. */
export function isScorableAuthor(actor: Actor | null | undefined, extraBots: readonly string[] = []): boolean {
  if (!actor) return false;
  const login = actor.login?.trim() ?? "";
  return login !== "" && login.toLowerCase() !== GHOST_LOGIN && !isBot(actor, extraBots);
}
