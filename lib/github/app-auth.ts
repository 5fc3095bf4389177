import { createAppAuth } from "@octokit/auth-app";
import { request as octokitRequest } from "@octokit/request";
import type { GitHubAppConfig } from "@/lib/env";
import { redact, registerSecret } from "@/lib/security/redact";
import { GitHubError } from "./client";

/** Where the importer's (and later the bot's) token comes from: a fixed token, or a GitHub App's installation. */
export type TokenSource = {
  /** A token valid for a while yet (an installation token is renewed before it expires). */
  token(): Promise<string>;
  /** A new token now (GitHub refused the current one). */
  refresh(): Promise<string>;
};

export const fixedToken = (token: string): TokenSource => ({ token: async () => token, refresh: async () => token });

type Installation = { id: number; account: { login: string } | null };

/** Renew this long before expiry (GitHub's tokens live an hour), or at half a shorter token's life. */
const RENEW_BEFORE_MS = 5 * 60_000;

/** The installation to use: the one whose account owns most of the repositories, else the only one. */
export function pickInstallation(installations: Installation[], repos: string[]): Installation {
  const owners = repos.map((r) => r.split("/")[0]!.toLowerCase());
  const owning = installations
    .map((i) => ({ i, n: owners.filter((o) => o === i.account?.login.toLowerCase()).length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.i.id - b.i.id);
  if (owning[0]) return owning[0].i;
  if (installations.length === 1) return installations[0]!;
  const accounts = installations.map((i) => i.account?.login ?? `#${i.id}`).join(", ") || "none";
  throw new GitHubError(
    `the GitHub App is installed on ${installations.length === 0 ? "no account" : accounts}, none of which owns ${[...new Set(owners)].join(", ") || "the season's repositories"}: ` +
      "install it on the repositories' owner, or set GITHUB_APP_INSTALLATION_ID",
    "auth",
  );
}

const failure = (what: string, error: unknown) =>
  new GitHubError(`GitHub App authentication failed (${what}): ${redact(error instanceof Error ? error.message : String(error))} — check GITHUB_APP_ID and the private key`, "auth");

/**
 * Installation tokens through `@octokit/auth-app` (it signs the App's RS256 JWT and asks for the token). A token is
 * renewed `RENEW_BEFORE_MS` before it expires (at half its life if it lives shorter); `refresh()` renews at once.
 * Without `installationId`, the installation is found through `GET /app/installations` (`pickInstallation`).
 */
export function installationTokens(input: { app: GitHubAppConfig; apiUrl: string; repos: string[]; now?: () => number }): TokenSource {
  const now = input.now ?? Date.now;
  const request = octokitRequest.defaults({ baseUrl: input.apiUrl.replace(/\/$/, "") });
  const auth = createAppAuth({ appId: input.app.appId, privateKey: input.app.privateKey, request });
  let installationId = input.app.installationId;
  let current: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function findInstallation(): Promise<number> {
    if (installationId !== null) return installationId;
    let installations: Installation[];
    try {
      const { token } = await auth({ type: "app" });
      const answer = await request("GET /app/installations", { headers: { authorization: `bearer ${token}` }, per_page: 100 });
      installations = answer.data as Installation[];
    } catch (error) {
      throw failure("listing the App's installations", error);
    }
    installationId = pickInstallation(installations, input.repos).id;
    return installationId;
  }

  async function renew(): Promise<string> {
    const id = await findInstallation();
    let answer: { token: string; expiresAt: string };
    try {
      answer = await auth({ type: "installation", installationId: id, refresh: true });
    } catch (error) {
      throw failure(`an installation token for installation ${id}`, error);
    }
    registerSecret(answer.token);
    const issued = now();
    const expires = Date.parse(answer.expiresAt);
    current = { token: answer.token, renewAt: expires - Math.min(RENEW_BEFORE_MS, (expires - issued) / 2) };
    return answer.token;
  }

  const single = () => (pending ??= renew().finally(() => (pending = null)));
  return {
    async token() {
      if (current && now() < current.renewAt) return current.token;
      return single();
    },
    refresh: single,
  };
}
