import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_WEBHOOK_SECRET } from "../playwright.config";
import { e2eDb, startOfAMinute } from "./fixtures";

const sign = (body: string, secret = E2E_WEBHOOK_SECRET) => `sha256=${crypto.createHmac("sha256", secret).update(body).digest("hex")}`;

// The event happened just now (deliveries of events older than PODIUM_WEBHOOK_MAX_AGE_HOURS are refused).
const now = new Date().toISOString();
const payload = JSON.stringify({
  action: "labeled",
  repository: { full_name: "pingcap/pd" },
  issue: {
    number: 77_001,
    title: "PCP: a task labelled through a webhook",
    body: "## Score\n\n- 250",
    state: "open",
    // An author of its own: a GitHub id taking a login renames its old holder, which other specs sign in as.
    user: { login: "e2e-webhook-author", id: 9_700_001, type: "User" },
    labels: [{ name: "challenge-program-2" }],
    created_at: "2020-03-10T00:00:00Z",
    updated_at: now,
  },
});

async function deliveries(id: string) {
  const sql = e2eDb();
  try {
    return (await sql`select status from webhook_deliveries where delivery_id = ${id}`).length;
  } finally {
    await sql.end();
  }
}

test("a webhook with a bad signature is refused with 401 and writes nothing", async ({ request }) => {
  const res = await request.post("/api/webhooks/github", {
    data: payload,
    headers: { "content-type": "application/json", "x-github-event": "issues", "x-github-delivery": "e2e-bad-1", "x-hub-signature-256": sign(payload, "another-secret-entirely") },
  });
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: "bad signature" });
  expect(await deliveries("e2e-bad-1")).toBe(0);
});

test("a signed webhook is stored once, however often it is delivered", async ({ request }) => {
  const headers = { "content-type": "application/json", "x-github-event": "issues", "x-github-delivery": "e2e-good-1", "x-hub-signature-256": sign(payload) };
  const first = await request.post("/api/webhooks/github", { data: payload, headers });
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({ ok: true, tasks: 1 });
  for (let i = 0; i < 2; i++) {
    const again = await request.post("/api/webhooks/github", { data: payload, headers });
    expect(await again.json()).toMatchObject({ duplicate: true });
  }
  const sql = e2eDb();
  try {
    const tasks = await sql`select score, score_source from tasks where number = 77001`;
    expect(tasks.map((t) => [t.score, t.score_source])).toEqual([[250, "body"]]);
  } finally {
    await sql.end();
  }
});

test("a malformed webhook body gets a 400 naming the problem", async ({ request }) => {
  const body = JSON.stringify({ action: "closed", repository: { full_name: "pingcap/pd" }, pull_request: { number: "x" } });
  const res = await request.post("/api/webhooks/github", {
    data: body,
    headers: { "content-type": "application/json", "x-github-event": "pull_request", "x-github-delivery": "e2e-bad-2", "x-hub-signature-256": sign(body) },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toMatch(/pull_request\.number/);
});

test("a replayed delivery of an event older than the bound (72 h) is refused with 422 and writes nothing", async ({ request }) => {
  const old = JSON.stringify({ ...JSON.parse(payload), issue: { ...JSON.parse(payload).issue, number: 77_002, updated_at: new Date(Date.now() - 73 * 3_600_000).toISOString() } });
  const res = await request.post("/api/webhooks/github", {
    data: old,
    headers: { "content-type": "application/json", "x-github-event": "issues", "x-github-delivery": "e2e-stale-1", "x-hub-signature-256": sign(old) },
  });
  expect(res.status()).toBe(422);
  expect((await res.json()).error).toMatch(/^stale delivery: the event is from .*more than 72 h ago/);
  expect(await deliveries("e2e-stale-1")).toBe(0);
  const sql = e2eDb();
  try {
    expect(await sql`select id from tasks where number = 77002`).toEqual([]);
  } finally {
    await sql.end();
  }
});

test("the webhook endpoint answers 429 with Retry-After once a sender passes 600 deliveries a minute", async ({ request }) => {
  // A sender of its own (the address the nearest proxy would append), so other tests keep their budget.
  const headers = { "content-type": "application/json", "x-github-event": "issues", "x-forwarded-for": "203.0.113.60", "x-hub-signature-256": sign(payload, "wrong") };
  await startOfAMinute(25);
  const statuses: number[] = [];
  for (let batch = 0; batch < 601; batch += 50) {
    const size = Math.min(50, 601 - batch);
    const res = await Promise.all(Array.from({ length: size }, (_, i) => request.post("/api/webhooks/github", { data: payload, headers: { ...headers, "x-github-delivery": `e2e-flood-${batch + i}` } })));
    statuses.push(...res.map((r) => r.status()));
  }
  expect(statuses.filter((s) => s === 401)).toHaveLength(600);
  expect(statuses.filter((s) => s === 429)).toHaveLength(1);
  const limited = await request.post("/api/webhooks/github", { data: payload, headers: { ...headers, "x-github-delivery": "e2e-flood-last" } });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).error).toMatch(/too many webhook requests/);
  // Another sender is not affected.
  const other = await request.post("/api/webhooks/github", { data: payload, headers: { ...headers, "x-forwarded-for": "203.0.113.61", "x-github-delivery": "e2e-flood-other" } });
  expect(other.status()).toBe(401);
});
