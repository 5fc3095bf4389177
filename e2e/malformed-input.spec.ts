/**
 * Every route of the app, walked with malformed input (issue #13, item 5): a path segment that does not
 * percent-decode gets a 400 with the reason (JSON on /api/*), never a 500; a repeated query parameter gets
 * a 400 naming it on the API and does not crash a page. The routes are read from app/ (every route.ts and
 * page.tsx), so a new route is walked without editing this file.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/** URL templates of every route and page under app/, e.g. "/seasons/[slug]/tasks/[id]". */
function appRoutes(dir = "app", prefix = ""): { template: string; api: boolean }[] {
  const out: { template: string; api: boolean }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_")) continue; // private folders are not routes
      const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`; // route groups add no segment
      out.push(...appRoutes(path.join(dir, entry.name), prefix + segment));
    } else if (/^(route\.ts|page\.tsx)$/.test(entry.name)) {
      out.push({ template: prefix || "/", api: entry.name === "route.ts" && prefix.startsWith("/api") });
    }
  }
  return out;
}

const PLAUSIBLE: Record<string, string> = { slug: "2020-s2", login: "e2e-nobody", id: "1", nextauth: "session" };
const plausible = (segment: string) => segment.replace(/^\[(?:\.\.\.)?(\w+)\]$/, (_, name: string) => PLAUSIBLE[name] ?? "x");
const MALFORMED = ["%E0%A4%A", "%", "%ZZ"];

/** Each way to break one segment of the template: each dynamic segment malformed in turn, or one more segment. */
function malformedPaths(template: string): string[] {
  const segments = template.split("/").slice(1).filter(Boolean);
  const paths: string[] = [];
  for (const bad of MALFORMED) {
    segments.forEach((s, i) => {
      if (/^\[.*\]$/.test(s)) paths.push(`/${segments.map((t, j) => (j === i ? bad : plausible(t))).join("/")}`);
    });
    paths.push(`/${[...segments.map(plausible), bad].join("/")}`);
  }
  return paths;
}

// Every parameter any route or page reads, each given twice.
const REPEATED =
  "limit=1&limit=2&offset=0&offset=1&repo=a/b&repo=c/d&season=2020-s2&season=x&page=1&page=2&view=teams&view=individuals" +
  "&difficulty=easy&difficulty=hard&state=open&state=picked&skill=Rust&skill=Go&module=a&module=b" +
  "&callbackUrl=/&callbackUrl=/map&error=a&error=b&retryAfter=1&retryAfter=2";

const routes = appRoutes();

test("the walk found the app's routes", () => {
  // A floor, not the list: new routes are walked without editing this test.
  expect(routes.length).toBeGreaterThanOrEqual(19);
  expect(routes.map((r) => r.template)).toEqual(expect.arrayContaining(["/u/[login]", "/api/seasons/[slug]/leaderboard", "/api/participants/[login]/badge.svg"]));
});

for (const { template, api } of routes) {
  test(`${template}: a malformed percent-encoded segment gets a 400 with the reason`, async ({ request }) => {
    for (const p of malformedPaths(template)) {
      const res = await request.get(p, { maxRedirects: 0 });
      expect(res.status(), p).toBe(400);
      const text = await res.text();
      if (p.startsWith("/api/")) expect(JSON.parse(text), p).toEqual({ error: expect.stringMatching(/^malformed percent-encoding in the path segment "%/) });
      else expect(text, p).toMatch(/^Bad request: malformed percent-encoding in the path segment "%/);
    }
  });

  test(`${template}: repeated query parameters ${api && !template.startsWith("/api/auth") ? "get a 400 naming one" : "do not crash it"}`, async ({ request }) => {
    const p = `/${template.split("/").filter(Boolean).map(plausible).join("/")}?${REPEATED}`;
    const res = await request.get(p, { maxRedirects: 0 });
    if (api && !template.startsWith("/api/auth")) {
      expect(res.status(), p).toBe(400);
      expect(await res.json()).toEqual({ error: 'the query parameter "limit" is given more than once' });
    } else {
      expect(res.status(), `${p}: ${(await res.text()).slice(0, 300)}`).toBeLessThan(500);
    }
  });
}

test("a malformed percent-encoding in an API query parameter gets a 400, not a 500", async ({ request }) => {
  for (const p of ["/api/seasons/2020-s2/leaderboard?repo=%ZZ", "/api/participants/e2e-nobody/badge.svg?season=%E0%A4%A"]) {
    const res = await request.get(p);
    expect(res.status(), p).toBe(400);
    expect(await res.json(), p).toEqual({ error: expect.any(String) });
  }
});
