/** GitHub objects as the importer receives them, whatever the source (GraphQL, webhook, demo fixture). */
export type GhActor = {
  login: string;
  /** GitHub's numeric id; null for actors GraphQL does not give one for. */
  databaseId: number | null;
  name?: string | null;
  avatarUrl?: string | null;
  isBot: boolean;
};

export type GhIssue = {
  repo: string;
  number: number;
  nodeId?: string | null;
  url?: string | null;
  title: string;
  body: string;
  labels: string[];
  state: "OPEN" | "CLOSED";
  author: GhActor | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
};

export type GhComment = { id: string; author: GhActor | null; body: string; createdAt: string };

export type GhPullRequest = {
  repo: string;
  number: number;
  nodeId?: string | null;
  url?: string | null;
  title: string;
  body: string;
  labels: string[];
  state: "OPEN" | "CLOSED" | "MERGED";
  author: GhActor | null;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  mergedBy: string | null;
  closingIssues: { repo: string; number: number }[];
  comments: GhComment[];
};

export type IngestBatch = { issues: GhIssue[]; pullRequests: GhPullRequest[] };

export type IngestCounts = { tasks: number; pullRequests: number; entries: number; pointsAwarded: number };
