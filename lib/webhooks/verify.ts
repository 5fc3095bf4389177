import crypto from "node:crypto";

/** GitHub's `X-Hub-Signature-256` (`sha256=<hex>` of the raw body), compared in constant time. */
export function verifySignature(secret: string, body: string, header: string | null): boolean {
  if (!header || !header.startsWith("sha256=")) return false;
  const given = Buffer.from(header.slice("sha256=".length), "hex");
  const expected = crypto.createHmac("sha256", secret).update(body, "utf8").digest();
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export function sign(secret: string, body: string): string {
  return `sha256=${crypto.createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}
