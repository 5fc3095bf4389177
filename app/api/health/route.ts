import { sql } from "drizzle-orm";
import { getDatabase } from "@/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`select 1`);
    return Response.json({ ok: true, db: kind }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ ok: false, error: "database unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
