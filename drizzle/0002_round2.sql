CREATE TYPE "public"."community_role" AS ENUM('contributor', 'active-contributor', 'reviewer', 'committer', 'maintainer');--> statement-breakpoint
CREATE TYPE "public"."appeal_status" AS ENUM('open', 'accepted', 'declined');--> statement-breakpoint
CREATE TABLE "community_members" (
	"participant_id" integer PRIMARY KEY NOT NULL,
	"role" "community_role" NOT NULL,
	"sigs" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" serial PRIMARY KEY NOT NULL,
	"season_id" integer NOT NULL,
	"pull_request_id" integer NOT NULL,
	"participant_id" integer NOT NULL,
	"message" text NOT NULL,
	"status" "appeal_status" DEFAULT 'open' NOT NULL,
	"points" integer,
	"answer" text,
	"answered_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "season_results" (
	"season_id" integer NOT NULL,
	"ranking" text NOT NULL,
	"position" integer NOT NULL,
	"rank" integer,
	"participant_id" integer,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"score" integer NOT NULL,
	"tasks" integer,
	"prizes" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "seasons" ADD COLUMN "options" jsonb DEFAULT '{"umbrellas":[],"companionRepos":[],"countAs":{},"formerNames":{},"excluded":[],"voidLabels":["invalid","spam"],"prizes":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "seasons" ADD COLUMN "finalized_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "left_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "difficulties" jsonb;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "listed_umbrella" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "difficulty_override" text;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_pull_request_id_pull_requests_id_fk" FOREIGN KEY ("pull_request_id") REFERENCES "public"."pull_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_answered_by_id_participants_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_results" ADD CONSTRAINT "season_results_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_results" ADD CONSTRAINT "season_results_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_one_open_key" ON "appeals" USING btree ("season_id","pull_request_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "appeals_season_status_idx" ON "appeals" USING btree ("season_id","status");--> statement-breakpoint
CREATE INDEX "appeals_participant_idx" ON "appeals" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "season_results_position_key" ON "season_results" USING btree ("season_id","ranking","position");--> statement-breakpoint
CREATE INDEX "season_results_name_idx" ON "season_results" USING btree ("season_id","ranking","name_key");--> statement-breakpoint
UPDATE "seasons" SET "rules" = "rules" || '{"stops":[]}'::jsonb WHERE NOT ("rules" ? 'stops');
