import type { z } from "zod";

/** `["rules", "caps", 1, "max"]` → `rules.caps[1].max`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

/** One line per problem: `field.path: reason`. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

/** Field errors keyed by path, first message per field, for forms (`useActionState`); `message` may word an issue otherwise. */
export function fieldErrors(error: z.ZodError | { issues: readonly z.core.$ZodIssue[] }, message: (issue: z.core.$ZodIssue) => string = (issue) => issue.message): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = formatPath(issue.path);
    out[key] ??= message(issue);
  }
  return out;
}
