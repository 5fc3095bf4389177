import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";
import { getDb } from "@/db";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { env } from "@/lib/env";
import { githubEndpoints } from "@/lib/github/endpoints";
import { sameOriginRedirect } from "./redirect";
import { authLogger } from "./logger";
import { publicSession } from "./public-session";
import { authSecret } from "./secret";
import { linkParticipant, loadViewer } from "./viewer";

declare module "next-auth" {
  /** What a page may know of the signed-in user: no tokens, no internal ids beyond the user's own. */
  interface Session {
    user: {
      id: string;
      login: string;
      name: string | null;
      image: string | null;
      isAdmin: boolean;
      isMaintainer: boolean;
    };
  }
}

type GitHubProfile = { id: number; login: string; name?: string | null; avatar_url?: string | null };
const isGitHubProfile = (p: unknown): p is GitHubProfile =>
  typeof p === "object" && p !== null && typeof (p as GitHubProfile).id === "number" && typeof (p as GitHubProfile).login === "string";

/** Auth.js configuration, built per request so the database and (in demo mode) the fake GitHub are ready. */
export async function authConfig(): Promise<NextAuthConfig> {
  const db = await getDb();
  const gh = await githubEndpoints();
  const config = env();
  const enterprise = gh.demo || new URL(gh.webUrl).host !== "github.com" ? { baseUrl: gh.webUrl } : undefined;
  return {
    adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }),
    providers: [
      GitHub({
        clientId: config.AUTH_GITHUB_ID ?? "podium-demo",
        clientSecret: config.AUTH_GITHUB_SECRET ?? "podium-demo-secret",
        enterprise,
        // Demo mode with a public URL: the fake's sign-in page through Podium's origin (app/login/oauth/authorize).
        ...(gh.demo && config.AUTH_URL ? { authorization: { url: `${new URL(config.AUTH_URL).origin}/login/oauth/authorize` } } : {}),
      }),
    ],
    session: { strategy: "database", maxAge: 30 * 24 * 3600 },
    secret: authSecret(),
    // The origin comes from AUTH_URL, else from the request (X-Forwarded-* only from PODIUM_TRUSTED_PROXIES:
    // scripts/server.ts drops them from anyone else); with AUTH_URL, `__Secure-` cookies follow its scheme.
    trustHost: true,
    ...(config.AUTH_URL ? { useSecureCookies: new URL(config.AUTH_URL).protocol === "https:" } : {}),
    pages: { signIn: "/signin" },
    logger: authLogger,
    callbacks: {
      // Only same-origin callback URLs: an attacker's link cannot bounce a signed-in user elsewhere.
      redirect: ({ url, baseUrl }) => sameOriginRedirect(url, baseUrl),
      // Field by field: the session Auth.js passes in holds the session token itself (see public-session.ts).
      async session({ session, user }) {
        return publicSession(session, user, await loadViewer(db, user.id));
      },
    },
    events: {
      async signIn({ user, profile }) {
        if (user.id && isGitHubProfile(profile)) await linkParticipant(db, user.id, profile);
      },
    },
  };
}
