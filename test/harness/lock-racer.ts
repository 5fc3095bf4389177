/**
 * One of several processes racing for the same PGlite lock files (test/unit/pglite-lock-race.test.ts): for each
 * round, waits until the agreed instant, tries to take the round's lock, prints `round <n> won|busy`, holds it
 * until every round is over, then releases them. Reading another process's state is slowed down (25 ms), which widens
 * the window between judging a holder and acting on it: a lock that is not atomic lets two racers in.
 */
import { acquireLock, LockBusy, systemProbe } from "@/db/pglite-lock";

const real = systemProbe();
const probe = {
  ...real,
  stat: (pid: number) => {
    const until = Date.now() + 25;
    while (Date.now() < until) {
      /* slow /proc */
    }
    return real.stat(pid);
  },
};

const [files, at, roundMs] = [process.argv[2]!.split(","), Number(process.argv[3]), Number(process.argv[4])];
// A winner holds its round's lock until every round is over, so a racer that a loaded machine starts late
// still finds it held (it must say busy), instead of taking a lock already released.
const held: (() => void)[] = [];
for (let round = 0; round < files.length; round++) {
  const start = at + round * roundMs;
  while (Date.now() < start) {
    /* spin: every racer starts within the same millisecond */
  }
  try {
    const release = await acquireLock(files[round]!, { role: "racer" }, probe);
    console.log(`round ${round} won`);
    held.push(release);
  } catch (e) {
    if (!(e instanceof LockBusy)) throw e;
    console.log(`round ${round} busy`);
  }
}
await new Promise((r) => setTimeout(r, Math.max(0, at + files.length * roundMs + 2_000 - Date.now())));
for (const release of held) release();
