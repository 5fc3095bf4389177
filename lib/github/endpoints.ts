import { env } from "@/lib/env";
import { dataSecret } from "@/lib/util/data-secret";

/** Demo mode: the fake GitHub's test-control token (`/_fake/*`), in `.data/demo-github-control-token`. */
export const DEMO_CONTROL_TOKEN_FILE = "demo-github-control-token";

export type GitHubEndpoints = {
  /** Web base (OAuth pages, issue URLs). */
  webUrl: string;
  /** REST base (`/user`). */
  apiUrl: string;
  graphqlUrl: string;
  token: string | null;
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
    return { webUrl: config.githubUrl, apiUrl: config.githubApiUrl, graphqlUrl: config.githubGraphqlUrl, token: config.GITHUB_TOKEN ?? null, demo: false };
  }
  g.__podiumDemoGitHub ??= (async () => {
    const [{ startFakeGitHub }, { generateDemoProgram }] = await Promise.all([import("@/demo/fake-github/server"), import("@/demo/program/generate")]);
    // A stable port (the app's + 1000) keeps stored avatar and profile links working across restarts;
    // when it is taken (say a second CLI), any free port does.
    const preferred = Number(process.env.PODIUM_DEMO_GITHUB_PORT ?? (process.env.PORT ? Number(process.env.PORT) + 1000 : 4000));
    const fixture = generateDemoProgram();
    // Loopback only; its test-control endpoints (`/_fake/*`) want the token only this machine's user can read.
    const options = { fixture, host: "127.0.0.1", localAvatars: true, controlToken: dataSecret(DEMO_CONTROL_TOKEN_FILE) };
    const fake = await startFakeGitHub({ ...options, port: preferred }).catch(() => startFakeGitHub({ ...options, port: 0 }));
    return { url: fake.url, close: fake.close };
  })();
  const { url } = await g.__podiumDemoGitHub;
  return { webUrl: url, apiUrl: `${url}/api/v3`, graphqlUrl: `${url}/graphql`, token: "demo-token", demo: true };
}

export async function stopDemoGitHub(): Promise<void> {
  const running = g.__podiumDemoGitHub;
  g.__podiumDemoGitHub = undefined;
  if (running) await (await running).close();
}
