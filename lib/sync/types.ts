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
};

export type IngestBatch = { issues: GhIssue[]; pullRequests: GhPullRequest[] };

export type IngestCounts = { tasks: number; pullRequests: number; entries: number; pointsAwarded: number };
