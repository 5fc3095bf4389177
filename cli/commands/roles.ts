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

/** `roles grant` and `roles revoke`: the same arguments, the same checks, one domain command each. */
function roleCommand(name: "grant" | "revoke", summary: string, command: typeof grantRole | typeof revokeRole, said: { done: string; unchanged: string }) {
  return defineCommand({
    name: `roles ${name}`,
    usage: `roles ${name} <login> <admin|maintainer> [--repo <owner/name>]`,
    summary,
    payload: ZRolesPayload,
    prepare: prepare(name),
    async execute(db, input, out) {
      const result = await runCommand(db, command, "operator", input);
      out.line(result === "unchanged" ? `unchanged: ${describe(input)} ${said.unchanged}` : `${said.done}: ${describe(input)}`);
      return 0;
    },
  });
}

export const rolesGrant = roleCommand("grant", "make a GitHub login an admin, or a maintainer of a repository", grantRole, { done: "granted", unchanged: "already held" });
export const rolesRevoke = roleCommand("revoke", "take a role back", revokeRole, { done: "revoked", unchanged: "was not held" });
