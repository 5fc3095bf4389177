CREATE TABLE "github_versions" (
	"repository_id" integer NOT NULL,
	"number" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "github_versions_repository_id_number_pk" PRIMARY KEY("repository_id","number")
);
--> statement-breakpoint
ALTER TABLE "github_versions" ADD CONSTRAINT "github_versions_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- What was stored before this table existed: the newest GitHub time of each task issue and pull request.
INSERT INTO "github_versions" ("repository_id", "number", "updated_at")
SELECT "repository_id", "number", max("updated_at") FROM (
  SELECT "repository_id", "number", "github_updated_at" AS "updated_at" FROM "tasks" WHERE "github_updated_at" IS NOT NULL
  UNION ALL
  SELECT "repository_id", "number", "github_updated_at" FROM "pull_requests" WHERE "github_updated_at" IS NOT NULL
) AS "known"
GROUP BY "repository_id", "number";
