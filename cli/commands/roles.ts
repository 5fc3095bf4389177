import { parseArgs } from "node:util";
import { z } from "zod";
import { runCommand } from "@/lib/commands/command";
import { grantRole, revokeRole, ZRoleChange, type RoleChange } from "@/lib/commands/manage-roles";
import { formatIssues } from "@/lib/util/zod-errors";
import { CliError, defineCommand } from "../types";

/** Exactly the fields of a role change (no others), then the role change's own rules. */
export const ZRolesPayload = z.strictObject({ login: z.unknown(), role: z.unknown(), repo: z.unknown().optional() }).pipe(ZRoleChange);

function prepare(name: string) {
  return (args: string[]): RoleChange => {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { repo: { type: "string" } }, allowPositionals: true, strict: true });
    } catch (e) {
      throw new CliError(`${(e as Error).message}\nusage: podium roles ${name} <login> <admin|maintainer> [--repo <owner/name>]`, 2);
    }
    const [login, role, ...extra] = parsed.positionals;
    if (!login || !role || extra.length > 0) throw new CliError(`usage: podium roles ${name} <login> <admin|maintainer> [--repo <owner/name>]`, 2);
    const input = ZRoleChange.safeParse({ login, role, repo: parsed.values.repo });
    if (!input.success) throw new CliError(formatIssues(input.error).join("\n"), 2);
    return input.data;
  };
}

const describe = (r: RoleChange) => `${r.login} ${r.role}${r.repo ? ` of ${r.repo}` : ""}`;

export const rolesGrant = defineCommand({
  name: "roles grant",
  usage: "roles grant <login> <admin|maintainer> [--repo <owner/name>]",
  summary: "make a GitHub login an admin, or a maintainer of a repository",
  payload: ZRolesPayload,
  prepare: prepare("grant"),
  async execute(db, input, out) {
    const result = await runCommand(db, grantRole, "operator", input);
    out.line(result === "granted" ? `granted: ${describe(input)}` : `unchanged: ${describe(input)} already held`);
    return 0;
  },
});

export const rolesRevoke = defineCommand({
  name: "roles revoke",
  usage: "roles revoke <login> <admin|maintainer> [--repo <owner/name>]",
  summary: "take a role back",
  payload: ZRolesPayload,
  prepare: prepare("revoke"),
  async execute(db, input, out) {
    const result = await runCommand(db, revokeRole, "operator", input);
    out.line(result === "revoked" ? `revoked: ${describe(input)}` : `unchanged: ${describe(input)} was not held`);
    return 0;
  },
});
