/**
 * A separate process that handles one webhook delivery against DATABASE_URL, as the server would; the
 * crash tests kill it part-way (`kill -9`). Input: a JSON file `{ deliveryId, event, payload }` as argv[2].
 */
import fs from "node:fs";
import { openDatabase } from "@/db/client";
import { handleDelivery } from "@/lib/webhooks/handle-delivery";

const input = JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as { deliveryId: string; event: string; payload: unknown };
const handle = await openDatabase({ url: process.env.DATABASE_URL, migrate: false, max: 1 });
const result = await handleDelivery(handle.db, input);
console.log(JSON.stringify(result));
await handle.close();
