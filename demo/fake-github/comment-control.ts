import { z } from "zod";
import { ZLogin, ZRepoName } from "@/lib/seasons/season-file";
import { addItemComment } from "./comments";
import type { HttpAnswer } from "./graphql";
import type { FixtureStore } from "./store";
import type { WebhookSender } from "./webhooks";

/**
 * Control endpoints (behind the control token) for what people do on GitHub and what GitHub then sends:
 * `POST /_fake/comment` (a participant comments; the `issue_comment` webhook goes out before the answer),
 * `GET /_fake/comments?repo=&number=` (an issue's comments, the bot's replies among them),
 * `POST /_fake/webhook` (where webhooks go, and their secret), `GET /_fake/deliveries`, `POST /_fake/redeliver`.
 */
const ZComment = z.strictObject({ repo: ZRepoName, number: z.int().positive(), author: ZLogin, body: z.string().min(1).max(65_536) });
const ZTarget = z.strictObject({ url: z.url(), secret: z.string().min(1).max(200) }).nullable();
const ZRedeliver = z.strictObject({ id: z.string().min(1).max(100) });

const json = (status: number, value: unknown): HttpAnswer => ({ status, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(value) });

function parsed<S extends z.ZodType>(schema: S, body: string): { ok: true; data: z.infer<S> } | { ok: false; answer: HttpAnswer } {
  let input: unknown;
  try {
    input = body === "" ? null : JSON.parse(body);
  } catch {
    return { ok: false, answer: json(400, { error: "the body is not JSON" }) };
  }
  const r = schema.safeParse(input);
  if (!r.success) return { ok: false, answer: json(400, { error: r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }) };
  return { ok: true, data: r.data };
}

export async function commentControl(
  request: { method: string; path: string; url: URL; body: string },
  deps: { store: FixtureStore; webhooks: WebhookSender; webUrl: string },
): Promise<HttpAnswer | null> {
  const { method, path, url, body } = request;
  if (path === "/_fake/comment" && method === "POST") {
    const p = parsed(ZComment, body);
    if (!p.ok) return p.answer;
    const done = addItemComment(deps.store, p.data.repo, p.data.number, p.data.author, p.data.body);
    if (!done) return json(404, { error: `no issue or pull request ${p.data.repo}#${p.data.number}` });
    const delivery = await deps.webhooks.send("issue_comment", deps.webhooks.commentPayload(done.item, done.comment, deps.webUrl));
    return json(200, { id: done.comment.id, delivery: delivery && { id: delivery.id, status: delivery.status } });
  }
  if (path === "/_fake/comments" && method === "GET") {
    const r = deps.store.repo(url.searchParams.get("repo") ?? "");
    const number = Number(url.searchParams.get("number"));
    const item = r?.issueByNumber.get(number) ?? r?.pullRequestByNumber.get(number);
    if (!item) return json(404, { error: "no such issue or pull request" });
    return json(200, { comments: item.comments ?? [] });
  }
  if (path === "/_fake/webhook" && method === "POST") {
    const p = parsed(ZTarget, body);
    if (!p.ok) return p.answer;
    deps.webhooks.target = p.data;
    return json(200, { ok: true });
  }
  if (path === "/_fake/deliveries" && method === "GET") {
    return json(200, { deliveries: deps.webhooks.deliveries.map((d) => ({ id: d.id, event: d.event, status: d.status })) });
  }
  if (path === "/_fake/redeliver" && method === "POST") {
    const p = parsed(ZRedeliver, body);
    if (!p.ok) return p.answer;
    const again = await deps.webhooks.redeliver(p.data.id);
    return again ? json(200, { id: again.id, status: again.status }) : json(404, { error: "no such delivery" });
  }
  return null;
}
