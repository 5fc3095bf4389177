import type {
  DemoIdentity,
  Fixture,
  FixtureComment,
  FixtureIssue,
  FixturePullRequest,
  FixtureRepo,
  FixtureSeason,
  FixtureUser,
} from "@/demo/program/fixture";

/*
 * A deterministic demo program modelled on the TiDB/TiKV Challenge Program 2019-2020: two seasons, three or four
 * repositories, ~40 invented participants with a long-tailed score distribution, ~130 task issues and ~250 pull
 * requests. Every login and name is invented. The data deliberately contains the awkward cases a real import meets:
 * scores written in several shapes (labels, `## Score` sections, `score: N` lines, full-width colons, nothing at all),
 * tasks marked by title prefix only, references by closing keyword / `ref #N` / `UCP #N` / URL / `owner/repo#N`,
 * merges before the window, inside the grace period and after it, bot-authored cherry-picks that repeat a task
 * reference, `/reward N` comments (and one from a non-maintainer), umbrella issues, a deleted ("ghost") author,
 * gate violations and ties.
 */

const SEED = 0x5eed_2019;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The moment the snapshot was taken; nothing happens after it. */
const SNAPSHOT = Date.parse("2020-06-20T00:00:00Z");

const TIDB = "pingcap/tidb";
const TIKV = "tikv/tikv";
const PD = "pingcap/pd";
const CLIENT_GO = "tikv/client-go";
const BOT = "ti-chi-bot[bot]";

type Difficulty = "easy" | "medium" | "hard";
type Theme = "perf" | "usability";

// ---------------------------------------------------------------------------------------------------------------
// Randomness

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return at(items, this.int(0, items.length - 1));
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [item, w] of items) {
      roll -= w;
      if (roll < 0) return item;
    }
    return at(items, items.length - 1)[0];
  }
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`demo generator: no item at ${index} of ${items.length}`);
  return item;
}

/** Whole seconds, like GitHub's timestamps. */
function sec(ms: number): number {
  return Math.floor(ms / SECOND) * SECOND;
}

function iso(ms: number): string {
  return new Date(sec(ms)).toISOString().replace(/\.\d{3}Z$/, "Z");
}

// ---------------------------------------------------------------------------------------------------------------
// People and places (all invented)

const PARTICIPANTS = [
  "raftwalker", "vecexpr-dev", "lsm-lurker", "copr-cat", "quietbyte", "hex-otter", "tso-tinker", "region-ranger",
  "bloomfilter-bo", "paxos-panda", "sstable-sam", "wal-writer", "mvcc-mole", "latchfree", "btree-bee", "gc-gopher",
  "snapshot-sea", "txn-turtle", "plan-pilot", "cbo-crow", "jsonpath-jay", "rocks-raccoon", "ferris-fan42",
  "coldcache", "hotspot-hare", "chunk-chomper", "index-ibis", "lease-lynx", "batch-bison", "async-axolotl",
  "probe-puffin", "merge-marmot", "split-sparrow", "scan-stoat", "lock-loon", "dag-dingo", "codec-koala",
  "yakshaver9", "tikv-tern", "null-nomad",
] as const;

const FIRST_NAMES = ["Lin", "Wei", "Arjun", "Mina", "Tomas", "Yuki", "Chen", "Sofia", "Ravi", "Jia", "Noor", "Pablo",
  "Hana", "Ivan", "Lea", "Bo", "Kenji", "Amara", "Xin", "Oskar"];
const LAST_NAMES = ["Qiao", "Tan", "Mehta", "Park", "Novak", "Sato", "Zhou", "Rossi", "Iyer", "Lu", "Haddad",
  "Ortega", "Kim", "Petrov", "Weber", "Fang", "Mori", "Okafor", "Yue", "Lind"];

const STAFF: readonly { login: string; name: string }[] = [
  { login: "sql-keeper", name: "Sql Keeper" },
  { login: "planner-pat", name: "Pat Planner" },
  { login: "raft-warden", name: "Raft Warden" },
  { login: "pd-shepherd", name: "PD Shepherd" },
  { login: "gocli-steward", name: "Gocli Steward" },
  { login: "cp-organizer", name: "Challenge Program Team" },
  { login: "staff-runner", name: "Staff Runner" },
];
const ADMIN = "cp-organizer";

/**
 * The demo's community roles and SIGs (the governance seed's roles): the repositories' maintainers, and a few
 * participants who earned a role. sig-planner, sig-ddl, sig-engine and sig-transaction name modules of the
 * contributor map, so the map shows their members beside them; sig-exec names none and is only in the SIG list.
 */
const COMMUNITY: NonNullable<Fixture["community"]> = [
  { login: "sql-keeper", role: "maintainer", sigs: ["sig-ddl", "sig-exec"] },
  { login: "planner-pat", role: "maintainer", sigs: ["sig-planner"] },
  { login: "raft-warden", role: "maintainer", sigs: ["sig-engine", "sig-transaction"] },
  { login: "pd-shepherd", role: "committer", sigs: [] },
  { login: "plan-pilot", role: "reviewer", sigs: ["sig-planner"] },
  { login: "cbo-crow", role: "active-contributor", sigs: ["sig-planner"] },
  { login: "txn-turtle", role: "active-contributor", sigs: ["sig-transaction"] },
  { login: "rocks-raccoon", role: "active-contributor", sigs: ["sig-engine"] },
  { login: "raftwalker", role: "contributor", sigs: [] },
];
const UNRANKED_STAFF = "staff-runner";
const DRIVE_BY = ["driveby-dba", "k8s-operator-fan"] as const;

const REPO_MAINTAINERS: Record<string, readonly string[]> = {
  [TIDB]: ["sql-keeper", "planner-pat"],
  [TIKV]: ["raft-warden"],
  [PD]: ["pd-shepherd"],
  [CLIENT_GO]: ["gocli-steward", "raft-warden"],
};

function maintainersOf(repo: string): readonly string[] {
  const list = REPO_MAINTAINERS[repo];
  if (list === undefined) throw new Error(`demo generator: no maintainers for ${repo}`);
  return list;
}

const REPOS: FixtureRepo[] = [
  {
    nameWithOwner: TIDB,
    databaseId: 41986369,
    description: "TiDB is an open-source, cloud-native, distributed, MySQL-compatible database for elastic scale and real-time analytics.",
  },
  {
    nameWithOwner: TIKV,
    databaseId: 48833910,
    description: "Distributed transactional key-value database, originally created to complement TiDB.",
  },
  { nameWithOwner: PD, databaseId: 59937452, description: "Placement driver for TiKV." },
  { nameWithOwner: CLIENT_GO, databaseId: 178286012, description: "Go client for TiKV." },
];

// ---------------------------------------------------------------------------------------------------------------
// Seasons

interface SeasonSpec {
  slug: string;
  label: string;
  prefixes: readonly string[];
  repos: readonly string[];
  start: number;
  end: number;
  graceDays: number;
  file: FixtureSeason;
}

function seasonSpecs(): [SeasonSpec, SeasonSpec] {
  const s1: FixtureSeason = {
    slug: "2019-s1",
    name: "Challenge Program Season 1",
    startsAt: "2019-11-01T00:00:00+08:00",
    endsAt: "2020-02-01T23:59:59+08:00",
    timeZone: "Asia/Shanghai",
    repos: [TIDB, TIKV, PD],
    taskLabels: ["challenge-program"],
    difficulties: { easy: 100, medium: 300, hard: 1000 },
    rules: {
      caps: [{ difficulty: "easy", max: 500 }],
      gates: [
        { difficulty: "medium", minPoints: 200, from: "easy" },
        { difficulty: "hard", minPoints: 600 },
      ],
    },
    graceDays: 7,
    maintainers: { [TIDB]: [...maintainersOf(TIDB)], [TIKV]: [...maintainersOf(TIKV)], [PD]: [...maintainersOf(PD)] },
    teams: [{ name: "null-pointer-exceptions", members: [at(PARTICIPANTS, 3), at(PARTICIPANTS, 10)], joinedAt: "2019-12-01T00:00:00+08:00" }],
    unranked: [UNRANKED_STAFF],
  };
  const s2: FixtureSeason = {
    slug: "2020-s2",
    name: "Challenge Program Season 2",
    startsAt: "2020-03-02T00:00:00+08:00",
    endsAt: "2020-05-30T23:59:59+08:00",
    timeZone: "Asia/Shanghai",
    repos: [TIDB, TIKV, PD, CLIENT_GO],
    taskLabels: ["challenge-program-2"],
    taskTitlePrefixes: ["UCP:", "PCP:"],
    difficulties: { easy: 100, medium: 300, hard: 1000 },
    rules: {
      caps: [
        { difficulty: "easy", max: 600 },
        { difficulty: "easy", perRepo: true, max: 300 },
      ],
      gates: [
        { difficulty: "medium", minPoints: 200, from: "easy" },
        { difficulty: "hard", minPoints: 200, from: "easy", perRepo: true },
      ],
    },
    graceDays: 14,
    maintainers: {
      [TIDB]: [...maintainersOf(TIDB)],
      [TIKV]: [...maintainersOf(TIKV)],
      [PD]: [...maintainersOf(PD)],
      [CLIENT_GO]: [...maintainersOf(CLIENT_GO)],
    },
    teams: [
      { name: "four-nines", members: [at(PARTICIPANTS, 1), at(PARTICIPANTS, 21)], joinedAt: "2020-03-10T00:00:00+08:00" },
      { name: "hot-region-hunters", members: [at(PARTICIPANTS, 24), at(PARTICIPANTS, 25), at(PARTICIPANTS, 30)] },
    ],
    unranked: [UNRANKED_STAFF],
  };
  const spec = (file: FixtureSeason, label: string, graceDays: number): SeasonSpec => ({
    slug: file.slug,
    label,
    prefixes: file.taskTitlePrefixes ?? [],
    repos: file.repos,
    start: Date.parse(file.startsAt),
    end: Date.parse(file.endsAt),
    graceDays,
    file,
  });
  return [spec(s1, "challenge-program", 7), spec(s2, "challenge-program-2", 14)];
}

// ---------------------------------------------------------------------------------------------------------------
// Task titles

interface TitleTemplate {
  theme: Theme;
  difficulties: readonly Difficulty[];
  label: string;
  args: readonly string[];
  title: (arg: string) => string;
  pr: (arg: string) => string;
}

const EXECUTORS = ["WindowExec", "HashAggExec", "MergeJoinExec", "IndexLookUpJoin", "StreamAggExec", "SortExec",
  "TopNExec", "ShuffleExec", "ProjectionExec", "IndexMergeReaderExecutor", "HashJoinExec", "UnionScanExec",
  "InsertExec", "LoadDataExec", "ReplaceExec", "IndexLookUpExecutor"];

const COPR_FUNCTIONS = ["ADDTIME", "SUBTIME", "CONV", "DATE_FORMAT", "FROM_UNIXTIME", "INET_ATON", "INET6_NTOA",
  "LPAD", "RPAD", "TRIM", "LOCATE", "SUBSTRING_INDEX", "FIELD", "ELT", "MAKEDATE", "PERIOD_ADD", "TIMESTAMPDIFF",
  "WEEKOFYEAR", "CRC32", "SHA2", "UNCOMPRESSED_LENGTH", "QUARTER", "TO_DAYS", "FIND_IN_SET", "INSTR", "REVERSE",
  "LEFT", "RIGHT", "ASCII", "BIN", "OCT", "HEX", "UNHEX", "TO_BASE64", "FROM_BASE64", "STRCMP", "SPACE",
  "CHAR_LENGTH", "JSON_LENGTH", "JSON_KEYS"];

const TEMPLATES: Record<string, readonly TitleTemplate[]> = {
  [TIDB]: [
    {
      theme: "perf",
      difficulties: ["easy"],
      label: "sig/execution",
      args: ["AddDatetimeAndDuration", "SubDatetimeAndString", "CastJSONAsTime", "ConvertTz", "DateFormat",
        "FromUnixTime2Arg", "LocateBinary3Args", "InsertFunc", "MakeTime", "Lpad", "Rpad", "FieldString", "Elt",
        "Repeat", "Substring3Args", "TimestampDiff", "WeekWithMode", "YearWeekWithMode", "Inet6Aton", "InetNtoa",
        "JSONExtract", "JSONSearch", "JSONMerge", "Compress", "Uncompress", "Sha2", "Char", "ExportSet3Arg", "Quote",
        "Unhex", "Conv", "StrToDate", "ExtractDatetime"],
      title: (a) => `Implement vectorized evaluation for \`builtin${a}Sig\``,
      pr: (a) => `expression: implement vectorized evaluation for \`builtin${a}Sig\``,
    },
    {
      theme: "perf",
      difficulties: ["medium", "hard"],
      label: "sig/execution",
      args: EXECUTORS,
      title: (a) => `Improve the performance of \`${a}\``,
      pr: (a) => `executor: improve the performance of \`${a}\``,
    },
    {
      theme: "usability",
      difficulties: ["medium", "hard"],
      label: "sig/sql-infra",
      args: ["SHOW CONFIG", "ALTER INSTANCE RELOAD TLS", "CREATE SEQUENCE", "SELECT ... FOR UPDATE NOWAIT",
        "SHOW STATS_EXTENDED", "EXPLAIN FORMAT = \"dot\"", "ADMIN SHOW SLOW TOP", "SET ROLE DEFAULT",
        "CHECKSUM TABLE", "SHOW BUILTINS", "TABLESAMPLE", "ALTER TABLE ... ALTER INDEX ... INVISIBLE", "RENAME USER",
        "SHOW PROFILES", "WITH RECURSIVE"],
      title: (a) => `Support \`${a}\``,
      pr: (a) => `*: support \`${a}\``,
    },
    {
      theme: "usability",
      difficulties: ["medium"],
      label: "sig/planner",
      args: ["USE_INDEX_MERGE", "READ_FROM_STORAGE", "AGG_TO_COP", "NO_INDEX_MERGE", "MEMORY_QUOTA", "HASH_AGG",
        "STREAM_AGG", "INL_MERGE_JOIN", "USE_TOJA", "QUERY_TYPE", "NO_SWAP_JOIN_INPUTS", "LIMIT_TO_COP"],
      title: (a) => `Support the \`${a}\` optimizer hint`,
      pr: (a) => `planner: support the \`${a}\` hint`,
    },
    {
      theme: "usability",
      difficulties: ["easy", "medium"],
      label: "sig/execution",
      args: EXECUTORS,
      title: (a) => `Track the memory usage of \`${a}\``,
      pr: (a) => `executor: track the memory usage of \`${a}\``,
    },
    {
      theme: "usability",
      difficulties: ["easy"],
      label: "sig/sql-infra",
      args: ["a column name is ambiguous", "the partition key is invalid", "a DDL job is cancelled",
        "a prepared statement has too many placeholders", "`LOAD DATA` meets a malformed line",
        "the `tidb_mem_quota_query` limit is exceeded", "a generated column references itself",
        "a foreign key is declared on a partitioned table"],
      title: (a) => `Improve the error message when ${a}`,
      pr: (a) => `*: improve the error message when ${a}`,
    },
  ],
  [TIKV]: [
    {
      theme: "usability",
      difficulties: ["easy", "medium"],
      label: "sig/coprocessor",
      args: COPR_FUNCTIONS,
      title: (a) => `Migrate \`${a}\` from TiDB to Coprocessor`,
      pr: (a) => `coprocessor: implement \`${a}\``,
    },
    {
      theme: "perf",
      difficulties: ["medium", "hard"],
      label: "sig/raft",
      args: ["raftstore apply", "region split check", "the `Lock` CF scan", "snapshot generation", "`kv_batch_get`",
        "the GC worker", "`batch_commands` on the server side", "iterator reuse in coprocessor", "the scheduler latches",
        "`pessimistic_lock` handling", "`raw_batch_scan`", "read pool scheduling"],
      title: (a) => `Improve the performance of ${a}`,
      pr: (a) => `*: improve the performance of ${a}`,
    },
    {
      theme: "usability",
      difficulties: ["medium", "hard"],
      label: "sig/raft",
      args: ["batch split on region heartbeat", "waking up hibernated regions on demand", "online unsafe recovery",
        "follower read with `ReadIndex` batching", "joint consensus for conf changes", "region merge rollback"],
      title: (a) => `Support ${a} in raftstore`,
      pr: (a) => `raftstore: support ${a}`,
    },
    {
      theme: "usability",
      difficulties: ["easy"],
      label: "sig/diagnosis",
      args: ["the apply wait duration", "coprocessor request memory", "snapshot sending speed", "the async write queue",
        "RocksDB write stall reasons", "region read flow", "pending GC tasks", "the storage read pool queue"],
      title: (a) => `Add metrics for ${a}`,
      pr: (a) => `metrics: add metrics for ${a}`,
    },
    {
      theme: "usability",
      difficulties: ["easy", "medium"],
      label: "sig/config",
      args: ["raftstore.raft-log-gc-threshold", "storage.block-cache.capacity", "coprocessor.region-split-size",
        "gc.max-write-bytes-per-sec", "server.grpc-concurrency", "rocksdb.max-background-jobs",
        "raftstore.apply-pool-size", "readpool.unified.max-thread-count"],
      title: (a) => `Support changing \`${a}\` online`,
      pr: (a) => `config: support changing \`${a}\` online`,
    },
  ],
  [PD]: [
    {
      theme: "usability",
      difficulties: ["easy", "medium"],
      label: "component/pdctl",
      args: ["region topread", "store limit-scene", "config placement-rules show", "scheduler config balance-hot-region",
        "operator check", "hot history", "region check pending-peer", "store weight", "member leader transfer",
        "region scan --jq", "config show cluster-version", "label isolation"],
      title: (a) => `Support \`${a}\` in pd-ctl`,
      pr: (a) => `pd-ctl: support \`${a}\``,
    },
    {
      theme: "perf",
      difficulties: ["medium", "hard"],
      label: "component/server",
      args: ["region tree lookups", "the `GetRegions` API", "hot region statistics", "TSO allocation",
        "region heartbeat handling", "the balance-region scheduler", "`ScanRegions`", "region cache cloning"],
      title: (a) => `Improve the performance of ${a}`,
      pr: (a) => `server: improve the performance of ${a}`,
    },
    {
      theme: "usability",
      difficulties: ["medium", "hard"],
      label: "component/scheduler",
      args: ["evict-slow-store", "shuffle-hot-region", "random-merge", "scatter-range", "grant-hot-region",
        "split-bucket", "label-isolation"],
      title: (a) => `Add the \`${a}\` scheduler`,
      pr: (a) => `scheduler: add the \`${a}\` scheduler`,
    },
    {
      theme: "usability",
      difficulties: ["easy", "medium"],
      label: "component/placement",
      args: ["SHOW PLACEMENT", "placement rules in the HTTP API", "region label rules", "placement rule groups"],
      title: (a) => `support \`${a}\``,
      pr: (a) => `placement: support \`${a}\``,
    },
  ],
  [CLIENT_GO]: [
    {
      theme: "usability",
      difficulties: ["easy", "medium", "hard"],
      label: "component/txnkv",
      args: ["async commit", "one-phase commit", "a pessimistic lock wait timeout", "batch get on a snapshot",
        "a region cache TTL", "store liveness checks", "TSO batching"],
      title: (a) => `Support ${a} in client-go`,
      pr: (a) => `txnkv: support ${a}`,
    },
    {
      theme: "perf",
      difficulties: ["easy", "medium", "hard"],
      label: "component/tikv",
      args: ["region cache lookups", "the batch client", "`BatchGet` over many regions", "lock resolving"],
      title: (a) => `Improve the performance of ${a}`,
      pr: (a) => `tikv: improve the performance of ${a}`,
    },
  ],
};

const DESCRIPTIONS: Record<Theme, readonly string[]> = {
  perf: [
    "The current implementation spends most of its time on avoidable allocations and copies. Profile it with a typical workload, find the hot spots and make it faster without changing results.",
    "Benchmarks show this path is a bottleneck for analytical queries. Please attach benchmark results before and after the change.",
    "This runs once per row today. Batch the work, reuse buffers, and add a micro-benchmark so the gain stays visible.",
  ],
  usability: [
    "Users have asked for this repeatedly on the forum. Implement it compatibly with MySQL where that applies, and add tests that cover the error cases.",
    "A small, well-scoped change that makes the system easier to operate. Follow the existing code style and add unit tests.",
    "Operators currently have to restart or read the source to find this out. Expose it properly and document it.",
  ],
};

const SKILLS: Record<string, readonly string[]> = {
  [TIDB]: ["Go", "SQL"],
  [TIKV]: ["Rust"],
  [PD]: ["Go", "Raft basics"],
  [CLIENT_GO]: ["Go", "Distributed transactions"],
};

const MATERIALS: Record<string, string> = {
  [TIDB]: "[TiDB source code reading](https://pingcap.com/blog/tidb-source-code-reading-1/)",
  [TIKV]: "[TiKV source code reading](https://pingcap.com/blog/tikv-source-code-reading-1/)",
  [PD]: "[PD scheduling overview](https://pingcap.com/docs/stable/pd-scheduling/)",
  [CLIENT_GO]: "[Percolator in TiKV](https://tikv.org/deep-dive/distributed-transaction/percolator/)",
};

const BUG_TITLES: Record<string, readonly string[]> = {
  [TIDB]: ["Panic in `HashAggExec` when the input is empty", "`SHOW PROCESSLIST` shows a wrong time",
    "Wrong result for `CONV` with a negative base", "`ADMIN CHECK TABLE` fails after adding a prefix index",
    "Data race in `IndexLookUpExecutor` under `-race`"],
  [TIKV]: ["OOM when `raw_scan` runs with a huge limit", "`tikv-ctl` crashes on an empty data dir",
    "Slow log misses the region id", "Flaky test `test_split_epoch_not_match`"],
  [PD]: ["pd-ctl prints a wrong store state", "Hot region scheduler keeps moving the same leader",
    "`/pd/api/v1/regions` is slow with 1M regions"],
  [CLIENT_GO]: ["Region cache not invalidated after a store goes down", "Typo in the README example"],
};

const CHORE_TITLES: Record<string, readonly string[]> = {
  [TIDB]: ["*: fix typos in comments", "executor: fix a data race in `HashJoinExec`", "planner: remove dead code",
    "expression: add tests for `builtinCastSig`", "util: reduce allocations in `chunk.Column`",
    "ddl: fix a flaky test", "session: refine the slow log format", "*: update the parser dependency"],
  [TIKV]: ["*: fix clippy warnings", "raftstore: fix a flaky test", "docs: fix broken links",
    "coprocessor: add a benchmark for `BatchTableScan`", "storage: refine log messages", "*: update dependencies"],
  [PD]: ["*: fix typos", "server: fix a flaky test", "tests: add a test for the TSO fallback", "api: refine errors"],
  [CLIENT_GO]: ["*: fix lint warnings", "txnkv: add comments", "*: update the kvproto dependency"],
};

// ---------------------------------------------------------------------------------------------------------------
// Drafts: issues and pull requests get their numbers only once all exist (numbers follow creation time, shared per
// repository), so pull request text is rendered at the end.

type ScoreMode =
  | "default"
  | "label"
  | "points-label"
  | "section"
  | "line"
  | "line-fullwidth"
  | "body-difficulty"
  | "none";

interface Numbered {
  repo: string;
  createdAt: number;
  number: number;
}

interface IssueDraft extends Numbered {
  title: string;
  body: string;
  labels: string[];
  author: string | null;
  closedAt: number | null;
  updatedAt: number;
}

type RefStyle = "close" | "linked" | "ref" | "prefix" | "url" | "title";

interface Ref {
  issue: IssueDraft;
  style: RefStyle;
}

interface CommentDraft {
  author: string | null;
  body: string;
  createdAt: number;
}

interface PrDraft extends Numbered {
  title: string;
  summary: string;
  labels: string[];
  author: string | null;
  state: "OPEN" | "CLOSED" | "MERGED";
  mergedAt: number | null;
  mergedBy: string | null;
  updatedAt: number;
  refs: Ref[];
  comments: CommentDraft[];
  cherryPickOf: PrDraft | null;
}

interface TaskOptions {
  scoreMode?: ScoreMode;
  prefixOnly?: boolean;
  gate?: number;
  topic?: { template: TitleTemplate; arg: string };
}

interface Task {
  issue: IssueDraft;
  season: SeasonSpec;
  difficulty: Difficulty;
  template: TitleTemplate;
  arg: string;
}

interface Step {
  repo: string;
  difficulty: Difficulty;
  scoreMode?: ScoreMode;
  gate?: number;
}

const EXPLICIT_SCORES: Record<Difficulty, readonly number[]> = {
  easy: [100, 150, 200],
  medium: [200, 300, 400, 500, 600],
  hard: [800, 1000, 1200, 1500, 2000],
};

class Builder {
  readonly issues: IssueDraft[] = [];
  readonly prs: PrDraft[] = [];
  private readonly usedTitles = new Set<string>();

  constructor(private readonly rng: Rng) {}

  // --- tasks -------------------------------------------------------------------------------------------------

  private pickTopic(repo: string, difficulty: Difficulty): { template: TitleTemplate; arg: string } {
    const templates = TEMPLATES[repo] ?? [];
    const fitting = templates.filter((t) => t.difficulties.includes(difficulty));
    const pool = fitting.length > 0 ? fitting : templates;
    for (let attempt = 0; attempt < 200; attempt++) {
      const template = this.rng.pick(pool);
      const arg = this.rng.pick(template.args);
      if (!this.usedTitles.has(`${repo} ${template.title(arg)}`)) return { template, arg };
    }
    // Exhausted: every combination is taken, so reuse one with a part number.
    const template = this.rng.pick(pool);
    return { template, arg: `${this.rng.pick(template.args)} (part ${this.issues.length})` };
  }

  private scoreModeFor(difficulty: Difficulty): ScoreMode {
    return this.rng.weighted<ScoreMode>([
      ["default", 40],
      ["label", 15],
      ["points-label", 5],
      ["section", 20],
      ["line", 10],
      ["line-fullwidth", 4],
      ["body-difficulty", difficulty === "hard" ? 2 : 6],
    ]);
  }

  task(season: SeasonSpec, repo: string, difficulty: Difficulty, createdAt: number, opts: TaskOptions = {}): Task {
    const rng = this.rng;
    const { template, arg } = opts.topic ?? this.pickTopic(repo, difficulty);
    const scoreMode = opts.scoreMode ?? this.scoreModeFor(difficulty);
    const score = rng.pick(EXPLICIT_SCORES[difficulty]);

    let title = template.title(arg);
    this.usedTitles.add(`${repo} ${title}`);
    const prefix = season.prefixes.length > 0 ? (template.theme === "perf" ? "PCP:" : "UCP:") : null;
    if (prefix !== null && (opts.prefixOnly === true || rng.chance(0.55))) title = `${prefix} ${title}`;

    const labels: string[] = [];
    if (opts.prefixOnly !== true) labels.push(season.label);
    if (scoreMode !== "body-difficulty" && scoreMode !== "none") labels.push(`difficulty/${difficulty}`);
    if (scoreMode === "label") labels.push(`score/${score}`);
    if (scoreMode === "points-label") labels.push(`points/${score}`);
    labels.push(template.label);
    if (rng.chance(0.4)) labels.push(template.theme === "perf" ? "type/performance" : "type/enhancement");

    const mentor = rng.pick(maintainersOf(repo));
    const sections = [`## Description\n\n${rng.pick(DESCRIPTIONS[template.theme])}`];
    const info: string[] = [];
    if (scoreMode === "body-difficulty") {
      if (rng.chance(0.5)) sections.push(`## Difficulty\n\n- ${capitalize(difficulty)}`);
      else info.push(`- difficulty: ${difficulty}`);
    }
    if (scoreMode === "section") sections.push(`## Score\n\n- ${score}`);
    if (scoreMode === "line") info.push(rng.chance(0.5) ? `- score: ${score}` : `* Score: ${score}`);
    if (scoreMode === "line-fullwidth") info.push(`- Score：${score}`);
    if (opts.gate !== undefined) info.push(`- min score required: ${opts.gate}`);
    info.push(`- mentor: @${mentor}`);
    sections.push(`## Task Info\n\n${info.join("\n")}`);
    sections.push(`## Recommended Skills\n\n${(SKILLS[repo] ?? []).map((s) => `- ${s}`).join("\n")}`);
    sections.push(`## Learning Materials\n\n- ${MATERIALS[repo] ?? ""}`);

    const issue: IssueDraft = {
      repo,
      number: 0,
      createdAt: sec(createdAt),
      title,
      body: sections.join("\n\n") + "\n",
      labels,
      author: rng.chance(0.85) ? mentor : ADMIN,
      closedAt: null,
      updatedAt: sec(createdAt + rng.between(HOUR, 3 * DAY)),
    };
    this.issues.push(issue);
    return { issue, season, difficulty, template, arg };
  }

  plainIssue(repo: string, title: string, author: string, createdAt: number, labels: string[]): IssueDraft {
    const issue: IssueDraft = {
      repo,
      number: 0,
      createdAt: sec(createdAt),
      title,
      body: "## Bug Report\n\n### 1. Minimal reproduce step\n\nSee below.\n\n### 2. What did you expect to see?\n\nNo error.\n\n### 3. What did you see instead?\n\nAn error.\n",
      labels,
      author,
      closedAt: null,
      updatedAt: sec(createdAt + this.rng.between(HOUR, 5 * DAY)),
    };
    this.issues.push(issue);
    return issue;
  }

  close(issue: IssueDraft, at: number): void {
    issue.closedAt = sec(Math.max(at, issue.createdAt + MINUTE));
    issue.updatedAt = Math.max(issue.updatedAt, issue.closedAt);
  }

  // --- pull requests -----------------------------------------------------------------------------------------

  pr(
    repo: string,
    title: string,
    author: string | null,
    createdAt: number,
    outcome: { merged: number } | { closed: number } | "open",
    refs: Ref[] = [],
    labels: string[] = [],
  ): PrDraft {
    const rng = this.rng;
    const created = sec(createdAt);
    // Nothing happens after the snapshot: what would have been merged or closed later is still open.
    if (outcome !== "open" && ("merged" in outcome ? outcome.merged : outcome.closed) > SNAPSHOT - HOUR) outcome = "open";
    let state: PrDraft["state"] = "OPEN";
    let mergedAt: number | null = null;
    let mergedBy: string | null = null;
    let updatedAt = sec(Math.min(SNAPSHOT, created + rng.between(HOUR, 10 * DAY)));
    const comments: CommentDraft[] = [];
    const maintainer = rng.pick(maintainersOf(repo));
    if (outcome !== "open" && "merged" in outcome) {
      state = "MERGED";
      mergedAt = sec(Math.max(outcome.merged, created + 10 * MINUTE));
      const byBot = rng.chance(0.45);
      mergedBy = byBot ? BOT : maintainer;
      if (rng.chance(0.5)) comments.push({ author: maintainer, body: "LGTM", createdAt: mid(rng, created, mergedAt) });
      if (byBot) comments.push({ author: maintainer, body: "/merge", createdAt: mergedAt - rng.int(2, 30) * MINUTE });
      updatedAt = mergedAt + rng.int(5, 120) * SECOND;
    } else if (outcome !== "open") {
      state = "CLOSED";
      const closed = sec(Math.max(outcome.closed, created + HOUR));
      if (rng.chance(0.5))
        comments.push({ author: maintainer, body: "Closing as this has been inactive for a while. Feel free to reopen.", createdAt: closed - MINUTE });
      updatedAt = closed;
    }
    const draft: PrDraft = {
      repo,
      number: 0,
      createdAt: created,
      title,
      summary: "",
      labels,
      author,
      state,
      mergedAt,
      mergedBy,
      updatedAt,
      refs,
      comments,
      cherryPickOf: null,
    };
    this.prs.push(draft);
    return draft;
  }

  refStyle(season: SeasonSpec | null): RefStyle {
    return this.rng.weighted<RefStyle>([
      ["close", 45],
      ["linked", 10],
      ["ref", 14],
      ["url", 9],
      ["title", 5],
      ["prefix", season !== null && season.prefixes.length > 0 ? 14 : 0],
    ]);
  }

  /** A participant's merged pull request completing `task`, plus the noise around it. */
  complete(task: Task, author: string | null, created: number, merged: number, roster: readonly string[]): PrDraft {
    const rng = this.rng;
    const { issue, season } = task;
    // Now and then the change lands in a neighbouring repository of the season and references across.
    const crossRepo = rng.chance(0.06) ? rng.pick(season.repos.filter((r) => r !== issue.repo)) : null;
    const repo = crossRepo ?? issue.repo;
    const style: RefStyle = crossRepo !== null ? rng.pick<RefStyle>(["close", "ref", "url"]) : this.refStyle(season);
    const labels = rng.chance(0.35) ? [season.label] : [];
    if (task.template.theme === "perf" && rng.chance(0.5)) labels.push("type/performance");

    // Big tasks are often split: a first merged part that only refers to the task.
    if (task.difficulty !== "easy" && rng.chance(0.45) && author !== null) {
      const partMerged = created + (merged - created) * rng.between(0.3, 0.6);
      const partCreated = Math.max(issue.createdAt + HOUR, created - rng.between(HOUR, DAY));
      this.pr(repo, `${task.template.pr(task.arg)} (part 1)`, author, partCreated, { merged: partMerged },
        [{ issue, style: "ref" }], [...labels]);
    }
    // Someone else tried first and gave up.
    const others = roster.filter((p) => p !== author);
    if (rng.chance(0.2) && others.length > 0) {
      const other = rng.pick(others);
      const start = Math.max(issue.createdAt + HOUR, created - rng.between(2 * DAY, 12 * DAY));
      this.pr(repo, task.template.pr(task.arg), other, start, { closed: start + rng.between(DAY, 10 * DAY) }, [{ issue, style: "close" }]);
    }

    const pr = this.pr(repo, task.template.pr(task.arg), author, created, { merged }, [{ issue, style }], labels);
    const closedByMerge = style === "close" || style === "linked" || style === "title";
    if (closedByMerge && crossRepo === null) this.close(issue, (pr.mergedAt ?? merged) + rng.int(3, 40) * SECOND);
    else if (rng.chance(0.9)) this.close(issue, (pr.mergedAt ?? merged) + rng.between(HOUR, 3 * DAY));
    // else: the maintainer forgot to close it; it stays OPEN although done.

    if (pr.mergedAt !== null && (issue.repo === TIDB || issue.repo === TIKV) && rng.chance(0.15)) this.cherryPick(pr);
    return pr;
  }

  cherryPick(original: PrDraft): PrDraft {
    const rng = this.rng;
    const merged = (original.mergedAt ?? original.createdAt) + rng.between(HOUR, 2 * DAY);
    const created = (original.mergedAt ?? original.createdAt) + rng.int(1, 30) * MINUTE;
    const pick = this.pr(original.repo, "", BOT, created, { merged: merged + rng.between(HOUR, 3 * DAY) }, original.refs,
      ["type/cherry-pick-for-release-4.0"]);
    pick.cherryPickOf = original;
    return pick;
  }

  // --- final assembly ----------------------------------------------------------------------------------------

  assignNumbers(): void {
    const bases: Record<string, number> = { [TIDB]: 13004, [TIKV]: 5911, [PD]: 1962, [CLIENT_GO]: 512 };
    const items: Numbered[] = [...this.issues, ...this.prs];
    items.sort((a, b) => a.createdAt - b.createdAt); // stable: ties keep creation order
    const next = new Map<string, number>();
    for (const item of items) {
      const current = next.get(item.repo) ?? bases[item.repo] ?? 1;
      item.number = current;
      // Other issues and pull requests, not in the fixture, took the numbers in between.
      next.set(item.repo, current + this.rng.int(1, item.repo === TIDB ? 24 : 9));
    }
  }

  renderIssue(d: IssueDraft): FixtureIssue {
    return {
      repo: d.repo,
      number: d.number,
      title: d.title,
      body: d.body,
      labels: d.labels,
      state: d.closedAt === null ? "OPEN" : "CLOSED",
      author: d.author,
      createdAt: iso(d.createdAt),
      updatedAt: iso(Math.max(d.updatedAt, d.createdAt)),
      closedAt: d.closedAt === null ? null : iso(d.closedAt),
    };
  }

  renderPr(d: PrDraft, nextCommentId: () => string): FixturePullRequest {
    const { title, body, closingIssues } = this.prText(d);
    const comments: FixtureComment[] = [...d.comments]
      .map((c) => ({ ...c, createdAt: Math.max(c.createdAt, d.createdAt) }))
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((c) => ({ id: nextCommentId(), author: c.author, body: c.body, createdAt: iso(c.createdAt) }));
    const lastComment = d.comments.reduce((m, c) => Math.max(m, c.createdAt), d.createdAt);
    return {
      repo: d.repo,
      number: d.number,
      title,
      body,
      labels: d.labels,
      state: d.state,
      author: d.author,
      createdAt: iso(d.createdAt),
      updatedAt: iso(Math.max(d.updatedAt, lastComment, d.mergedAt ?? 0)),
      mergedAt: d.mergedAt === null ? null : iso(d.mergedAt),
      mergedBy: d.mergedBy,
      closingIssues,
      comments,
    };
  }

  private prText(d: PrDraft): { title: string; body: string; closingIssues: number[] } {
    if (d.cherryPickOf !== null) {
      const original = this.prText(d.cherryPickOf);
      return {
        title: `${original.title} (#${d.cherryPickOf.number})`,
        body: `This is an automated cherry-pick of #${d.cherryPickOf.number}\n\n---\n\n${original.body}`,
        closingIssues: [], // closing keywords only act on the default branch
      };
    }
    let title = d.title;
    const issueLines: string[] = [];
    const closingIssues: number[] = [];
    for (const { issue, style } of d.refs) {
      const sameRepo = issue.repo === d.repo;
      const short = sameRepo ? `#${issue.number}` : `${issue.repo}#${issue.number}`;
      const url = `https://github.com/${issue.repo}/issues/${issue.number}`;
      switch (style) {
        case "close":
          issueLines.push(`close ${short}`);
          if (sameRepo) closingIssues.push(issue.number);
          break;
        case "linked":
          if (sameRepo) closingIssues.push(issue.number);
          else issueLines.push(short);
          break;
        case "ref":
          issueLines.push(`ref ${short}`);
          break;
        case "prefix": {
          const prefix = /^([A-Z]CP):/.exec(issue.title)?.[1] ?? "UCP";
          issueLines.push(sameRepo ? `${prefix} #${issue.number}` : `${prefix} ${short}`);
          break;
        }
        case "url":
          issueLines.push(url);
          break;
        case "title":
          title = `${title}, close ${short}`;
          if (sameRepo) closingIssues.push(issue.number);
          break;
      }
    }
    const summary = d.summary === "" ? "See the linked issue." : d.summary;
    const issueLine = issueLines.length > 0 ? `Issue Number: ${issueLines.join(", ")}\n\n` : "";
    const body =
      d.repo === TIKV
        ? `### What problem does this PR solve?\n\n${issueLine}Problem Summary: ${summary}\n\n### What is changed and how it works?\n\n${d.title}.\n\n### Check List\n\nTests\n\n- Unit test\n\n### Release note\n\n- No release note\n`
        : `### What problem does this PR solve?\n\n${issueLine}Problem Summary: ${summary}\n\n### What is changed and how it works?\n\n${d.title}.\n\n### Check List\n\nTests\n\n- Unit test\n- Integration test\n`;
    return { title, body, closingIssues };
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function mid(rng: Rng, from: number, to: number): number {
  return sec(from + (to - from) * rng.between(0.2, 0.8));
}

// ---------------------------------------------------------------------------------------------------------------
// Who does what

type Tier = "A" | "B" | "C";

interface Roster {
  A: readonly string[];
  B: readonly string[];
  C: readonly string[];
}

function plan(rng: Rng, tier: Tier, home: string, other: string): Step[] {
  switch (tier) {
    case "A": {
      const steps: Step[] = [
        { repo: home, difficulty: "easy" },
        { repo: home, difficulty: "easy" },
        { repo: home, difficulty: "medium" },
        { repo: other, difficulty: "easy" },
        { repo: other, difficulty: "medium" },
        { repo: home, difficulty: "hard", gate: rng.chance(0.5) ? 400 : undefined },
      ];
      if (rng.chance(0.5)) steps.push({ repo: home, difficulty: "easy" }); // over the per-repo easy cap
      if (rng.chance(0.5)) steps.push({ repo: home, difficulty: "medium" });
      return steps;
    }
    case "B": {
      const steps: Step[] = [
        { repo: home, difficulty: "easy" },
        { repo: home, difficulty: "easy" },
        { repo: home, difficulty: "medium" },
      ];
      if (rng.chance(0.5)) steps.push({ repo: other, difficulty: "easy" });
      return steps;
    }
    case "C":
      return rng.chance(0.15)
        ? [{ repo: home, difficulty: "easy" }, { repo: other, difficulty: "easy" }]
        : [{ repo: home, difficulty: "easy" }];
  }
}

function homeRepo(rng: Rng, season: SeasonSpec): string {
  return rng.weighted<string>(
    season.repos.map((r): [string, number] => [r, r === TIDB ? 45 : r === TIKV ? 33 : r === PD ? 20 : 10]),
  );
}

function runSeason(b: Builder, rng: Rng, season: SeasonSpec, roster: Roster): void {
  const everyone = [...roster.A, ...roster.B, ...roster.C];
  const open = season.start + 2 * DAY;
  const close = season.end - 6 * DAY;
  let stepIndex = 0;
  const issueTime = (prCreated: number) =>
    Math.max(season.start - 14 * DAY, prCreated - rng.between(DAY, 25 * DAY));

  const doSteps = (author: string, steps: Step[], spread: "sequential" | "random") => {
    const span = close - open;
    let cursor = open + (spread === "random" ? rng.between(0, span * 0.7) : 0);
    steps.forEach((step, i) => {
      let created: number;
      let merged: number;
      if (spread === "sequential") {
        const seg = span / steps.length;
        const segStart = open + i * seg;
        created = segStart + rng.between(0.02, 0.45) * seg;
        merged = segStart + rng.between(0.55, 0.98) * seg;
      } else {
        created = Math.min(cursor + rng.between(0, 4 * DAY), close - 2 * DAY);
        merged = Math.min(close, created + rng.between(DAY, 8 * DAY));
        cursor = merged + rng.between(DAY, 5 * DAY);
      }
      stepIndex++;
      // In seasons with title prefixes, every ninth task is marked by its prefix only.
      const prefixOnly = season.prefixes.length > 0 && stepIndex % 9 === 4;
      const task = b.task(season, step.repo, step.difficulty, issueTime(created), {
        scoreMode: step.scoreMode,
        gate: step.gate,
        prefixOnly,
      });
      b.complete(task, author, created, merged, everyone);
    });
  };

  roster.A.forEach((login) => {
    const home = homeRepo(rng, season);
    doSteps(login, plan(rng, "A", home, rng.pick(season.repos.filter((r) => r !== home))), "sequential");
  });
  roster.B.forEach((login, i) => {
    const home = homeRepo(rng, season);
    const steps = plan(rng, "B", home, rng.pick(season.repos.filter((r) => r !== home)));
    // The first two B participants tie: same shape, season defaults only (100 + 100 + 300).
    if (i < 2) doSteps(login, steps.slice(0, 3).map((s): Step => ({ ...s, scoreMode: "default" })), "sequential");
    else doSteps(login, steps, "sequential");
  });
  roster.C.forEach((login, i) => {
    const home = homeRepo(rng, season);
    const other = rng.pick(season.repos.filter((r) => r !== home));
    if (i < 4) {
      // A guaranteed tie at the bottom: one easy task at the season default each.
      doSteps(login, [{ repo: home, difficulty: "easy", scoreMode: "default" }], "random");
    } else if (i === 4) {
      // Picked a medium task without the easy points the gate asks for.
      doSteps(login, [{ repo: home, difficulty: "medium" }], "random");
    } else if (i === 6 && season.prefixes.length > 0) {
      // A finished task nobody gave a score or difficulty: "needs a score".
      doSteps(login, [{ repo: home, difficulty: "easy", scoreMode: "none" }], "random");
    } else {
      doSteps(login, plan(rng, "C", home, other), "random");
    }
  });
  // Staff take part but are unranked.
  doSteps(UNRANKED_STAFF, season.prefixes.length > 0
    ? [{ repo: PD, difficulty: "easy" }, { repo: PD, difficulty: "easy" }]
    : [{ repo: TIDB, difficulty: "easy" }, { repo: TIDB, difficulty: "medium" }], "sequential");

  // Tasks nobody finished: open (some with a pull request in progress), or closed without a winner.
  const unfinished = season.prefixes.length > 0 ? 7 : 5;
  for (let i = 0; i < unfinished; i++) {
    const repo = rng.pick(season.repos);
    const difficulty = rng.weighted<Difficulty>([["easy", 3], ["medium", 3], ["hard", 2]]);
    const created = rng.between(season.start - 7 * DAY, season.end - 20 * DAY);
    const task = b.task(season, repo, difficulty, created, {
      scoreMode: i === 0 ? "none" : undefined,
      gate: i === 1 ? 400 : undefined,
      prefixOnly: i === 2 && season.prefixes.length > 0,
    });
    if (i === unfinished - 1) b.close(task.issue, created + rng.between(20 * DAY, 40 * DAY)); // won't do
    if (i >= 2 && i < 2 + (season.prefixes.length > 0 ? 4 : 1)) {
      const author = rng.pick(roster.C);
      const prCreated = Math.min(SNAPSHOT - 5 * DAY, Math.max(created + DAY, season.end - rng.between(3 * DAY, 20 * DAY)));
      b.pr(repo, task.template.pr(task.arg), author, prCreated, "open", [{ issue: task.issue, style: b.refStyle(season) }]);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

type Person = (i: number) => string;

/** Umbrella, season 1: vectorize the remaining builtins; every author earns the task's score once. */
function umbrellaSeason1(b: Builder, rng: Rng, s1: SeasonSpec, P: Person): void {
  const umbrella = b.task(s1, TIDB, "easy", Date.parse("2019-11-02T03:00:00Z"), {
    scoreMode: "label",
    topic: {
      template: {
        theme: "perf",
        difficulties: ["easy"],
        label: "sig/execution",
        args: ["the remaining builtin functions"],
        title: () => "expression: vectorize the remaining builtin functions",
        pr: (a) => `expression: vectorize ${a}`,
      },
      arg: "",
    },
  });
  umbrella.issue.labels = ["challenge-program", "difficulty/easy", "score/50", "sig/execution"];
  umbrella.issue.body =
    "## Description\n\nThis is an umbrella issue. Pick any builtin function below that is not vectorized yet, " +
    "leave a comment, and open a pull request that refers to this issue.\n\n- [ ] `builtinLeastTimeSig`\n" +
    "- [ ] `builtinGreatestTimeSig`\n- [ ] `builtinTimeFormatSig`\n- [ ] `builtinSecToTimeSig`\n\n## Score\n\n- 50\n";
  const fns = ["builtinLeastTimeSig", "builtinGreatestTimeSig", "builtinTimeFormatSig", "builtinSecToTimeSig", "builtinTimeToSecSig"];
  const authors = [P(12), P(13), P(14), P(12), P(15)];
  authors.forEach((author, i) => {
    const created = Date.parse("2019-11-10T06:00:00Z") + i * 9 * DAY + rng.between(0, 2 * DAY);
    b.pr(TIDB, `expression: implement vectorized evaluation for \`${at(fns, i)}\``, author, created,
      { merged: created + rng.between(DAY, 6 * DAY) }, [{ issue: umbrella.issue, style: "ref" }], ["challenge-program"]);
  });
}

/** Umbrella, season 2: migrate functions to the coprocessor; each pull request is rewarded with `/reward N`. */
function umbrellaSeason2(b: Builder, rng: Rng, s2: SeasonSpec, P: Person): void {
  const umbrella = b.task(s2, TIKV, "medium", Date.parse("2020-03-02T02:00:00Z"), {
    scoreMode: "default",
    topic: {
      template: {
        theme: "usability",
        difficulties: ["medium"],
        label: "sig/coprocessor",
        args: [""],
        title: () => "UCP: Migrate functions from TiDB to Coprocessor",
        pr: (a) => `coprocessor: implement ${a}`,
      },
      arg: "",
    },
  });
  umbrella.issue.title = "UCP: Migrate functions from TiDB to Coprocessor";
  umbrella.issue.labels = ["challenge-program-2", "difficulty/medium", "sig/coprocessor"];
  umbrella.issue.body =
    "## Description\n\nTiDB evaluates these functions itself today. Migrate each to TiKV's coprocessor so they can " +
    "be pushed down. One pull request per function; the mentor rewards each merged pull request with `/reward N` " +
    "according to its complexity.\n\n- [ ] `GREATEST`\n- [ ] `LEAST`\n- [ ] `INTERVAL`\n- [ ] `CONCAT_WS`\n" +
    "- [ ] `MID`\n- [ ] `SUBSTR`\n- [ ] `MAKETIME`\n\n## Task Info\n\n- mentor: @raft-warden\n";
  const fns = ["GREATEST", "LEAST", "INTERVAL", "CONCAT_WS", "MID", "SUBSTR", "MAKETIME"];
  const authors = [P(30), P(31), P(32), P(33), P(0), P(34), P(0)];
  const rewards = [150, 100, 200, 150, 200, 100, 150];
  authors.forEach((author, i) => {
    const created = Date.parse("2020-03-08T04:00:00Z") + i * 10 * DAY + rng.between(0, 3 * DAY);
    const pr = b.pr(TIKV, `coprocessor: implement \`${at(fns, i)}\``, author, created,
      { merged: created + rng.between(DAY, 6 * DAY) }, [{ issue: umbrella.issue, style: i === 3 ? "ref" : "prefix" }],
      ["challenge-program-2", "sig/coprocessor"]);
    const mergedAt = pr.mergedAt ?? created;
    pr.comments.push({ author: "raft-warden", body: `/reward ${at(rewards, i)}`, createdAt: mergedAt + rng.int(10, 300) * MINUTE });
    // A participant trying to reward themselves: not a maintainer, so it must not count.
    if (i === 2) pr.comments.push({ author, body: "/reward 500", createdAt: mergedAt + 2 * HOUR });
  });
}

/** Merges outside the windows. Season 1 ends 2020-02-01T15:59:59Z (+7 days grace), season 2 2020-05-30T15:59:59Z (+14). */
function outsideTheWindows(b: Builder, rng: Rng, s1: SeasonSpec, s2: SeasonSpec, P: Person): void {
  const outside: [SeasonSpec, string, string, string, string][] = [
    // season, repo, author, pull request created, merged (UTC)
    [s1, TIDB, P(16), "2019-10-22T08:00:00Z", "2019-10-29T10:00:00Z"], // before the window
    [s1, TIKV, P(17), "2019-10-25T08:00:00Z", "2019-10-31T12:00:00Z"], // before the window (by a few hours in UTC+8)
    [s1, PD, P(18), "2020-01-27T08:00:00Z", "2020-02-05T09:00:00Z"], // inside the grace period
    [s1, TIDB, P(19), "2020-01-28T08:00:00Z", "2020-02-15T09:00:00Z"], // after the grace period
    [s2, PD, P(26), "2020-02-22T08:00:00Z", "2020-02-27T09:00:00Z"], // between the seasons
    [s2, TIDB, P(27), "2020-05-20T08:00:00Z", "2020-06-03T09:00:00Z"], // inside the grace period
    [s2, TIKV, P(28), "2020-05-26T08:00:00Z", "2020-06-10T09:00:00Z"], // inside the grace period
    [s2, TIDB, P(29), "2020-05-25T08:00:00Z", "2020-06-18T09:00:00Z"], // after the grace period
  ];
  for (const [season, repo, author, created, merged] of outside) {
    const c = Date.parse(created);
    const task = b.task(season, repo, "easy", c - rng.between(2 * DAY, 10 * DAY), { scoreMode: "default" });
    b.complete(task, author, c, Date.parse(merged), [author]);
  }

}

/** A deleted account's abandoned attempt at a season 2 task. */
function ghostAttempt(b: Builder, s2: SeasonSpec): void {
  const task = b.task(s2, PD, "easy", Date.parse("2020-03-20T02:00:00Z"), { scoreMode: "section" });
  const ghost = b.pr(PD, task.template.pr(task.arg), null, Date.parse("2020-03-25T02:00:00Z"),
    { closed: Date.parse("2020-04-20T02:00:00Z") }, [{ issue: task.issue, style: "close" }]);
  ghost.comments.push({ author: null, body: "I will pick this up again next week.", createdAt: Date.parse("2020-04-02T02:00:00Z") });
}

/** Everyday work that is not a task: bug reports and fixes, chores, dependency bumps, staff changes. */
function everydayWork(b: Builder, rng: Rng, s1: SeasonSpec, s2: SeasonSpec): void {
  const everyone = [...PARTICIPANTS];
  const bugs: IssueDraft[] = [];
  for (const [repo, titles] of Object.entries(BUG_TITLES)) {
    for (const title of titles) {
      const created = repo === CLIENT_GO
        ? rng.between(Date.parse("2020-03-01T00:00:00Z"), Date.parse("2020-06-01T00:00:00Z"))
        : rng.between(Date.parse("2019-10-15T00:00:00Z"), Date.parse("2020-06-01T00:00:00Z"));
      const author = rng.chance(0.3) ? rng.pick(DRIVE_BY) : rng.pick(everyone);
      bugs.push(b.plainIssue(repo, title, author, created, ["type/bug", rng.pick(["severity/minor", "severity/moderate", "severity/major"])]));
    }
  }
  const fixes: PrDraft[] = [];
  for (const bug of bugs) {
    if (!rng.chance(0.7)) continue;
    const created = bug.createdAt + rng.between(HOUR, 6 * DAY);
    const merged = created + rng.between(HOUR, 5 * DAY);
    const author = rng.chance(0.7) ? rng.pick(everyone) : rng.pick(maintainersOf(bug.repo));
    const pr = b.pr(bug.repo, `*: fix ${bug.title.charAt(0).toLowerCase()}${bug.title.slice(1)}`, author, created,
      merged < SNAPSHOT ? { merged } : "open", [{ issue: bug, style: rng.pick<RefStyle>(["close", "close", "linked", "ref"]) }], ["type/bugfix"]);
    if (pr.mergedAt !== null) b.close(bug, pr.mergedAt + rng.int(3, 40) * SECOND);
    fixes.push(pr);
  }
  // Points for work that is not a task: a maintainer's `/reward` on a participant's bug fix inside a season.
  const inSeason = (t: number) => [s1, s2].some((s) => t >= s.start && t <= s.end);
  const rewardable = fixes.filter(
    (p) => p.mergedAt !== null && inSeason(p.mergedAt) && p.author !== null && !STAFF.some((s) => s.login === p.author),
  );
  rewardable.slice(0, 2).forEach((pr, i) => {
    const merged = pr.mergedAt ?? pr.createdAt;
    pr.comments.push({ author: rng.pick(maintainersOf(pr.repo)), body: `/reward ${i === 0 ? 50 : 150}`, createdAt: merged + 3 * HOUR });
  });
  const choreAuthors = everyone.map((p, i): [string, number] => [p, 1 / (i + 3)]);
  for (let i = 0; i < 52; i++) {
    const repo = rng.weighted<string>([[TIDB, 45], [TIKV, 30], [PD, 18], [CLIENT_GO, 7]]);
    const from = repo === CLIENT_GO ? Date.parse("2020-03-01T00:00:00Z") : Date.parse("2019-10-10T00:00:00Z");
    const created = rng.between(from, Date.parse("2020-06-12T00:00:00Z"));
    const author = i % 5 === 0 ? rng.pick(STAFF.map((s) => s.login)) : rng.weighted(choreAuthors);
    const outcome = rng.weighted<"merged" | "closed" | "open">([["merged", 78], ["closed", 12], ["open", 10]]);
    // A few carry the program's label although they are not tasks.
    const labels = rng.chance(0.1) ? [rng.pick([s1.label, s2.label])] : [];
    b.pr(repo, rng.pick(CHORE_TITLES[repo] ?? ["*: chore"]), author, created,
      outcome === "merged" ? { merged: created + rng.between(2 * HOUR, 6 * DAY) }
        : outcome === "closed" ? { closed: created + rng.between(DAY, 20 * DAY) } : "open", [], labels);
  }
  for (const [repo, when] of [[TIKV, "2019-12-02T01:00:00Z"], [TIDB, "2020-01-06T01:00:00Z"], [PD, "2020-04-07T01:00:00Z"]] as const) {
    const created = Date.parse(when);
    b.pr(repo, "*: update dependencies", BOT, created, { merged: created + rng.between(HOUR, 2 * DAY) }, [], ["dependencies"]);
  }

}

/** Numbers, comment ids and users: the builder's drafts as the fixture's issues, pull requests and accounts. */
function render(b: Builder, rng: Rng): Pick<Fixture, "issues" | "pullRequests" | "users"> {
  b.assignNumbers();
  let commentSeq = 0;
  const nextCommentId = () => `IC_kwDOAoaa${(2_600_000_000 + ++commentSeq * 7919).toString(36).toUpperCase()}`;
  const issues = [...b.issues].sort((x, y) => x.repo.localeCompare(y.repo) || x.number - y.number).map((d) => b.renderIssue(d));
  const pullRequests = [...b.prs]
    .sort((x, y) => x.repo.localeCompare(y.repo) || x.number - y.number)
    .map((d) => b.renderPr(d, nextCommentId));

  const users: FixtureUser[] = [];
  let id = 38_000_000;
  const addUser = (login: string, name: string | null, type: FixtureUser["type"] = "User") => {
    id += rng.int(1_000, 900_000);
    users.push({ login, databaseId: id, name, avatarUrl: `https://avatars.githubusercontent.com/u/${id}?v=4`, type });
  };
  for (const s of STAFF) addUser(s.login, s.name);
  for (const login of PARTICIPANTS) {
    addUser(login, rng.chance(0.65) ? `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}` : null);
  }
  for (const login of DRIVE_BY) addUser(login, null);
  addUser(BOT, null, "Bot");
  return { issues, pullRequests, users };
}

export function generateDemoProgram(): Fixture {
  const rng = new Rng(SEED);
  const b = new Builder(rng);
  const [s1, s2] = seasonSpecs();
  const P = (i: number) => at(PARTICIPANTS, i);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => P(from + k));

  // Season 1: 20 participants. Season 2: 25, of whom 5 came back.
  const roster1: Roster = { A: [P(0), P(1), P(2)], B: range(3, 6), C: range(7, 19) };
  const roster2: Roster = { A: [P(0), P(1), P(20)], B: [P(3), ...range(21, 24)], C: [P(8), P(9), ...range(25, 39)] };
  runSeason(b, rng, s1, roster1);
  runSeason(b, rng, s2, roster2);
  umbrellaSeason1(b, rng, s1, P);
  umbrellaSeason2(b, rng, s2, P);
  outsideTheWindows(b, rng, s1, s2, P);
  ghostAttempt(b, s2);
  everydayWork(b, rng, s1, s2);
  const { issues, pullRequests, users } = render(b, rng);

  const demoIdentities: DemoIdentity[] = [
    { login: P(0), role: "participant" },
    { login: "pd-shepherd", role: "maintainer", repo: PD },
    { login: ADMIN, role: "admin" },
  ];

  return {
    users,
    repos: REPOS.map((r) => ({ ...r })),
    issues,
    pullRequests,
    seasons: [s1.file, s2.file],
    admins: [ADMIN],
    demoIdentities,
    community: COMMUNITY,
  };
}
