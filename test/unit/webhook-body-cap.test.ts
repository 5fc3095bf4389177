import { beforeAll, describe, expect, it } from "vitest";

// The route reads its configuration once: set it before the route is imported.
let POST: (request: Request) => Promise<Response>;
let WEBHOOK_MAX_BODY: number;
beforeAll(async () => {
  process.env.GITHUB_WEBHOOK_SECRET = "unit-webhook-secret-not-a-real-one";
  process.env.PODIUM_RATE_LIMIT_WEBHOOK = "0";
  ({ POST, WEBHOOK_MAX_BODY } = await import("@/app/api/webhooks/github/route"));
});

const MiB = 1024 * 1024;

describe("POST /api/webhooks/github reads a bounded body", () => {
  it("caps at 25 MiB (GitHub delivers no payload over 25 MB)", () => {
    expect(WEBHOOK_MAX_BODY).toBe(25 * MiB);
  });

  it("stops reading a 64 MiB chunked body at the cap, before the signature check, with 413", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled === 64 * MiB) return controller.close();
          pulled += MiB;
          controller.enqueue(new Uint8Array(MiB));
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request("http://podium.test/api/webhooks/github", {
      method: "POST",
      body,
      duplex: "half",
      headers: { "x-github-event": "issues", "x-github-delivery": "unit-1", "x-hub-signature-256": "sha256=00" },
    } as RequestInit);
    const res = await POST(request);
    expect(res.status).toBe(413);
    // 26 one-MiB chunks take the count past 25 MiB; the request's own stream may hold one or two more.
    expect(pulled).toBeGreaterThanOrEqual(26 * MiB);
    expect(pulled).toBeLessThanOrEqual(28 * MiB);
    expect(await res.json()).toEqual({ error: "payload too large: the body may be at most 26214400 bytes" });
  });
});
