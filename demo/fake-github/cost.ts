import {
  GraphQLBoolean,
  GraphQLError,
  GraphQLInt,
  Kind,
  getNamedType,
  isInterfaceType,
  isObjectType,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { pageSizeProblem } from "./connection";

/**
 * GitHub's documented GraphQL rate-limit cost, computed from the query before it runs:
 *
 * - every connection field (a field returning a `…Connection` type that takes `first`) needs one request per
 *   parent node: 1 at the top level, and under a connection asked for `first: N` (or `last: N`) N times as many
 *   (multiplied down the nesting: 100 repositories × 50 issues = 5,000 requests for their labels);
 * - cost = round(sum of those requests / 100), at least 1;
 * - nodeCount = the sum over connections of requests × page size; more than 500,000 is refused (GitHub's node limit).
 *
 * The same walk reports GitHub's pagination errors (first/last over 100, both given, neither given while asking
 * for nodes or edges). Fragments and inline fragments are followed; every branch counts (as on GitHub, the cost
 * is an upper bound).
 */

export const MAX_NODES = 500_000;

export type CostReport = { cost: number; requests: number; nodeCount: number; dryRun: boolean; errors: GraphQLError[] };

type Walk = { requests: number; nodeCount: number; dryRun: boolean; errors: GraphQLError[] };

export function analyzeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): CostReport {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = operation.operation === "query" ? schema.getQueryType() : schema.getMutationType();
  const w: Walk = { requests: 0, nodeCount: 0, dryRun: false, errors: [] };
  if (root) walk(operation.selectionSet, root, 1);
  return { cost: Math.max(1, Math.round(w.requests / 100)), requests: w.requests, nodeCount: w.nodeCount, dryRun: w.dryRun, errors: w.errors };

  function intArg(field: FieldNode, name: string): number | null {
    const arg = field.arguments?.find((a) => a.name.value === name);
    if (arg === undefined) return null;
    const v: unknown = valueFromAST(arg.value, GraphQLInt, variables);
    return typeof v === "number" ? v : null;
  }

  function walk(set: SelectionSetNode, parent: GraphQLNamedType, multiplier: number, seen: ReadonlySet<string> = new Set()) {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(sel.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type && !seen.has(fragment.name.value))
          walk(fragment.selectionSet, type, multiplier, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (type) walk(sel.selectionSet, type, multiplier, seen);
        continue;
      }
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      const def: GraphQLField<unknown, unknown> | undefined = parent.getFields()[sel.name.value];
      if (def === undefined) continue;
      if (sel.name.value === "rateLimit" && parent === schema.getQueryType()) {
        const dry = sel.arguments?.find((a) => a.name.value === "dryRun");
        if (dry && valueFromAST(dry.value, GraphQLBoolean, variables) === true) w.dryRun = true;
      }
      const type = getNamedType(def.type);
      const isConnection = type.name.endsWith("Connection") && def.args.some((a) => a.name === "first");
      let childMultiplier = multiplier;
      if (isConnection) {
        const first = intArg(sel, "first");
        const last = intArg(sel, "last");
        const problem = pageSizeProblem(sel.name.value, first, last, selectsNodes(sel.selectionSet, fragments));
        if (problem !== null) w.errors.push(new GraphQLError(problem.message, { nodes: sel, extensions: { type: problem.type } }));
        const size = Math.max(0, first ?? last ?? 0);
        w.requests += multiplier;
        const before = w.nodeCount;
        w.nodeCount += multiplier * size;
        if (w.nodeCount > MAX_NODES && before <= MAX_NODES)
          w.errors.push(new GraphQLError(
            `By the time this query traverses to the ${sel.name.value} connection, it is requesting up to ` +
              `${w.nodeCount.toLocaleString("en-US")} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString("en-US")}.`,
            { nodes: sel, extensions: { type: "MAX_NODE_LIMIT_EXCEEDED" } },
          ));
        childMultiplier = multiplier * size;
      }
      if (sel.selectionSet) walk(sel.selectionSet, type, childMultiplier, seen);
    }
  }
}

/** Whether a connection's selection asks for `nodes` or `edges` (directly or through fragments). */
function selectsNodes(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, depth = 0): boolean {
  if (set === undefined || depth > 20) return false;
  return set.selections.some((sel) => {
    if (sel.kind === Kind.FIELD) return sel.name.value === "nodes" || sel.name.value === "edges";
    if (sel.kind === Kind.INLINE_FRAGMENT) return selectsNodes(sel.selectionSet, fragments, depth + 1);
    return selectsNodes(fragments.get(sel.name.value)?.selectionSet, fragments, depth + 1);
  });
}
