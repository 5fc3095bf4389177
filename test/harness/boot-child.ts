/**
 * A Podium server process for the startup tests (test/integration/startup.test.ts): the server's own `boot()`
 * (what `instrumentation.ts` runs under `next start`), then an HTTP server on PORT that answers from the
 * database, so "it serves" is checked by a request. Prints `podium-test: serving on <port>` once it does.
 */
import http from "node:http";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rowsOf } from "@/db/client";
import { boot } from "@/lib/server/boot";

await boot();
const db = await getDb();
const port = Number(process.env.PORT);
http
  .createServer((_req, res) => {
    db.execute(sql`select count(*)::int as n from seasons`).then(
      (r) => res.end(JSON.stringify({ seasons: rowsOf<{ n: number }>(r)[0]?.n ?? null })),
      () => {
        res.statusCode = 500;
        res.end("{}");
      },
    );
  })
  .listen(port, "127.0.0.1", () => console.log(`podium-test: serving on ${port}`));
