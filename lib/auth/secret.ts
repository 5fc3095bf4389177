import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/** AUTH_SECRET, or in demo mode one generated once into `.data/auth-secret` (never committed). */
export function authSecret(): string {
  const config = env();
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (!config.demo) throw new Error("AUTH_SECRET is required outside demo mode");
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(33).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}
