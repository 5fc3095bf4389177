import { GraphQLError } from "graphql";
import { decodeCursor, encodeCursor } from "./ids";

/** Relay pagination over an in-memory list, with GitHub's limits and messages. */

export type PageArgs = { first?: unknown; last?: unknown; after?: unknown; before?: unknown };

export const MAX_PAGE = 100;

export function githubError(type: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } });
}

/** GitHub's checks of `first` / `last`; `null` when fine. */
export function pageSizeProblem(field: string, first: number | null, last: number | null, selectsNodes: boolean):
  { type: string; message: string } | null {
  if (first !== null && last !== null)
    return { type: "INVALID_PAGINATION", message: `Passing both \`first\` and \`last\` to paginate the \`${field}\` connection is not supported.` };
  for (const [arg, n] of [["first", first], ["last", last]] as const) {
    if (n === null) continue;
    if (n < 0) return { type: "INVALID_PAGINATION", message: `\`${arg}\` on the \`${field}\` connection cannot be less than zero.` };
    if (n > MAX_PAGE)
      return {
        type: "EXCESSIVE_PAGINATION",
        message: `Requesting ${n} records on the \`${field}\` connection exceeds the \`${arg}\` limit of ${MAX_PAGE} records.`,
      };
  }
  if (first === null && last === null && selectsNodes)
    return {
      type: "MISSING_PAGINATION_BOUNDARIES",
      message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`,
    };
  return null;
}

export type Page<T> = {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
};

const intOrNull = (v: unknown): number | null => (typeof v === "number" ? v : null);

function position(cursor: unknown, arg: "after" | "before"): number | null {
  if (cursor === undefined || cursor === null) return null;
  const pos = typeof cursor === "string" ? decodeCursor(cursor) : null;
  if (pos === null) throw githubError("INVALID_CURSOR_ARGUMENTS", `\`${arg}\` cursor is invalid.`);
  return pos;
}

/**
 * One page of `all`. `cap` limits how far pagination reaches (GitHub search: 1,000) while `totalCount` stays the
 * true count. Cursors are positions, so they stay valid while the list only grows at its end.
 */
export function paginate<T>(all: readonly T[], args: PageArgs, field: string, options: { cap?: number; totalCount?: number } = {}): Page<T> {
  const first = intOrNull(args.first);
  const last = intOrNull(args.last);
  const problem = pageSizeProblem(field, first, last, false);
  if (problem !== null) throw githubError(problem.type, problem.message);
  const reachable = Math.min(all.length, options.cap ?? Number.POSITIVE_INFINITY);
  const after = position(args.after, "after");
  const before = position(args.before, "before");
  const lower = after === null ? 0 : Math.min(after, reachable);
  const upper = before === null ? reachable : Math.max(lower, Math.min(before - 1, reachable));
  let start = lower;
  let end = upper;
  if (first !== null) end = Math.min(end, start + first);
  if (last !== null) start = Math.max(start, end - last);
  const edges: Page<T>["edges"] = [];
  for (let i = start; i < end; i++) {
    const node = all[i];
    if (node !== undefined) edges.push({ cursor: encodeCursor(i + 1), node });
  }
  return {
    edges,
    pageInfo: {
      hasNextPage: end < reachable,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: options.totalCount ?? all.length,
  };
}
