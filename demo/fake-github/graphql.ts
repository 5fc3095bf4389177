import {
  GraphQLError,
  execute,
  getOperationAST,
  parse,
  print,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
} from "graphql";
import { analyzeCost } from "./cost";
import { executionError, syntaxError, validationError, type GitHubError } from "./errors";
import { obj, type Args, type Ctx } from "./models";
import type { RateLimiter } from "./ratelimit";
import { mutationRoot, type Commented } from "./comments";
import { queryRoot } from "./root";
import { githubSchema } from "./schema";
import type { FixtureStore } from "./store";

/** `POST /graphql`: parse, validate against GitHub's schema, price, charge, execute; answers shaped like GitHub's. */

export type HttpAnswer = { status: number; headers: Record<string, string>; body: string };

export type GraphqlDeps = {
  store: FixtureStore;
  limiter: RateLimiter;
  webUrl: string;
  localAvatars?: boolean;
  viewer: { login: string; databaseId: number };
  /** Called with every query text received (valid or not). */
  onQuery(query: string): void;
  /** Called with the points charged for a query that runs. */
  onCost(cost: number): void;
  /** Called after `addComment` wrote a comment. */
  onComment?(done: Commented): void;
};

const json = (status: number, value: unknown, headers: Record<string, string> = {}): HttpAnswer => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8", ...headers },
  body: JSON.stringify(value),
});

const errorsOnly = (errors: GitHubError[], headers: Record<string, string> = {}) => json(200, { errors }, headers);

export const rateLimitedBody = (userId: number) => ({
  errors: [{ type: "RATE_LIMITED", message: `API rate limit exceeded for user ID ${userId}.` }],
});

/** Resolves a field from the model objects (`models.ts`); a field the fake lacks is an error naming it. */
const fieldResolver: GraphQLFieldResolver<unknown, Ctx, Args> = (source, args, _ctx, info) => {
  const model = obj(source);
  if (model === null) return null;
  if (!Object.hasOwn(model, info.fieldName))
    throw new GraphQLError(`The fake GitHub does not implement ${info.parentType.name}.${info.fieldName}.`, {
      extensions: { type: "FAKE_NOT_IMPLEMENTED" },
    });
  const value = model[info.fieldName];
  return typeof value === "function" ? (value as (a: Args) => unknown)(args) : value;
};

const typeResolver: GraphQLTypeResolver<unknown, Ctx> = (value) => {
  const name = obj(value)?.__typename;
  return typeof name === "string" ? name : undefined;
};

export async function answerGraphql(rawBody: string, token: string, deps: GraphqlDeps): Promise<HttpAnswer> {
  let payload: Record<string, unknown> | null;
  try {
    payload = obj(JSON.parse(rawBody));
  } catch {
    payload = null;
  }
  if (payload === null)
    return json(400, { message: "Problems parsing JSON", documentation_url: "https://docs.github.com/graphql" });
  const query = payload.query;
  if (typeof query !== "string" || query.trim() === "")
    return errorsOnly([{ message: "A query attribute must be specified and must be a string." }]);
  deps.onQuery(query);
  const variables = obj(payload.variables) ?? {};
  const operationName = typeof payload.operationName === "string" ? payload.operationName : undefined;
  const headers = deps.limiter.peek(token).headers;

  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (e) {
    if (e instanceof GraphQLError) return errorsOnly([syntaxError(e)], headers);
    throw e;
  }
  const schema = githubSchema();
  const operation = getOperationAST(document, operationName);
  const variableTypes = new Map(
    (operation?.variableDefinitions ?? []).map((d) => [d.variable.name.value, print(d.type)] as const),
  );
  const invalid = validate(schema, document);
  if (invalid.length > 0) return errorsOnly(invalid.map((e) => validationError(e, variableTypes)), headers);
  if (!operation) {
    const message = operationName === undefined ? "An operation name is required" : `No operation named "${operationName}"`;
    return errorsOnly([{ message }], headers);
  }
  if (operation.operation === "subscription")
    return errorsOnly([{ message: "The fake GitHub does not implement subscriptions." }], headers);

  const cost = analyzeCost(schema, document, operation, variables);
  if (cost.errors.length > 0) return errorsOnly(cost.errors.map(executionError), headers);
  const charge = deps.limiter.charge(token, cost.cost, cost.nodeCount, cost.dryRun);
  if (!charge.ok) return json(200, rateLimitedBody(deps.viewer.databaseId), charge.headers);
  deps.onCost(cost.dryRun ? 0 : cost.cost);

  const ctx: Ctx = { store: deps.store, viewer: deps.viewer.login, webUrl: deps.webUrl, rate: charge.info, localAvatars: deps.localAvatars };
  const result = await execute({
    schema,
    document,
    rootValue: operation.operation === "mutation" ? mutationRoot(ctx, (done) => deps.onComment?.(done)) : queryRoot(ctx),
    contextValue: ctx,
    variableValues: variables,
    operationName,
    fieldResolver,
    typeResolver,
  });
  const body: Record<string, unknown> = {};
  if (result.errors && result.errors.length > 0) {
    // Variable problems stop execution before it starts (no `data`): GitHub words them like validation errors.
    body.errors = result.data === undefined
      ? result.errors.map((e) => validationError(e, variableTypes))
      : result.errors.map(executionError);
  }
  if (result.data !== undefined) body.data = result.data;
  return json(200, body, charge.headers);
}
