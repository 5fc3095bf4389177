CREATE TYPE "public"."community_role" AS ENUM('contributor', 'active-contributor', 'reviewer', 'committer', 'maintainer');--> statement-breakpoint
CREATE TYPE "public"."appeal_status" AS ENUM('open', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."redemption_status" AS ENUM('requested', 'approved', 'shipped', 'refused');--> statement-breakpoint
CREATE TYPE "public"."wallet_entry_kind" AS ENUM('earn', 'spend', 'refund', 'expire');--> statement-breakpoint
CREATE TABLE "gate_waivers" (
	"task_id" integer NOT NULL,
	"participant_id" integer NOT NULL,
	"reason" text NOT NULL,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gate_waivers_task_id_participant_id_pk" PRIMARY KEY("task_id","participant_id")
);
--> statement-breakpoint
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
CREATE TABLE "gifts" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"cost" integer NOT NULL,
	"stock" integer NOT NULL,
	"picture_url" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gifts_stock_nonnegative" CHECK ("gifts"."stock" >= 0),
	CONSTRAINT "gifts_cost_positive" CHECK ("gifts"."cost" > 0)
);
--> statement-breakpoint
CREATE TABLE "redemptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"participant_id" integer NOT NULL,
	"gift_id" integer NOT NULL,
	"cost" integer NOT NULL,
	"status" "redemption_status" DEFAULT 'requested' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reason" text,
	"decided_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_credit_shares" (
	"team_id" integer NOT NULL,
	"participant_id" integer NOT NULL,
	"share" integer NOT NULL,
	CONSTRAINT "team_credit_shares_team_id_participant_id_pk" PRIMARY KEY("team_id","participant_id"),
	CONSTRAINT "team_credit_shares_nonnegative" CHECK ("team_credit_shares"."share" >= 0)
);
--> statement-breakpoint
CREATE TABLE "wallet_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"participant_id" integer NOT NULL,
	"kind" "wallet_entry_kind" NOT NULL,
	"credits" integer NOT NULL,
	"lot_season_id" integer NOT NULL,
	"redemption_id" integer,
	"actor_id" integer,
	"reason" text NOT NULL,
	"source_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallets" (
	"participant_id" integer PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "seasons" ADD COLUMN "options" jsonb DEFAULT '{"umbrellas":[],"companionRepos":[],"countAs":{},"formerNames":{},"excluded":[],"voidLabels":["invalid","spam"],"prizes":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "seasons" ADD COLUMN "finalized_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "left_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "difficulties" jsonb;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "listed_umbrella" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "difficulty_override" text;--> statement-breakpoint
ALTER TABLE "score_entries" ADD COLUMN "team_id" integer;--> statement-breakpoint
ALTER TABLE "gate_waivers" ADD CONSTRAINT "gate_waivers_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_waivers" ADD CONSTRAINT "gate_waivers_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_waivers" ADD CONSTRAINT "gate_waivers_actor_id_participants_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_pull_request_id_pull_requests_id_fk" FOREIGN KEY ("pull_request_id") REFERENCES "public"."pull_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_answered_by_id_participants_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_results" ADD CONSTRAINT "season_results_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_results" ADD CONSTRAINT "season_results_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_gift_id_gifts_id_fk" FOREIGN KEY ("gift_id") REFERENCES "public"."gifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_decided_by_id_participants_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_credit_shares" ADD CONSTRAINT "team_credit_shares_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_credit_shares" ADD CONSTRAINT "team_credit_shares_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_lot_season_id_seasons_id_fk" FOREIGN KEY ("lot_season_id") REFERENCES "public"."seasons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_redemption_id_redemptions_id_fk" FOREIGN KEY ("redemption_id") REFERENCES "public"."redemptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_actor_id_participants_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gate_waivers_participant_idx" ON "gate_waivers" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_one_open_key" ON "appeals" USING btree ("season_id","pull_request_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "appeals_season_status_idx" ON "appeals" USING btree ("season_id","status");--> statement-breakpoint
CREATE INDEX "appeals_participant_idx" ON "appeals" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "season_results_position_key" ON "season_results" USING btree ("season_id","ranking","position");--> statement-breakpoint
CREATE INDEX "season_results_name_idx" ON "season_results" USING btree ("season_id","ranking","name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "gifts_name_key" ON "gifts" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "redemptions_status_idx" ON "redemptions" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "redemptions_participant_idx" ON "redemptions" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_entries_source_key" ON "wallet_entries" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "wallet_entries_participant_idx" ON "wallet_entries" USING btree ("participant_id","id");--> statement-breakpoint
ALTER TABLE "score_entries" ADD CONSTRAINT "score_entries_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "score_entries_team_idx" ON "score_entries" USING btree ("team_id");--> statement-breakpoint
UPDATE "seasons" SET "rules" = "rules" || '{"stops":[]}'::jsonb WHERE NOT ("rules" ? 'stops');
