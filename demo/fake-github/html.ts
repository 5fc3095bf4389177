import type { Fixture } from "@/demo/program/fixture";
import type { HttpAnswer } from "./graphql";
import type { FixtureStore } from "./store";

/** Small server-rendered pages: the sign-in page, and the issue / pull request / user pages demo links point to. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2328}
button{font:inherit;padding:.5rem 1rem;margin:.25rem 0;cursor:pointer;border:1px solid #8c959f;border-radius:6px;background:#f6f8fa}
button:focus-visible{outline:3px solid #0969da;outline-offset:2px}ul{list-style:none;padding:0}pre{white-space:pre-wrap;background:#f6f8fa;padding:1rem}
.note{color:#59636e}`;

export function page(title: string, body: string, status = 200): HttpAnswer {
  const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>\n`;
  return { status, headers: { "content-type": "text/html; charset=utf-8" }, body: html };
}

export type AuthorizeParams = {
  clientId: string; redirectUri: string; state: string | null; scope: string | null;
  codeChallenge: string | null; codeChallengeMethod: string | null;
};

export function authorizePage(fixture: Fixture, p: AuthorizeParams): HttpAnswer {
  const identities = fixture.demoIdentities.length > 0
    ? fixture.demoIdentities
    : fixture.users.filter((u) => u.type === "User").map((u) => ({ login: u.login, role: "participant" as const, repo: undefined }));
  const hidden = (name: string, value: string | null) =>
    value === null ? "" : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const items = identities.map((d) => {
    const who = `${d.role}${d.repo ? ` of ${d.repo}` : ""}`;
    return `<li><form method="post" action="/login/oauth/authorize">` +
      hidden("client_id", p.clientId) + hidden("redirect_uri", p.redirectUri) + hidden("state", p.state) +
      hidden("scope", p.scope) + hidden("code_challenge", p.codeChallenge) +
      hidden("code_challenge_method", p.codeChallengeMethod) + hidden("login", d.login) +
      `<button type="submit">Sign in as <strong>${escapeHtml(d.login)}</strong> <span class="note">(${escapeHtml(who)})</span></button>` +
      `</form></li>`;
  });
  return page("Sign in to Podium (demo GitHub)",
    `<h1>Sign in to Podium (demo GitHub)</h1>` +
    `<p class="note">This is a local stand-in for GitHub used in demo mode: pick who you want to be. No password is needed.</p>` +
    `<ul aria-label="Demo identities">${items.join("")}</ul>`);
}

export function homePage(fixture: Fixture): HttpAnswer {
  const repos = fixture.repos.map((r) => `<li><a href="/${escapeHtml(r.nameWithOwner)}">${escapeHtml(r.nameWithOwner)}</a></li>`);
  return page("Demo GitHub",
    `<h1>Demo GitHub</h1><p class="note">A local fake of GitHub serving Podium's demo program ` +
    `(${fixture.issues.length} issues, ${fixture.pullRequests.length} pull requests).</p><ul>${repos.join("")}</ul>`);
}

export function itemPage(store: FixtureStore, repo: string, kind: "issues" | "pull", number: number): HttpAnswer | null {
  const r = store.repo(repo);
  const item = kind === "issues" ? r?.issueByNumber.get(number) : r?.pullRequestByNumber.get(number);
  if (r === undefined || item === undefined) return null;
  const nwo = r.repo.nameWithOwner;
  const state = item.state.toLowerCase();
  const labels = item.labels.length > 0 ? `<p>Labels: ${item.labels.map(escapeHtml).join(", ")}</p>` : "";
  const comments = item.comments
    ? item.comments.map((c) => `<article><h3>${escapeHtml(c.author ?? "ghost")} <span class="note">${c.createdAt}</span></h3><pre>${escapeHtml(c.body)}</pre></article>`).join("")
    : "";
  return page(`${item.title} · ${nwo}#${number}`,
    `<p><a href="/${escapeHtml(nwo)}">${escapeHtml(nwo)}</a></p><h1>${escapeHtml(item.title)} <span class="note">#${number}</span></h1>` +
    `<p>${kind === "pull" ? "Pull request" : "Issue"} · ${state} · opened ${item.createdAt} by ${escapeHtml(item.author ?? "ghost")}</p>` +
    `${labels}<pre>${escapeHtml(item.body)}</pre>${comments}`);
}

export function repoPage(store: FixtureStore, repo: string): HttpAnswer | null {
  const r = store.repo(repo);
  if (r === undefined) return null;
  const nwo = r.repo.nameWithOwner;
  const link = (kind: "issues" | "pull", n: number, title: string) =>
    `<li><a href="/${escapeHtml(nwo)}/${kind}/${n}">#${n}</a> ${escapeHtml(title)}</li>`;
  return page(nwo, `<h1>${escapeHtml(nwo)}</h1><p>${escapeHtml(r.repo.description)}</p>` +
    `<h2>Issues</h2><ul>${r.issues.slice(-50).reverse().map((i) => link("issues", i.number, i.title)).join("")}</ul>` +
    `<h2>Pull requests</h2><ul>${r.pullRequests.slice(-50).reverse().map((p) => link("pull", p.number, p.title)).join("")}</ul>`);
}

export function userPage(store: FixtureStore, login: string): HttpAnswer | null {
  const u = store.user(login);
  if (u === undefined) return null;
  return page(u.login, `<h1>${escapeHtml(u.name ?? u.login)}</h1><p>@${escapeHtml(u.login)}</p>` +
    `<img src="${escapeHtml(u.avatarUrl)}" alt="" width="96" height="96">`);
}
