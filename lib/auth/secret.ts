import { env } from "@/lib/env";
import { dataSecret } from "@/lib/util/data-secret";

/** AUTH_SECRET, or in demo mode one generated once into `.data/auth-secret` (never committed). */
export function authSecret(): string {
  const config = env();
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (!config.demo) throw new Error("AUTH_SECRET is required outside demo mode");
  return dataSecret("auth-secret");
}
