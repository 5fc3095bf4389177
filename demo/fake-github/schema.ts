import { schema as octokitSchema } from "@octokit/graphql-schema";
import { buildSchema, type GraphQLSchema } from "graphql";

/**
 * GitHub's real public GraphQL schema (as published by `@octokit/graphql-schema`), built once per process.
 * Every query the fake answers is validated against it, so a field GitHub lacks fails here too.
 */
let cached: GraphQLSchema | undefined;

export function githubSchema(): GraphQLSchema {
  cached ??= buildSchema(octokitSchema.idl, { assumeValidSDL: true });
  return cached;
}
