import { createHash, randomBytes } from "node:crypto";
import type { HttpAnswer } from "./graphql";
import { authorizePage, page } from "./html";
import { hashId, nodeId } from "./ids";
import type { FixtureStore } from "./store";

/**
 * GitHub's OAuth web flow as Auth.js's GitHub provider drives it against a GitHub Enterprise base URL:
 * `GET /login/oauth/authorize` (a page listing the demo identities, or an immediate redirect with `autoLogin`),
 * `POST /login/oauth/authorize` (the chosen identity → 302 to `redirect_uri?code&state`),
 * `POST /login/oauth/access_token` (one-time code → token) and the REST user endpoints.
 */

const CODE_TTL = 10 * 60_000;
const BAD_CODE = {
  error: "bad_verification_code",
  error_description: "The code passed is incorrect or expired.",
  error_uri: "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code",
};

type Pkce = { challenge: string; method: string } | null;
type Grant = { login: string; clientId: string; redirectUri: string; expires: number; used: boolean; pkce: Pkce };

const pkceOf = (challenge: string | null | undefined, method: string | null | undefined): Pkce =>
  challenge ? { challenge, method: method ?? "plain" } : null;

function pkceOk(pkce: Pkce, verifier: string | undefined): boolean {
  if (pkce === null) return true;
  if (verifier === undefined) return false;
  const derived = pkce.method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  return derived === pkce.challenge;
}

const jsonAnswer = (status: number, value: unknown, headers: Record<string, string> = {}): HttpAnswer => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8", ...headers },
  body: JSON.stringify(value),
});

export const BAD_CREDENTIALS = { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" };

export class OAuthServer {
  private readonly grants = new Map<string, Grant>();
  /** Access tokens issued here → login. */
  readonly tokens = new Map<string, string>();

  constructor(private readonly store: FixtureStore, private readonly autoLogin: string | undefined) {}

  /** `GET /login/oauth/authorize` */
  authorizeGet(query: URLSearchParams): HttpAnswer {
    const clientId = query.get("client_id") ?? "";
    const redirectUri = query.get("redirect_uri");
    if (redirectUri === null || !isHttpUrl(redirectUri))
      return page("Redirect URI missing", "<h1>The redirect_uri is missing or not an http(s) URL.</h1>", 400);
    const pkce = pkceOf(query.get("code_challenge"), query.get("code_challenge_method"));
    if (this.autoLogin !== undefined) return this.redirectWithCode(this.autoLogin, clientId, redirectUri, query.get("state"), pkce);
    return authorizePage(this.store.fixture, {
      clientId, redirectUri, state: query.get("state"), scope: query.get("scope"),
      codeChallenge: pkce?.challenge ?? null, codeChallengeMethod: pkce?.method ?? null,
    });
  }

  /** `POST /login/oauth/authorize`: the sign-in page's forms. */
  authorizePost(form: Record<string, string>): HttpAnswer {
    const redirectUri = form.redirect_uri ?? "";
    const login = form.login ?? "";
    if (!isHttpUrl(redirectUri))
      return page("Redirect URI missing", "<h1>The redirect_uri is missing or not an http(s) URL.</h1>", 400);
    const known = this.store.fixture.demoIdentities.some((d) => d.login.toLowerCase() === login.toLowerCase())
      || this.store.user(login)?.type === "User";
    if (!known) return page("Unknown user", "<h1>That user is not part of the demo.</h1>", 400);
    const pkce = pkceOf(form.code_challenge, form.code_challenge_method);
    return this.redirectWithCode(login, form.client_id ?? "", redirectUri, form.state ?? null, pkce);
  }

  private redirectWithCode(login: string, clientId: string, redirectUri: string, state: string | null, pkce: Pkce): HttpAnswer {
    const code = randomBytes(10).toString("hex");
    const user = this.store.user(login);
    this.grants.set(code, { login: user?.login ?? login, clientId, redirectUri, expires: Date.now() + CODE_TTL, used: false, pkce });
    const target = new URL(redirectUri);
    target.searchParams.set("code", code);
    if (state !== null) target.searchParams.set("state", state);
    return { status: 302, headers: { location: target.toString(), "content-type": "text/plain" }, body: "" };
  }

  /** `POST /login/oauth/access_token`: JSON when the client accepts it, form-encoded otherwise (as GitHub). */
  accessToken(params: Record<string, string>, accept: string, basicClientId: string | null): HttpAnswer {
    const wantsJson = accept.includes("json");
    const answer = (value: Record<string, string>): HttpAnswer => wantsJson
      ? jsonAnswer(200, value)
      : { status: 200, headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }, body: new URLSearchParams(value).toString() };
    const grant = this.grants.get(params.code ?? "");
    const clientId = params.client_id ?? basicClientId ?? "";
    const redirectOk = params.redirect_uri === undefined || params.redirect_uri === grant?.redirectUri;
    const clientOk = grant !== undefined && (grant.clientId === "" || clientId === "" || clientId === grant.clientId);
    const fresh = grant !== undefined && !grant.used && grant.expires >= Date.now();
    if (grant === undefined || !fresh || !redirectOk || !clientOk || !pkceOk(grant.pkce, params.code_verifier)) {
      if (grant !== undefined) grant.used = true; // a replayed code is dead for good
      return answer(BAD_CODE);
    }
    grant.used = true;
    const token = `gho_${randomBytes(18).toString("base64url")}`;
    this.tokens.set(token, grant.login);
    return answer({ access_token: token, token_type: "bearer", scope: "read:user,user:email" });
  }

  /** `GET /user` (`/api/v3/user`) and `/user/emails`. */
  restUser(login: string | undefined, emails: boolean, webUrl: string, localAvatars = false): HttpAnswer {
    if (login === undefined) return jsonAnswer(401, BAD_CREDENTIALS);
    const user = this.store.user(login);
    const id = user?.databaseId ?? hashId(`user:${login.toLowerCase()}`);
    const shown = user?.login ?? login;
    // Auth.js reads `(emails.find(primary) ?? emails[0]).email`: an empty list would crash its sign-in, so the
    // fake answers with GitHub's private "noreply" address, as GitHub does for users who hide theirs.
    if (emails) return jsonAnswer(200, [{ email: `${id}+${shown}@users.noreply.github.com`, primary: true, verified: true, visibility: null }]);
    return jsonAnswer(200, {
      login: shown,
      id,
      node_id: nodeId({ kind: "User", login: shown }),
      avatar_url: localAvatars ? `${webUrl}/avatars/${encodeURIComponent(shown)}.svg` : (user?.avatarUrl ?? `https://avatars.githubusercontent.com/u/${id}?v=4`),
      gravatar_id: "",
      url: `${webUrl}/api/v3/users/${shown}`,
      html_url: `${webUrl}/${shown}`,
      type: user?.type ?? "User",
      site_admin: false,
      name: user?.name ?? null,
      company: null,
      blog: "",
      location: null,
      email: null,
      bio: null,
      public_repos: 0,
      followers: 0,
      following: 0,
      created_at: "2012-01-01T00:00:00Z",
      updated_at: "2012-01-01T00:00:00Z",
    });
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}
