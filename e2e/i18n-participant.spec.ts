/**
 * The rest of the participant-facing pages in Chinese (#19): with `Accept-Language: zh-CN` the task detail page
 * (signed out, as a participant and as a maintainer with its tools), the ranking page with the maintainer's sync
 * panel, the profile with its pull-request explanations, and a form's error carry no English UI string of the
 * catalogue (e2e/i18n-check.ts).
 */
import { expect, test, type Browser } from "@playwright/test";
import { e2eDb, signInAs } from "./fixtures";
import { englishFragments, englishOn, expectChinese } from "./i18n-check";

const SEASON = "2020-s2";

/** A task of the demo season with merged pull requests, and the author of one of them (their profile explains it). */
async function aTaskAndAnAuthor(): Promise<{ taskId: number; author: string }> {
  const sql = e2eDb();
  try {
    const [row] = await sql<{ id: number; login: string }[]>`
      select t.id, p.login from tasks t
      join seasons s on s.id = t.season_id
      join pull_request_tasks l on l.task_id = t.id
      join pull_requests pr on pr.id = l.pull_request_id and pr.merged_at is not null
      join participants p on p.id = pr.author_id and not p.hidden
      join repositories r on r.id = t.repository_id and r.full_name = 'pingcap/tidb'
      where s.slug = ${SEASON} order by t.id limit 1`;
    if (!row) throw new Error("no task with a merged pull request in the demo season");
    return { taskId: row.id, author: row.login };
  } finally {
    await sql.end();
  }
}

async function chineseContext(browser: Browser, login?: string) {
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  if (login) await signInAs(context, login);
  return context;
}

test("the task detail page in Chinese: signed out, as a participant, as a maintainer with its tools", async ({ browser }) => {
  test.setTimeout(90_000);
  const fragments = englishFragments();
  const { taskId, author } = await aTaskAndAnAuthor();
  const path = `/seasons/${SEASON}/tasks/${taskId}`;
  for (const login of [undefined, author, "sql-keeper"]) {
    const context = await chineseContext(browser, login);
    const page = await context.newPage();
    await expectChinese(page, path, fragments);
    await expect(page.getByRole("heading", { level: 2, name: "积分" })).toBeVisible();
    await expect(page.getByTestId("pull-outcome").first()).not.toHaveText("—");
    if (login === "sql-keeper") {
      await expect(page.getByRole("heading", { name: "维护者工具" })).toBeVisible();
      await expect(page.getByTestId("score-form").getByRole("button", { name: "保存分值" })).toBeVisible();
    }
    await context.close();
  }
});

test("the ranking page with the maintainer's sync panel, and the tasks list with the mark form, in Chinese", async ({ browser }) => {
  const context = await chineseContext(browser, "sql-keeper");
  const page = await context.newPage();
  await expectChinese(page, `/seasons/${SEASON}`, englishFragments());
  await expect(page.getByTestId("sync-panel").getByRole("button", { name: "立即同步" })).toBeVisible();
  // The tasks list with the maintainer's form for marking an issue as a task.
  await expectChinese(page, `/seasons/${SEASON}/tasks`, englishFragments());
  await expect(page.getByTestId("mark-issue").getByText("将议题标记为任务")).toBeVisible();
  await context.close();
});

test("the profile's pull-request explanations in Chinese, to the public and to their author", async ({ browser }) => {
  const fragments = englishFragments();
  const { author } = await aTaskAndAnAuthor();
  for (const login of [undefined, author]) {
    const context = await chineseContext(browser, login);
    const page = await context.newPage();
    await expectChinese(page, `/u/${author}?pulls=all`, fragments);
    const pulls = page.getByTestId("season-pulls").first();
    await expect(pulls).toBeVisible();
    await expect(pulls).toContainText("积分");
    await context.close();
  }
});

test("a form's error in Chinese: the message and the refused field, announced", async ({ browser }) => {
  const fragments = englishFragments();
  const { taskId } = await aTaskAndAnAuthor();
  const context = await chineseContext(browser, "sql-keeper");
  const page = await context.newPage();
  await expectChinese(page, `/seasons/${SEASON}/tasks/${taskId}`, fragments);
  const form = page.getByTestId("score-form");
  await form.getByLabel("分值").fill("5");
  await form.getByRole("button", { name: "保存分值" }).click(); // no reason: refused
  const alert = form.getByRole("alert");
  await expect(alert).toContainText("有些字段无效。");
  await expect(alert).toContainText("请说明原因");
  await expect(form.getByLabel("原因")).toHaveAttribute("aria-invalid");
  await expect(form.getByLabel("原因")).toHaveAttribute("aria-describedby", (await alert.getAttribute("id"))!);
  expect(await englishOn(page, fragments), "English in the form's error").toEqual([]);
  await context.close();
});

test("the check can fail: on the English task page and profile it finds the catalogue's English", async ({ browser }) => {
  const fragments = englishFragments();
  const { taskId, author } = await aTaskAndAnAuthor();
  const context = await browser.newContext({ locale: "en-US" });
  await signInAs(context, "sql-keeper");
  const page = await context.newPage();
  await page.goto(`/seasons/${SEASON}/tasks/${taskId}`);
  const seen = await englishOn(page, fragments);
  expect(seen).toEqual(expect.arrayContaining(["Maintainer tools", "Save score", "Pull requests that reference this task"].filter((f) => fragments.includes(f))));
  expect(seen.length).toBeGreaterThan(5);
  await page.goto(`/u/${author}?pulls=all`);
  expect((await englishOn(page, fragments)).length).toBeGreaterThan(2);
  await context.close();
});
