import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoProgram } from "@/demo/program/generate";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";

/** The OAuth web flow Auth.js drives, the REST user endpoints, the demo pages, and the CLI entry. */

let fake: FakeGitHub;
const REDIRECT = "http://localhost:3000/api/auth/callback/github";

beforeAll(async () => {
  fake = await startFakeGitHub({ fixture: generateDemoProgram() });
});
afterAll(async () => {
  await fake?.close();
});

function hiddenInputs(form: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    if (m[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2].replace(/&amp;/g, "&").replace(/&quot;/g, '"');
  return out;
}

async function exchange(code: string, accept = "application/json") {
  return fetch(`${fake.url}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: "demo-client", client_secret: "demo-secret", code, redirect_uri: REDIRECT }),
  });
}

describe("fake GitHub OAuth", () => {
  it("signs in as a chosen demo identity and serves that user over REST and GraphQL", async () => {
    const authorize = new URL("/login/oauth/authorize", fake.url);
    authorize.search = new URLSearchParams({ client_id: "demo-client", redirect_uri: REDIRECT, state: "s&t=1", scope: "read:user user:email", response_type: "code" }).toString();
    const pageRes = await fetch(authorize);
    expect(pageRes.status).toBe(200);
    const html = await pageRes.text();
    expect(html).toContain("Sign in to Podium (demo GitHub)");
    const forms = [...html.matchAll(/<form method="post" action="\/login\/oauth\/authorize">[\s\S]*?<\/form>/g)].map((m) => m[0]);
    expect(forms).toHaveLength(fake.fixture.demoIdentities.length);
    for (const identity of fake.fixture.demoIdentities) expect(html).toContain(`Sign in as <strong>${identity.login}</strong>`);
    expect(html).toContain("maintainer of pingcap/pd");

    const chosen = fake.fixture.demoIdentities[1];
    const form = forms[1];
    if (!chosen || !form) throw new Error("the demo has at least two identities");
    const fields = hiddenInputs(form);
    expect(fields).toMatchObject({ client_id: "demo-client", redirect_uri: REDIRECT, state: "s&t=1", login: chosen.login });
    const picked = await fetch(new URL("/login/oauth/authorize", fake.url), {
      method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields),
    });
    expect(picked.status).toBe(302);
    const location = new URL(picked.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get("state")).toBe("s&t=1");
    const code = location.searchParams.get("code") ?? "";
    expect(code).not.toBe("");

    const tokenRes = await exchange(code);
    const token = (await tokenRes.json()) as { access_token: string; token_type: string; scope: string };
    expect(token).toMatchObject({ token_type: "bearer", scope: "read:user,user:email" });

    for (const p of ["/api/v3/user", "/user"]) {
      const user = (await (await fetch(`${fake.url}${p}`, { headers: { authorization: `token ${token.access_token}` } })).json()) as Record<string, unknown>;
      const fixtureUser = fake.fixture.users.find((u) => u.login === chosen.login);
      expect(user).toMatchObject({ login: chosen.login, id: fixtureUser?.databaseId, avatar_url: fixtureUser?.avatarUrl, name: fixtureUser?.name, email: null, type: "User" });
      expect(typeof user.node_id).toBe("string");
      expect(user.html_url).toBe(`${fake.url}/${chosen.login}`);
    }
    const emails = await fetch(`${fake.url}/api/v3/user/emails`, { headers: { authorization: `bearer ${token.access_token}` } });
    // Not `[]`: Auth.js reads `(emails.find(primary) ?? emails[0]).email`.
    const id = fake.fixture.users.find((u) => u.login === chosen.login)?.databaseId;
    expect(await emails.json()).toEqual([{ email: `${id}+${chosen.login}@users.noreply.github.com`, primary: true, verified: true, visibility: null }]);
    const viewer = await fetch(`${fake.url}/graphql`, {
      method: "POST", headers: { authorization: `bearer ${token.access_token}` }, body: JSON.stringify({ query: "{ viewer { login } }" }),
    });
    expect(await viewer.json()).toEqual({ data: { viewer: { login: chosen.login } } });

    // A code works once.
    const again = await exchange(code);
    expect(await again.json()).toMatchObject({ error: "bad_verification_code" });
    const formEncoded = await exchange("not-a-code", "*/*");
    expect(formEncoded.headers.get("content-type")).toMatch(/x-www-form-urlencoded/);
    expect(new URLSearchParams(await formEncoded.text()).get("error")).toBe("bad_verification_code");
  });

  it("refuses unknown tokens on the REST user endpoint", async () => {
    expect((await fetch(`${fake.url}/api/v3/user`, { headers: { authorization: "token nope" } })).status).toBe(401);
    expect(await (await fetch(`${fake.url}/user`)).json()).toMatchObject({ message: "Bad credentials" });
  });

  it("autoLogin redirects at once, and PKCE is checked", async () => {
    const auto = await startFakeGitHub({ fixture: generateDemoProgram(), autoLogin: "cp-organizer" });
    try {
      const verifier = "a-code-verifier-that-is-long-enough-0123456789";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      const signIn = async () => {
        const q = new URLSearchParams({ client_id: "c", redirect_uri: REDIRECT, state: "xyz", code_challenge: challenge, code_challenge_method: "S256" });
        const res = await fetch(`${auto.url}/login/oauth/authorize?${q.toString()}`, { redirect: "manual" });
        expect(res.status).toBe(302);
        const location = new URL(res.headers.get("location") ?? "");
        expect(location.searchParams.get("state")).toBe("xyz");
        return location.searchParams.get("code") ?? "";
      };
      const redeem = async (code: string, codeVerifier: string) => (await (await fetch(`${auto.url}/login/oauth/access_token`, {
        method: "POST", headers: { accept: "application/json", "content-type": "application/json" },
        body: JSON.stringify({ client_id: "c", client_secret: "s", code, code_verifier: codeVerifier }),
      })).json()) as { access_token?: string; error?: string };
      expect((await redeem(await signIn(), "wrong-verifier")).error).toBe("bad_verification_code");
      const token = await redeem(await signIn(), verifier);
      const user = (await (await fetch(`${auto.url}/user`, { headers: { authorization: `bearer ${token.access_token ?? ""}` } })).json()) as { login: string };
      expect(user.login).toBe("cp-organizer");
    } finally {
      await auto.close();
    }
  });

  it("serves the pages that url fields point to", async () => {
    const pr = fake.fixture.pullRequests[0];
    if (!pr) throw new Error("demo has PRs");
    const [owner, name] = pr.repo.split("/");
    const res = await fetch(`${fake.url}/graphql`, {
      method: "POST", headers: { authorization: "token pages" },
      body: JSON.stringify({ query: `{ repository(owner: "${owner}", name: "${name}") { pullRequest(number: ${pr.number}) { url } } }` }),
    });
    const url = ((await res.json()) as { data: { repository: { pullRequest: { url: string } } } }).data.repository.pullRequest.url;
    expect(url).toBe(`${fake.url}/${pr.repo}/pull/${pr.number}`);
    const htmlPage = await fetch(url);
    expect(htmlPage.status).toBe(200);
    expect(await htmlPage.text()).toContain(pr.title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;"));
    expect((await fetch(`${fake.url}/${pr.repo}/issues/999999`)).status).toBe(404);
    expect(await (await fetch(`${fake.url}/`)).text()).toContain("Demo GitHub");
  });
});

describe("fake GitHub CLI", () => {
  it("prints its URL as one JSON line, serves the demo, and stops on SIGTERM", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const child = spawn(process.execPath, ["--import", "tsx", "demo/fake-github/main.ts", "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    try {
      const lines = createInterface({ input: child.stdout });
      const [line] = (await once(lines, "line")) as [string];
      const { url } = JSON.parse(line) as { url: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${url}/graphql`, { method: "POST", headers: { authorization: "token cli" }, body: JSON.stringify({ query: `{ repository(owner: "tikv", name: "tikv") { nameWithOwner } }` }) });
      expect(await res.json()).toEqual({ data: { repository: { nameWithOwner: "tikv/tikv" } } });
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const [codeOrNull] = (await exited) as [number | null];
      expect(codeOrNull).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
