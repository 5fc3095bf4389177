import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openDatabase, type DbHandle, type DbKind } from "@/db/client";
import { createDatabase } from "./postgres-server";

export const DRIVERS: DbKind[] = ["postgres", "pglite"];

let counter = 0;

/** A fresh, migrated database of this kind: a new database on the harness's server, or a new PGlite folder. */
export async function freshDatabase(kind: DbKind): Promise<DbHandle> {
  if (kind === "postgres") {
    const name = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const url = await createDatabase(inject("pgUrl"), name);
    return openDatabase({ url, max: 5 });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-pglite-"));
  const handle = await openDatabase({ pgliteDir: path.join(dir, "db") });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
