import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import type { Viewer } from "@/lib/auth/permissions";
import { seedDemo } from "@/demo/program/seed";
import { DRIVERS, freshDatabase } from "../harness/databases";

// The route handler is called as a request would reach it; only the session is stubbed.
const state = vi.hoisted(() => ({ viewer: null as Viewer | null, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentViewer: async () => state.viewer, auth: async () => null }));
vi.mock("@/db", () => ({ getDb: async () => state.db }));
const { GET } = await import("@/app/api/seasons/[slug]/sync-status/route");
const { getSyncStatus } = await import("@/lib/queries/sync-status");

const call = (slug: string) => GET(new Request(`http://localhost/api/seasons/${slug}/sync-status`), { params: Promise.resolve({ slug }) });
const viewer = (extra: Partial<Viewer>): Viewer => ({ userId: "u", participantId: 1, login: "someone", isAdmin: false, maintainerOf: [], ...extra });

describe.each(DRIVERS)("GET /api/seasons/{slug}/sync-status on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
    state.db = h.db;
    await seedDemo(h.db);
  });
  afterAll(async () => h?.close());

  it("is for the season's maintainers and admins: 401 signed out, 403 for others, 404 for an unknown season", async () => {
    state.viewer = null;
    expect((await call("2020-s2")).status).toBe(401);
    state.viewer = viewer({});
    expect((await call("2020-s2")).status).toBe(403);
    state.viewer = viewer({ maintainerOf: ["some/other"] });
    expect((await call("2020-s2")).status).toBe(403);
    state.viewer = viewer({ isAdmin: true });
    expect((await call("no-such-season")).status).toBe(404);
    expect((await call("..%2F")).status).toBe(404);
  });

  it("tells a maintainer of one of its repositories whether a sync runs and how the last one went", async () => {
    state.viewer = viewer({ maintainerOf: ["pingcap/pd"] });
    const res = await call("2020-s2");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    // The demo seed writes the ledger directly: no sync has run yet.
    // Tests run without credentials, which is demo mode: scheduled imports are off unless set.
    expect(await res.json()).toEqual({ running: false, last: null, schedule: { intervalSeconds: 0, nextAt: null } });
  });

  it("says when the next scheduled import runs while the season is open, and none after it", async () => {
    // 2020-04-10T10:07:00Z falls in the 900 s slot that starts at 10:00:00; the next one starts at 10:15:00.
    const open = await getSyncStatus(h.db, "2020-s2", { intervalSeconds: 900, now: new Date("2020-04-10T10:07:00Z") });
    expect(open.schedule).toEqual({ intervalSeconds: 900, nextAt: "2020-04-10T10:15:00.000Z" });
    // The season ends 2020-05-30T15:59:59Z; with its 14 grace days it is open until 2020-06-13T15:59:59Z.
    const over = await getSyncStatus(h.db, "2020-s2", { intervalSeconds: 900, now: new Date("2020-07-01T00:00:00Z") });
    expect(over.schedule).toEqual({ intervalSeconds: 900, nextAt: null });
  });
});
