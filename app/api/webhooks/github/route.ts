import { getDb } from "@/db";
import { env } from "@/lib/env";
import { githubEndpoints } from "@/lib/github/endpoints";
import { readBodyText } from "@/lib/http/read-body";
import { webhookLimiter } from "@/lib/security/limiters";
import { clientKey, tooManyRequests } from "@/lib/security/rate-limit";
import { handleDelivery } from "@/lib/webhooks/handle-delivery";
import { verifySignature } from "@/lib/webhooks/verify";
import { errorText } from "@/lib/security/redact";

export const dynamic = "force-dynamic";

/**
 * GitHub does not deliver payloads over 25 MB, so no legitimate delivery is larger; the cap holds while the
 * body is read, before the signature check (the sender is unknown until then).
 */
export const WEBHOOK_MAX_BODY = 25 * 1024 * 1024;
const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

/**
 * GitHub webhooks: pull_request, issues, issue_comment. Rate-limited per sender, HMAC-verified, refused when
 * the event is older than PODIUM_WEBHOOK_MAX_AGE_HOURS; each delivery handled once.
 */
export async function POST(request: Request) {
  const secret = env().GITHUB_WEBHOOK_SECRET;
  if (!secret) return json(403, { error: "webhooks are not configured (GITHUB_WEBHOOK_SECRET is unset)" });
  const limited = await webhookLimiter().take(clientKey(request.headers));
  if (!limited.ok) return tooManyRequests(limited.retryAfterSeconds, "webhook");
  const read = await readBodyText(request, WEBHOOK_MAX_BODY);
  if (!read.ok) return read.response;
  const body = read.text;
  if (!verifySignature(secret, body, request.headers.get("x-hub-signature-256"))) {
    return json(401, { error: "bad signature" });
  }
  const event = request.headers.get("x-github-event");
  const deliveryId = request.headers.get("x-github-delivery");
  if (!event || !/^[a-z_]{1,50}$/.test(event)) return json(400, { error: "missing or malformed X-GitHub-Event header" });
  if (!deliveryId || !/^[A-Za-z0-9-]{1,100}$/.test(deliveryId)) return json(400, { error: "missing or malformed X-GitHub-Delivery header" });
  if (event === "ping") return json(200, { ok: true, event });
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return json(400, { error: "body is not JSON" });
  }
  try {
    const result = await handleDelivery(await getDb(), {
      deliveryId,
      event,
      payload,
      webBase: (await githubEndpoints()).webUrl,
      maxAgeMs: env().webhookMaxAgeMs,
      botComments: env().botComments,
    });
    return json(result.status, result.body);
  } catch (error) {
    console.error(`podium: webhook delivery failed: ${errorText(error, { stack: true })}`);
    return json(500, { error: "the delivery could not be stored; GitHub may redeliver it" });
  }
}
