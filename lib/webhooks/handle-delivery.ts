import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { transaction } from "@/db/transaction";
import { webhookDeliveries } from "@/db/schema";
import { ingest } from "@/lib/sync/ingest";
import type { ZodError } from "zod";
import type { IngestBatch } from "@/lib/sync/types";
import { formatIssues } from "@/lib/util/zod-errors";
import { staleness } from "./event-time";
import { commandsFromComment, issueFromEvent, pullFromComment, pullFromEvent, ZIssueCommentEvent, ZIssuesEvent, ZPullRequestEvent } from "./payloads";
import { runCommentCommands, type IssueComments } from "@/lib/bot/comment-commands";
import type { BotCommentsMode } from "@/lib/bot/post";
import { registrationFromIssues } from "@/lib/registration/apply";

export type DeliveryResult =
  | { status: 200; body: { ok: true; event: string; duplicate?: true; ignored?: true; tasks?: number; pullRequests?: number; entries?: number } }
  | { status: 400 | 422; body: { error: string } };

const HANDLED_ISSUE_ACTIONS = new Set(["opened", "edited", "labeled", "unlabeled", "closed", "reopened", "transferred"]);

/** The batch a delivery carries, or null when the event is not one the importer uses. */
export function batchOf(event: string, payload: unknown): { batch: IngestBatch; commands?: IssueComments } | { ignored: true } | { invalid: string } {
  const invalid = (error: ZodError) => ({ invalid: formatIssues(error).slice(0, 5).join("; ") });
  if (event === "pull_request") {
    const r = ZPullRequestEvent.safeParse(payload);
    if (!r.success) return invalid(r.error);
    return { batch: { issues: [], pullRequests: [pullFromEvent(r.data)] } };
  }
  if (event === "issues") {
    const r = ZIssuesEvent.safeParse(payload);
    if (!r.success) return invalid(r.error);
    if (!HANDLED_ISSUE_ACTIONS.has(r.data.action)) return { ignored: true };
    return { batch: { issues: [issueFromEvent(r.data)], pullRequests: [] } };
  }
  if (event === "issue_comment") {
    const r = ZIssueCommentEvent.safeParse(payload);
    if (!r.success) return invalid(r.error);
    if (r.data.action !== "created" && r.data.action !== "edited") return { ignored: true };
    const pull = pullFromComment(r.data);
    if (pull) return { batch: { issues: [], pullRequests: [pull] } };
    // A comment on an issue: the issue as the payload describes it, and the comment, which may be a command.
    if (r.data.action !== "created") return { ignored: true };
    return { batch: { issues: [issueFromEvent(r.data)], pullRequests: [] }, commands: commandsFromComment(r.data) };
  }
  return { ignored: true };
}

/**
 * Handles one verified delivery: at most once per delivery id (a redelivery of a handled one does
 * nothing; a failed one may be retried), written in the importer's own transaction.
 */
export async function handleDelivery(
  db: Db,
  input: { deliveryId: string; event: string; payload: unknown; webBase?: string; maxAgeMs?: number; now?: number; botComments?: BotCommentsMode },
): Promise<DeliveryResult> {
  const parsed = batchOf(input.event, input.payload);
  if ("invalid" in parsed) return { status: 400, body: { error: `invalid ${input.event} payload: ${parsed.invalid}` } };
  // A replayed old delivery (its id is not signed) must not write an old state; the next sync has the current one.
  const age = "ignored" in parsed ? { stale: false as const } : staleness(input.payload, input.now ?? Date.now(), input.maxAgeMs ?? 0);
  if (age.stale) {
    const hours = Math.round((input.maxAgeMs ?? 0) / 3_600_000);
    return { status: 422, body: { error: `stale delivery: the event is from ${age.at.toISOString()}, more than ${hours} h ago; the next sync imports the current state` } };
  }

  try {
    // The claim and the import commit together: a process that dies in between leaves no claim behind,
    // so GitHub's redelivery is imported instead of being answered "duplicate".
    return await transaction(db, async (tx) => {
      const claimed = await tx
        .insert(webhookDeliveries)
        .values({ deliveryId: input.deliveryId, event: input.event, status: "processing" })
        .onConflictDoUpdate({
          target: webhookDeliveries.deliveryId,
          set: { status: "processing", receivedAt: sql`now()` },
          setWhere: eq(webhookDeliveries.status, "failed"),
        })
        .returning({ id: webhookDeliveries.deliveryId });
      if (claimed.length === 0) return { status: 200 as const, body: { ok: true as const, event: input.event, duplicate: true as const } };
      const done = (status: "done" | "ignored") => tx.update(webhookDeliveries).set({ status }).where(eq(webhookDeliveries.deliveryId, input.deliveryId));
      if ("ignored" in parsed) {
        await done("ignored");
        return { status: 200 as const, body: { ok: true as const, event: input.event, ignored: true as const } };
      }
      const counts = await ingest(tx, parsed.batch, { webBase: input.webBase, botComments: input.botComments, now: new Date(input.now ?? Date.now()) });
      // A comment command commits with the claim: a redelivery finds both and does nothing.
      // A sign-up issue of a season's registration (`lib/registration`): its teams, with the claim too.
      if (input.event === "issues") await registrationFromIssues(tx, parsed.batch.issues, { mode: input.botComments ?? "off", now: new Date(input.now ?? Date.now()) });
      if (parsed.commands) await runCommentCommands(tx, [parsed.commands], { mode: input.botComments ?? "off", now: new Date(input.now ?? Date.now()) });
      await done("done");
      return { status: 200 as const, body: { ok: true as const, event: input.event, tasks: counts.tasks, pullRequests: counts.pullRequests, entries: counts.entries } };
    });
  } catch (error) {
    // Nothing of the delivery was written; the failure is recorded (a redelivery may retry it).
    await db
      .insert(webhookDeliveries)
      .values({ deliveryId: input.deliveryId, event: input.event, status: "failed" })
      .onConflictDoUpdate({ target: webhookDeliveries.deliveryId, set: { status: "failed" }, setWhere: eq(webhookDeliveries.status, "processing") })
      .catch(() => {});
    throw error;
  }
}
