import { describe, expect, it } from "vitest";
import { prefetchInOrder, type FetchJob } from "@/lib/sync/prefetch";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Jobs that each fetch `pages` pages, `ms` a page, recording how many run at once. */
function jobs(n: number, pages: number, ms: (i: number) => number, seen: { active: number; max: number; started: number[] }): FetchJob<string>[] {
  return Array.from({ length: n }, (_, i) => ({
    run: async (push) => {
      seen.started.push(i);
      seen.active += 1;
      seen.max = Math.max(seen.max, seen.active);
      for (let p = 0; p < pages; p++) {
        await tick(ms(i));
        await push(`${i}.${p}`);
      }
      seen.active -= 1;
    },
  }));
}

async function readAll(n: number, f: ReturnType<typeof prefetchInOrder<string>>): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) for await (const page of f.queue(i)) out.push(page);
  await f.settled();
  return out;
}

describe("fetching ahead of the writer", () => {
  it("the writer reads every page in the jobs' order, whichever fetch finishes first; at most `concurrency` run at once", async () => {
    const seen = { active: 0, max: 0, started: [] as number[] };
    // Later jobs are faster: they finish first, and still come out after the earlier ones.
    const f = prefetchInOrder(jobs(8, 3, (i) => 16 - 2 * i, seen), { concurrency: 3 });
    const out = await readAll(8, f);
    expect(out).toEqual(Array.from({ length: 8 }, (_, i) => [0, 1, 2].map((p) => `${i}.${p}`)).flat());
    expect(seen.max).toBe(3);
  });

  it("runs them concurrently: 8 jobs of 3 pages overlap 4 at a time at 4, one at a time at 1 (counted, not timed)", async () => {
    const overlap = async (concurrency: number) => {
      const stats = { active: 0, max: 0, started: [] as number[] };
      await readAll(8, prefetchInOrder(jobs(8, 3, () => 20, stats), { concurrency }));
      return stats.max;
    };
    expect(await overlap(1)).toBe(1);
    expect(await overlap(4)).toBe(4);
  });

  it("at concurrency 1 each page is handled before the next is fetched (the serial import)", async () => {
    const log: string[] = [];
    const job: FetchJob<number> = {
      run: async (push) => {
        for (let p = 0; p < 3; p++) {
          log.push(`fetch ${p}`);
          await push(p);
        }
      },
    };
    const f = prefetchInOrder([job, job], { concurrency: 1 });
    for (let i = 0; i < 2; i++) for await (const p of f.queue(i)) log.push(`write ${p}`);
    expect(log).toEqual(["fetch 0", "write 0", "fetch 1", "write 1", "fetch 2", "write 2", "fetch 0", "write 0", "fetch 1", "write 1", "fetch 2", "write 2"]);
  });

  it("a job's error reaches the writer after that job's pages; abort stops the others and settles", async () => {
    const seen = { active: 0, max: 0, started: [] as number[] };
    const list = jobs(6, 2, () => 5, seen);
    list[1] = { run: async (push) => (await push("1.0"), Promise.reject(new Error("repo gone"))) };
    const f = prefetchInOrder(list, { concurrency: 2 });
    const got: string[] = [];
    for await (const p of f.queue(0)) got.push(p);
    await expect(
      (async () => {
        for await (const p of f.queue(1)) got.push(p);
      })(),
    ).rejects.toThrow("repo gone");
    expect(got).toEqual(["0.0", "0.1", "1.0"]);
    f.abort();
    await f.settled();
    expect(seen.started.every((i) => i < 4)).toBe(true); // no more than the lookahead (2 × 2) ever started
  });
});
