CREATE TABLE "sign_up_issues" (
	"repo" text NOT NULL,
	"number" integer NOT NULL,
	"author" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_up_issues_repo_number_pk" PRIMARY KEY("repo","number")
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "source" text DEFAULT 'file' NOT NULL;--> statement-breakpoint
CREATE INDEX "sign_up_issues_repo_created_idx" ON "sign_up_issues" USING btree ("repo","created_at");