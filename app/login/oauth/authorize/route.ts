import { env } from "@/lib/env";
import { githubEndpoints } from "@/lib/github/endpoints";

/**
 * Demo mode behind a proxy: the fake GitHub's sign-in page (its identity picker) on Podium's own public
 * origin, since the fake listens on a loopback port no remote browser reaches. Auth.js sends the browser here
 * when AUTH_URL is set (lib/auth/config.ts); the page's form posts back here (`/login/oauth/authorize`), and
 * the fake's redirect to the OAuth callback is passed on. Outside demo mode: 404.
 */
async function forward(request: Request): Promise<Response> {
  if (!env().demo) return Response.json({ error: "not found" }, { status: 404 });
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > 16_384) return Response.json({ error: "form too large" }, { status: 413 });
  const gh = await githubEndpoints();
  const upstream = await fetch(`${gh.webUrl}/login/oauth/authorize${new URL(request.url).search}`, {
    method: request.method,
    headers: { "content-type": request.headers.get("content-type") ?? "application/x-www-form-urlencoded" },
    body: request.method === "POST" ? (await request.text()).slice(0, 16_384) : undefined,
    redirect: "manual",
  });
  const headers = new Headers({ "content-type": upstream.headers.get("content-type") ?? "text/html; charset=utf-8", "cache-control": "no-store" });
  const location = upstream.headers.get("location");
  if (location) headers.set("location", location);
  return new Response(location ? null : await upstream.text(), { status: upstream.status, headers });
}

export async function GET(request: Request): Promise<Response> {
  return forward(request);
}

export async function POST(request: Request): Promise<Response> {
  return forward(request);
}
