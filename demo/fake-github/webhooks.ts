import crypto from "node:crypto";
import type { FixtureComment, FixtureIssue, FixturePullRequest } from "@/demo/program/fixture";
import { hashId, nodeId } from "./ids";
import type { FixtureStore } from "./store";

/**
 * The fake's webhooks: what GitHub sends a repository's webhook, in its REST payload shape, signed with the
 * secret (`X-Hub-Signature-256`), each delivery with its own `X-GitHub-Delivery` id and kept so a test can
 * redeliver it as GitHub's "Redeliver" button does (the same id and body).
 */
export type WebhookTarget = { url: string; secret: string };

export type Delivery = { id: string; event: string; body: string; status: number | null; error?: string };

const MAX_KEPT = 500;

export class WebhookSender {
  readonly deliveries: Delivery[] = [];
  target: WebhookTarget | null;

  constructor(target: WebhookTarget | null, private readonly store: FixtureStore) {
    this.target = target;
  }

  private user(login: string | null) {
    if (login === null) return null;
    const known = this.store.user(login);
    const bot = known?.type === "Bot" || login.endsWith("[bot]");
    return { login, id: known?.databaseId ?? hashId(`user:${login.toLowerCase()}`), node_id: `U_${login}`, type: bot ? "Bot" : "User", avatar_url: known?.avatarUrl ?? null };
  }

  /** An issue or pull request as a webhook payload's `issue` describes it. */
  private issueObject(item: FixtureIssue | FixturePullRequest, webUrl: string) {
    const pr = "mergedAt" in item ? item : null;
    const kind = pr ? "pull" : "issues";
    return {
      number: item.number,
      node_id: nodeId({ kind: pr ? "PullRequest" : "Issue", repo: item.repo, number: item.number }),
      html_url: `${webUrl}/${item.repo}/${kind}/${item.number}`,
      title: item.title,
      body: item.body,
      state: item.state === "OPEN" ? "open" : "closed",
      user: this.user(item.author),
      labels: item.labels.map((name) => ({ name })),
      created_at: item.createdAt,
      updated_at: item.updatedAt,
      closed_at: pr ? (pr.mergedAt ?? null) : ((item as FixtureIssue).closedAt ?? null),
      ...(pr ? { pull_request: { merged_at: pr.mergedAt, html_url: `${webUrl}/${item.repo}/pull/${item.number}` } } : {}),
    };
  }

  private repository(repo: string) {
    return { full_name: repo, name: repo.split("/")[1], owner: { login: repo.split("/")[0] } };
  }

  /** `issues` (`opened`, `edited`, `closed`…), as GitHub sends it for a change to an issue. */
  issuePayload(item: FixtureIssue, action: string, webUrl: string) {
    return { action, repository: this.repository(item.repo), issue: this.issueObject(item, webUrl), sender: this.user(item.author) };
  }

  /** `issue_comment` `created`, as GitHub sends it for a comment on an issue or a pull request. */
  commentPayload(item: FixtureIssue | FixturePullRequest, comment: FixtureComment, webUrl: string) {
    const kind = "mergedAt" in item ? "pull" : "issues";
    return {
      action: "created",
      repository: this.repository(item.repo),
      issue: this.issueObject(item, webUrl),
      comment: {
        id: hashId(`comment:${comment.id}`),
        node_id: comment.id,
        body: comment.body,
        user: this.user(comment.author),
        created_at: comment.createdAt,
        updated_at: comment.createdAt,
        html_url: `${webUrl}/${item.repo}/${kind}/${item.number}#issuecomment-${hashId(`comment:${comment.id}`)}`,
      },
    };
  }

  /** Sends an event (nothing when no target is set); answers the delivery with the status the receiver gave. */
  async send(event: string, payload: unknown): Promise<Delivery | null> {
    if (!this.target) return null;
    const delivery: Delivery = { id: crypto.randomUUID(), event, body: JSON.stringify(payload), status: null };
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_KEPT) this.deliveries.shift();
    return this.post(delivery);
  }

  /** Sends a stored delivery again, with its id and body (GitHub's "Redeliver"). */
  async redeliver(id: string): Promise<Delivery | null> {
    const delivery = this.deliveries.find((d) => d.id === id);
    return delivery ? this.post(delivery) : null;
  }

  private async post(delivery: Delivery): Promise<Delivery> {
    const target = this.target;
    if (!target) return delivery;
    const signature = `sha256=${crypto.createHmac("sha256", target.secret).update(delivery.body).digest("hex")}`;
    try {
      const res = await fetch(target.url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "GitHub-Hookshot/fake", "x-github-event": delivery.event, "x-github-delivery": delivery.id, "x-hub-signature-256": signature },
        body: delivery.body,
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
      delivery.status = res.status;
      delete delivery.error;
    } catch (error) {
      delivery.status = 0;
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    return { ...delivery };
  }
}
