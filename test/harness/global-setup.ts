import type { TestProject } from "vitest/node";
import { startPostgres } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

/** One real PostgreSQL server for the whole integration run. */
export default async function setup(project: TestProject) {
  const server = await startPostgres();
  project.provide("pgUrl", server.url);
  return async () => {
    await server.stop();
  };
}
