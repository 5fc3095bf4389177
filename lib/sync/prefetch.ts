/**
 * Fetching ahead of the writer (issue #17, item 5): an import's GitHub queries wait on the network, its writes
 * on the database, and the writes must keep their order (issues of every repository before any pull request,
 * repositories in the season's order). So the fetches run as jobs, several at once, each filling a queue of
 * pages; the writer reads the queues one after the other, in the jobs' order, as if it had fetched them itself.
 *
 * Bounds: at most `concurrency` jobs query GitHub at once (GitHub's secondary limits ask for well under 100
 * concurrent requests), and a job starts only when the writer is fewer than `lookahead` jobs behind it, so
 * what waits in memory is a few repositories' pages, not the whole import.
 */

/** The pages of one job, in the order its fetch produced them; the iteration throws the fetch's error at its end. */
export class PageQueue<T> {
  private items: T[] = [];
  private closed = false;
  private failure: { error: unknown } | null = null;
  private wake: (() => void) | null = null;
  private processed = 0;
  private pushed = 0;
  private onProcessed: (() => void)[] = [];
  private settle!: (ok: boolean) => void;
  /** Resolves once the fetch ends: true when it succeeded. */
  readonly finished = new Promise<boolean>((resolve) => (this.settle = resolve));

  /** Adds a page; the promise resolves once the writer has handled it (what a one-at-a-time import waits for). */
  push(item: T): Promise<void> {
    this.items.push(item);
    const index = ++this.pushed;
    this.wake?.();
    return new Promise<void>((resolve) => {
      const check = () => (this.processed >= index ? resolve() : this.onProcessed.push(check));
      check();
    });
  }

  /** The writer stopped: no fetch waits for it any more. */
  release(): void {
    this.processed = Number.POSITIVE_INFINITY;
    for (const f of this.onProcessed.splice(0)) f();
  }

  end(failure?: { error: unknown }): void {
    this.closed = true;
    this.failure = failure ?? null;
    this.settle(!failure);
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        yield item;
        // The writer asks for the next page: it has handled this one.
        this.processed += 1;
        for (const f of this.onProcessed.splice(0)) f();
        continue;
      }
      if (this.closed) {
        if (this.failure) throw this.failure.error;
        return;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }
}

/** A fetch: `push` each page as it arrives. `after`: what must have finished before it may start. */
export type FetchJob<T> = { after?: () => Promise<unknown>; run: (push: (item: T) => Promise<void>) => Promise<void> };

export class FetchAborted extends Error {
  constructor() {
    super("the import stopped; this fetch was abandoned");
  }
}

export type Prefetcher<T> = {
  /** The queue of job `i`, starting it (and those up to `i + lookahead`) if they have not started. */
  queue(i: number): PageQueue<T>;
  /** The queue of job `i` if it has started (nothing else starts). */
  started(i: number): PageQueue<T> | undefined;
  /** Stop: no job starts any more, and running ones stop at their next page. */
  abort(): void;
  /** Every started job has ended. */
  settled(): Promise<void>;
};

export function prefetchInOrder<T>(jobs: FetchJob<T>[], options: { concurrency: number; lookahead?: number }): Prefetcher<T> {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  // One at a time is the serial import exactly: a job starts when the writer reaches it, and each page is
  // handled before the next query (the fetch awaits its push).
  const serial = concurrency === 1;
  const lookahead = serial ? 1 : Math.max(concurrency, options.lookahead ?? concurrency * 2);
  const queues: PageQueue<T>[] = [];
  const running: Promise<void>[] = [];
  let aborted = false;
  let active = 0;
  const waiting: (() => void)[] = [];
  const slot = async () => {
    while (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
  };
  const release = () => {
    active -= 1;
    waiting.shift()?.();
  };

  const start = (i: number) => {
    const queue = new PageQueue<T>();
    queues[i] = queue;
    const job = jobs[i]!;
    const push = async (item: T) => {
      if (aborted) throw new FetchAborted();
      const handled = queue.push(item);
      if (serial) await handled;
    };
    const work = async () => {
      await job.after?.();
      await slot();
      try {
        if (aborted) throw new FetchAborted();
        await job.run(push);
      } finally {
        release();
      }
    };
    running.push(work().then(() => queue.end(), (error: unknown) => queue.end({ error })));
  };

  return {
    queue(i) {
      for (let j = queues.length; j < Math.min(jobs.length, i + lookahead); j++) if (!aborted) start(j);
      if (!queues[i]) throw new FetchAborted();
      return queues[i];
    },
    started: (i) => queues[i],
    abort() {
      aborted = true;
      for (const q of queues) q?.release();
    },
    async settled() {
      await Promise.all(running);
    },
  };
}
