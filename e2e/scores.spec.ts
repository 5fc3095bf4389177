import { expect, test } from "@playwright/test";
import { e2eDb, signInAs } from "./fixtures";

test("a maintainer changes a task's score with a reason; ranking, profile and audit follow", async ({ page, context }) => {
  const sql = e2eDb();
  let target: { id: number; score: number; login: string; points: number } | undefined;
  try {
    [target] = await sql<{ id: number; score: number; login: string; points: number }[]>`
      select t.id, t.score, p.login, st.points
      from tasks t
      join seasons s on s.id = t.season_id and s.slug = '2020-s2'
      join repositories r on r.id = t.repository_id and r.full_name = 'pingcap/tidb'
      join score_entries e on e.task_id = t.id and e.kind = 'award' and e.actor_id is null
      join participants p on p.id = e.participant_id
      join season_totals st on st.season_id = s.id and st.participant_id = p.id
      where t.state = 'completed' and t.difficulty = 'hard' and not t.per_pr
      order by t.id limit 1`;
  } finally {
    await sql.end();
  }
  expect(target).toBeDefined();
  const { id, score, login, points } = target!;

  await signInAs(context, "sql-keeper");
  await page.goto(`/seasons/2020-s2/tasks/${id}`);
  const form = page.getByTestId("score-form");
  await form.getByLabel("Score").fill(String(score + 500));
  await form.getByLabel("Reason").fill("harder than it looked: two subsystems");
  await form.getByRole("button", { name: "Save score" }).click();
  await expect(form).toContainText("Score saved.");
  // Read-your-writes: the page shows the new score without a reload.
  await expect(page.getByTestId("task-score")).toHaveText(String(score + 500));
  await expect(page.getByTestId("ledger")).toContainText("+500");

  await page.goto("/seasons/2020-s2");
  await expect(page.getByTestId("ranking").getByRole("row", { name: new RegExp(`@${login}\\b`) })).toContainText((points + 500).toLocaleString("en-US"));

  await page.goto(`/u/${login}`);
  await expect(page.getByTestId("profile-season").filter({ hasText: "Season 2" })).toContainText(`${(points + 500).toLocaleString("en-US")} points`);

  await page.goto("/seasons/2020-s2/audit");
  const audit = page.getByTestId("audit");
  await expect(audit).toContainText("task.score_set");
  await expect(audit).toContainText("harder than it looked: two subsystems");
  await expect(audit).toContainText("sql-keeper");
});

test("a maintainer of pingcap/pd gets no tools on a pingcap/tidb task", async ({ page, context }) => {
  const sql = e2eDb();
  let id: number | undefined;
  try {
    [{ id } = { id: undefined }] = await sql<{ id: number }[]>`
      select t.id from tasks t join seasons s on s.id = t.season_id and s.slug = '2020-s2'
      join repositories r on r.id = t.repository_id and r.full_name = 'pingcap/tidb' order by t.id limit 1`;
  } finally {
    await sql.end();
  }
  await signInAs(context, "pd-shepherd");
  await page.goto(`/seasons/2020-s2/tasks/${id}`);
  await expect(page.getByTestId("task-title")).toBeVisible();
  await expect(page.getByTestId("score-form")).toHaveCount(0);
});

test("a maintainer marks an issue without the task label as a task on the tasks page, then unmarks it on its page", async ({ page, context }) => {
  // pingcap/tidb#13004 is a bug report of the demo program, not a task of season 2 (no label): Podium has not stored it.
  const taskRow = async () => {
    const sql = e2eDb();
    try {
      const [row] = await sql<{ id: number; manual: boolean; active: boolean; score: number | null; difficulty: string | null }[]>`
        select t.id, t.manual, t.active, t.score, t.difficulty from tasks t
        join seasons s on s.id = t.season_id and s.slug = '2020-s2'
        join repositories r on r.id = t.repository_id and r.full_name = 'pingcap/tidb'
        where t.number = 13004`;
      return row;
    } finally {
      await sql.end();
    }
  };
  expect(await taskRow()).toBeUndefined();

  await signInAs(context, "sql-keeper");
  await page.goto("/seasons/2020-s2/tasks");
  await page.getByTestId("mark-issue").locator("summary").click();
  const form = page.getByTestId("mark-form");
  await form.getByLabel("Repository").selectOption("pingcap/tidb");
  await form.getByLabel("Issue number").fill("13004");
  await form.getByLabel("Points").fill("150");
  await form.getByLabel("Difficulty").selectOption("medium");
  await form.getByLabel("Reason").fill("a real panic: worth a task");
  await form.getByRole("button", { name: "Mark" }).click();
  await expect(form).toContainText("Marked.");
  const marked = await taskRow();
  expect(marked).toMatchObject({ manual: true, active: true, score: 150, difficulty: "medium" });

  // Its page shows it (title fetched from the fake GitHub), with the maintainer's way back.
  await page.goto(`/seasons/2020-s2/tasks/${marked!.id}`);
  await expect(page.getByTestId("task-title")).toContainText("HashAggExec");
  const unmark = page.getByTestId("unmark");
  await unmark.getByLabel("Reason").fill("belongs to the next season");
  await unmark.getByRole("button", { name: "Unmark" }).click();
  await expect(unmark).toHaveCount(0);
  expect(await taskRow()).toMatchObject({ manual: false, active: false });

  await page.goto("/seasons/2020-s2/audit");
  await expect(page.getByTestId("audit")).toContainText("a real panic: worth a task");
});
