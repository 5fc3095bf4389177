/** GitHub objects as the importer receives them, whatever the source (GraphQL, webhook, demo fixture). */
export type GhActor = {
  login: string;
  /** GitHub's numeric id; null for actors GraphQL does not give one for. */
  databaseId: number | null;
  name?: string | null;
  avatarUrl?: string | null;
  isBot: boolean;
};

/** What issues and pull requests have alike. */
type GhItem = {
  repo: string;
  number: number;
  nodeId?: string | null;
  url?: string | null;
  title: string;
  body: string;
  labels: string[];
  author: GhActor | null;
  createdAt: string;
  updatedAt: string;
};

export type GhIssue = GhItem & { state: "OPEN" | "CLOSED"; closedAt: string | null };

export type GhComment = { id: string; author: GhActor | null; body: string; createdAt: string };

export type GhPullRequest = GhItem & {
  state: "OPEN" | "CLOSED" | "MERGED";
  mergedAt: string | null;
  mergedBy: string | null;
  closingIssues: { repo: string; number: number }[];
  comments: GhComment[];
  /**
   * The import's search results give no labels: `labels` then holds only the void labels the PR is known to carry,
   * and these the ones it is known not to; its other stored labels (from webhooks) are kept. Absent: `labels` is
   * the whole list (webhooks, fixtures).
   */
  labelsPartial?: { without: string[] };
};

export type IngestBatch = { issues: GhIssue[]; pullRequests: GhPullRequest[] };

export type IngestCounts = { tasks: number; pullRequests: number; entries: number; pointsAwarded: number };
