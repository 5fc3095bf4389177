/**
 * The task page (#19): in the request's language, and a hidden participant — the holder, a pull request's author,
 * a ledger row, a name inside an outcome sentence — is "a participant" to the public and to other participants, as
 * on the rankings; admins and the participant themself see the login. Rendered outside Next with its request-bound
 * parts mocked (the locale and the viewer per test).
 */
import { createElement } from "react";
import { renderToReadableStream } from "react-dom/server.edge";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, tasks } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import { freshDatabase } from "../harness/databases";
import { createParticipant, createPullRequest, createSeason, createTask } from "../factories/db";

const state = vi.hoisted(() => ({ handle: null as unknown as { db: unknown }, locale: "en" as "en" | "zh-CN", viewer: null as unknown }));
vi.mock("@/db", () => ({ getDb: async () => state.handle.db }));
vi.mock("@/lib/auth", () => ({ currentViewer: async () => state.viewer }));
vi.mock("@/lib/auth/session", () => ({ currentViewer: async () => state.viewer, auth: async () => null }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { messagesOf } = await import("@/lib/i18n/messages");
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: state.locale, messages: messagesOf(state.locale), namespace: namespace as never }),
    getLocale: async () => state.locale,
  };
});
const { default: TaskPage } = await import("@/app/seasons/[slug]/tasks/[id]/page");

const SHY = "shy-one";
const viewer = (login: string, isAdmin = false): Viewer => ({ userId: `u-${login}`, participantId: null, login, isAdmin, maintainerOf: [] });

async function render(taskId: number): Promise<string> {
  const { NextIntlClientProvider } = await import("next-intl");
  const page = await TaskPage({ params: Promise.resolve({ slug: "tp", id: String(taskId) }) });
  // The page's parts are async server components: a streaming render waits for them.
  const stream = await renderToReadableStream(createElement(NextIntlClientProvider, { locale: state.locale, children: page }));
  await stream.allReady;
  return (await new Response(stream).text()).replace(/<!-- -->/g, "");
}

describe("the task page", () => {
  let h: DbHandle;
  let held = 0;
  let paid = 0;
  beforeAll(async () => {
    h = await freshDatabase("pglite");
    state.handle = h;
    const season = await createSeason(h.db, { slug: "tp", repos: ["tp/app"], startsAt: "2020-03-01T00:00:00Z", endsAt: "2020-06-01T00:00:00Z", difficulties: { easy: 100 } });
    const shy = await createParticipant(h.db, { login: SHY });
    const bob = await createParticipant(h.db, { login: "bob" });
    // Task 1 is held by the shy one; bob's merged PR for it is held-by-other; the shy one's own is still open.
    const t1 = await createTask(h.db, { season, number: 1, pickedUpBy: shy });
    await h.db.update(tasks).set({ pickedUpAt: new Date("2020-03-15T00:00:00Z") }).where(eq(tasks.id, t1.id)); // before bob's merge
    await createPullRequest(h.db, { repo: "tp/app", number: 201, author: bob, closes: t1, mergedAt: "2020-04-01T00:00:00Z" });
    await createPullRequest(h.db, { repo: "tp/app", number: 202, author: shy, closes: t1 });
    // Task 2 paid the shy one: a ledger row with their login.
    const t2 = await createTask(h.db, { season, number: 2 });
    await createPullRequest(h.db, { repo: "tp/app", number: 203, author: shy, closes: t2, mergedAt: "2020-04-02T00:00:00Z" });
    await h.db.update(participants).set({ hidden: true }).where(eq(participants.login, SHY));
    held = t1.id;
    paid = t2.id;
  });
  afterAll(async () => h.close());

  it("signed out and to another participant: the hidden one is 'a participant' everywhere on it", async () => {
    for (const who of [null, viewer("bob")]) {
      state.viewer = who;
      state.locale = "en";
      const one = await render(held);
      expect(one).not.toContain(SHY);
      expect(one).toMatch(/data-testid="task-holder">[^<]* by a participant</);
      expect(one).toContain("tp/app#1 is held by a participant: only the holder&#x27;s pull request earns it.");
      expect(one).toMatch(/data-testid="pull-author">a participant</);
      expect(one).toMatch(/data-testid="pull-author">bob</);
      const two = await render(paid);
      expect(two).not.toContain(SHY);
      expect(two).toMatch(/data-testid="ledger-participant">a participant</);
    }
  });

  it("admins and the participant themself see the login", async () => {
    for (const who of [viewer("root", true), viewer(SHY)]) {
      state.viewer = who;
      state.locale = "en";
      const one = await render(held);
      expect(one).toMatch(new RegExp(`data-testid="task-holder">[^<]* by ${SHY}<`));
      expect(one).toContain(`tp/app#1 is held by ${SHY}: only the holder&#x27;s pull request earns it.`);
      expect(one).toMatch(new RegExp(`data-testid="pull-author">${SHY}<`));
      expect(await render(paid)).toContain(`href="/u/${SHY}"`);
    }
  });

  it("in Chinese: the facts, the headings and the outcome sentence; the hidden one is 一位参与者", async () => {
    state.viewer = null;
    state.locale = "zh-CN";
    const one = await render(held);
    expect(one).toContain("<h2>PR</h2>");
    expect(one).toContain("<h2>积分</h2>");
    expect(one).toContain("tp/app#1 已被 一位参与者 认领：只有认领者的 PR 才能获得积分。");
    expect(one).toMatch(/data-testid="task-holder">，认领者 一位参与者</);
    expect(one).not.toContain("held by");
    const two = await render(paid);
    expect(two).toContain("因 tp/app#2 获得 100 积分。");
    expect(two).toContain("奖励");
    expect(two).not.toContain(SHY);
  });
});
