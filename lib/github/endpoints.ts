import { env, type GitHubAppConfig } from "@/lib/env";
import { dataSecret } from "@/lib/util/data-secret";
import { fixedToken, installationTokens, type TokenSource } from "./app-auth";
import { createGitHubClient, GitHubError, type GitHubClientOptions } from "./client";

/** Demo mode: the fake GitHub's test-control token (`/_fake/*`), in `.data/demo-github-control-token`. */
export const DEMO_CONTROL_TOKEN_FILE = "demo-github-control-token";

export type GitHubEndpoints = {
  /** Web base (OAuth pages, issue URLs). */
  webUrl: string;
  /** REST base (`/user`). */
  apiUrl: string;
  graphqlUrl: string;
  token: string | null;
  /** Set: imports and bot comments authenticate as this GitHub App (installation tokens) instead of `token`. */
  app: GitHubAppConfig | null;
  demo: boolean;
};

const g = globalThis as unknown as { __podiumDemoGitHub?: Promise<{ url: string; close: () => Promise<void> }> };

/**
 * In demo mode, the built-in fake GitHub (started once per process, on a free loopback port) serves
 * OAuth and GraphQL from the demo program (its `/_fake/*` control endpoints need the token in
 * `.data/demo-github-control-token`); otherwise GitHub (or GitHub Enterprise Server) as configured.
 * Demo and production share every other code path.
 */
export async function githubEndpoints(): Promise<GitHubEndpoints> {
  const config = env();
  if (!config.demo) {
    return { webUrl: config.githubUrl, apiUrl: config.githubApiUrl, graphqlUrl: config.githubGraphqlUrl, token: config.GITHUB_TOKEN ?? null, app: config.githubApp, demo: false };
  }
  g.__podiumDemoGitHub ??= (async () => {
    const [{ startFakeGitHub }, { generateDemoProgram }] = await Promise.all([import("@/demo/fake-github/server"), import("@/demo/program/generate")]);
    // A stable port (the app's + 1000) keeps stored avatar and profile links working across restarts;
    // when it is taken (say a second CLI), any free port does.
    const preferred = Number(process.env.PODIUM_DEMO_GITHUB_PORT ?? (process.env.PORT ? Number(process.env.PORT) + 1000 : 4000));
    const fixture = generateDemoProgram();
    // Loopback only; its test-control endpoints (`/_fake/*`) want the token only this machine's user can read.
    // With a webhook secret set, the fake sends its webhooks (a comment written on it) to this server, as GitHub would.
    const webhook = config.GITHUB_WEBHOOK_SECRET ? { url: `http://127.0.0.1:${process.env.PORT ?? "3000"}/api/webhooks/github`, secret: config.GITHUB_WEBHOOK_SECRET } : undefined;
    const options = { fixture, host: "127.0.0.1", localAvatars: true, controlToken: dataSecret(DEMO_CONTROL_TOKEN_FILE), webhook };
    const fake = await startFakeGitHub({ ...options, port: preferred }).catch(() => startFakeGitHub({ ...options, port: 0 }));
    return { url: fake.url, close: fake.close };
  })();
  const { url } = await g.__podiumDemoGitHub;
  return { webUrl: url, apiUrl: `${url}/api/v3`, graphqlUrl: `${url}/graphql`, token: "demo-token", app: null, demo: true };
}

/** Sources of installation tokens, one per App installation choice (the repositories decide when no id is set). */
const sources = new Map<string, TokenSource>();

/**
 * The credential for GitHub's API, decided in one place: the GitHub App's installation tokens when `GITHUB_APP_ID`
 * is set (renewed before they expire; the installation found from the repositories' owner unless
 * `GITHUB_APP_INSTALLATION_ID` names it), otherwise `GITHUB_TOKEN`.
 */
export function githubCredential(gh: GitHubEndpoints, repos: string[] = []): TokenSource {
  if (gh.app) {
    const owners = gh.app.installationId === null ? [...new Set(repos.map((r) => r.split("/")[0]!.toLowerCase()))].sort().join(",") : "";
    const key = `${gh.apiUrl}|${gh.app.appId}|${gh.app.installationId ?? owners}`;
    let source = sources.get(key);
    if (!source) sources.set(key, (source = installationTokens({ app: gh.app, apiUrl: gh.apiUrl, repos })));
    return source;
  }
  if (!gh.token) throw new GitHubError("no GitHub credential: set GITHUB_TOKEN, or GITHUB_APP_ID with its private key", "auth");
  return fixedToken(gh.token);
}

/** The importer's GraphQL client with the configured credential (see `githubCredential`). */
export function githubClient(gh: GitHubEndpoints, repos: string[], options: Omit<GitHubClientOptions, "url" | "token"> = {}) {
  const credential = githubCredential(gh, repos);
  return createGitHubClient({ ...options, url: gh.graphqlUrl, token: gh.app ? credential : gh.token! });
}

export async function stopDemoGitHub(): Promise<void> {
  const running = g.__podiumDemoGitHub;
  g.__podiumDemoGitHub = undefined;
  if (running) await (await running).close();
}
