CREATE TYPE "public"."link_source" AS ENUM('closing', 'reference', 'url', 'prefixed', 'manual');--> statement-breakpoint
CREATE TYPE "public"."score_source" AS ENUM('override', 'body', 'label', 'default', 'none');--> statement-breakpoint
CREATE TYPE "public"."task_state" AS ENUM('open', 'picked', 'completed', 'closed');--> statement-breakpoint
CREATE TYPE "public"."ledger_kind" AS ENUM('award', 'adjustment', 'revocation');--> statement-breakpoint
CREATE TYPE "public"."role_name" AS ENUM('admin', 'maintainer');--> statement-breakpoint
CREATE TYPE "public"."sync_status" AS ENUM('running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "repositories" (
	"id" serial PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"github_node_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "season_repositories" (
	"season_id" integer NOT NULL,
	"repository_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "season_repositories_season_id_repository_id_pk" PRIMARY KEY("season_id","repository_id")
);
--> statement-breakpoint
CREATE TABLE "seasons" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"task_labels" jsonb NOT NULL,
	"task_title_prefixes" jsonb NOT NULL,
	"difficulties" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"grace_days" integer DEFAULT 0 NOT NULL,
	"unranked" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" serial PRIMARY KEY NOT NULL,
	"github_id" bigint,
	"login" text NOT NULL,
	"name" text,
	"avatar_url" text,
	"is_bot" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" integer NOT NULL,
	"participant_id" integer NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "team_members_team_id_participant_id_pk" PRIMARY KEY("team_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"season_id" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pull_request_refs" (
	"pull_request_id" integer NOT NULL,
	"repository_id" integer NOT NULL,
	"number" integer NOT NULL,
	"source" "link_source" NOT NULL,
	CONSTRAINT "pull_request_refs_pull_request_id_repository_id_number_pk" PRIMARY KEY("pull_request_id","repository_id","number")
);
--> statement-breakpoint
CREATE TABLE "pull_request_rewards" (
	"comment_id" text PRIMARY KEY NOT NULL,
	"pull_request_id" integer NOT NULL,
	"author_login" text,
	"points" integer NOT NULL,
	"commented_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pull_request_tasks" (
	"pull_request_id" integer NOT NULL,
	"task_id" integer NOT NULL,
	"source" "link_source" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pull_request_tasks_pull_request_id_task_id_pk" PRIMARY KEY("pull_request_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "pull_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"repository_id" integer NOT NULL,
	"number" integer NOT NULL,
	"github_node_id" text,
	"title" text NOT NULL,
	"url" text,
	"author_id" integer,
	"author_login" text,
	"labels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text NOT NULL,
	"merged_at" timestamp with time zone,
	"merged_by_login" text,
	"github_created_at" timestamp with time zone,
	"github_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"season_id" integer NOT NULL,
	"repository_id" integer NOT NULL,
	"number" integer NOT NULL,
	"github_node_id" text,
	"title" text NOT NULL,
	"url" text,
	"labels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"difficulty" text,
	"score" integer,
	"score_source" "score_source" DEFAULT 'none' NOT NULL,
	"stated_score" integer,
	"score_override" integer,
	"score_override_reason" text,
	"min_score_required" integer,
	"per_pr" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"manual" boolean DEFAULT false NOT NULL,
	"issue_state" text DEFAULT 'open' NOT NULL,
	"state" "task_state" DEFAULT 'open' NOT NULL,
	"picked_up_by_id" integer,
	"picked_up_at" timestamp with time zone,
	"github_created_at" timestamp with time zone,
	"github_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"season_id" integer NOT NULL,
	"participant_id" integer NOT NULL,
	"task_id" integer,
	"pull_request_id" integer,
	"repository_id" integer,
	"difficulty" text,
	"points" integer NOT NULL,
	"kind" "ledger_kind" NOT NULL,
	"actor_id" integer,
	"reason" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source_key" text,
	"award_key" text,
	"revokes_entry_id" bigint
);
--> statement-breakpoint
CREATE TABLE "season_repo_totals" (
	"season_id" integer NOT NULL,
	"repository_id" integer NOT NULL,
	"participant_id" integer NOT NULL,
	"points" integer NOT NULL,
	"raw_points" integer NOT NULL,
	"tasks" integer NOT NULL,
	"by_difficulty" jsonb NOT NULL,
	"reached_at" timestamp with time zone NOT NULL,
	"login_key" text DEFAULT '' NOT NULL,
	CONSTRAINT "season_repo_totals_season_id_repository_id_participant_id_pk" PRIMARY KEY("season_id","repository_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "season_totals" (
	"season_id" integer NOT NULL,
	"participant_id" integer NOT NULL,
	"points" integer NOT NULL,
	"raw_points" integer NOT NULL,
	"tasks" integer NOT NULL,
	"by_difficulty" jsonb NOT NULL,
	"reached_at" timestamp with time zone NOT NULL,
	"login_key" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "season_totals_season_id_participant_id_pk" PRIMARY KEY("season_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"id" serial PRIMARY KEY NOT NULL,
	"participant_id" integer NOT NULL,
	"role" "role_name" NOT NULL,
	"repository_id" integer,
	"granted_by" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roles_participant_role_repo_key" UNIQUE NULLS NOT DISTINCT("participant_id","role","repository_id")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	"refresh_token_expires_in" integer,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text,
	"email_verified" timestamp with time zone,
	"image" text,
	"participant_id" integer,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "sync_cursors" (
	"season_id" integer NOT NULL,
	"repository_id" integer NOT NULL,
	"kind" text NOT NULL,
	"watermark" timestamp with time zone,
	"cursor" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_cursors_season_id_repository_id_kind_pk" PRIMARY KEY("season_id","repository_id","kind")
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"season_id" integer,
	"trigger" text NOT NULL,
	"full" boolean DEFAULT false NOT NULL,
	"status" "sync_status" DEFAULT 'running' NOT NULL,
	"counts" jsonb NOT NULL,
	"graphql_cost" integer DEFAULT 0 NOT NULL,
	"error" text,
	"progress" jsonb,
	"started_by" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"delivery_id" text PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"status" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_materials" (
	"id" serial PRIMARY KEY NOT NULL,
	"module_id" integer NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "map_module_skills" (
	"module_id" integer NOT NULL,
	"skill_id" integer NOT NULL,
	CONSTRAINT "map_module_skills_module_id_skill_id_pk" PRIMARY KEY("module_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "map_modules" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"code_directories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_reading" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "map_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"url" text,
	"repo" text,
	"tutorials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "map_skills" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"season_id" integer,
	"task_id" integer,
	"pull_request_id" integer,
	"actor_id" integer,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "season_repositories" ADD CONSTRAINT "season_repositories_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_repositories" ADD CONSTRAINT "season_repositories_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pull_request_refs" ADD CONSTRAINT "pull_request_refs_pull_request_id_pull_requests_id_fk" FOREIGN KEY ("pull_request_id") REFERENCES "public"."pull_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pull_request_refs" ADD CONSTRAINT "pull_request_refs_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pull_request_rewards" ADD CONSTRAINT "pull_request_rewards_pull_request_id_pull_requests_id_fk" FOREIGN KEY ("pull_request_id") REFERENCES "public"."pull_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pull_request_tasks" ADD CONSTRAINT "pull_request_tasks_pull_request_id_pull_requests_id_fk" FOREIGN KEY ("pull_request_id") REFERENCES "public"."pull_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pull_request_tasks" ADD CONSTRAINT "pull_request_tasks_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pull_requests" ADD CONSTRAINT "pull_requests_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pull_requests" ADD CONSTRAINT "pull_requests_author_id_participants_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_picked_up_by_id_participants_id_fk" FOREIGN KEY ("picked_up_by_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_entries" ADD CONSTRAINT "score_entries_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_entries" ADD CONSTRAINT "score_entries_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_entries" ADD CONSTRAINT "score_entries_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_entries" ADD CONSTRAINT "score_entries_pull_request_id_pull_requests_id_fk" FOREIGN KEY ("pull_request_id") REFERENCES "public"."pull_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_entries" ADD CONSTRAINT "score_entries_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_entries" ADD CONSTRAINT "score_entries_actor_id_participants_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_repo_totals" ADD CONSTRAINT "season_repo_totals_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_repo_totals" ADD CONSTRAINT "season_repo_totals_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_repo_totals" ADD CONSTRAINT "season_repo_totals_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_totals" ADD CONSTRAINT "season_totals_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_totals" ADD CONSTRAINT "season_totals_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_repository_id_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "public"."repositories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_materials" ADD CONSTRAINT "learning_materials_module_id_map_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."map_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_module_skills" ADD CONSTRAINT "map_module_skills_module_id_map_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."map_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_module_skills" ADD CONSTRAINT "map_module_skills_skill_id_map_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."map_skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_modules" ADD CONSTRAINT "map_modules_project_id_map_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."map_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_pull_request_id_pull_requests_id_fk" FOREIGN KEY ("pull_request_id") REFERENCES "public"."pull_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_participants_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "repositories_full_name_key" ON "repositories" USING btree ("full_name");--> statement-breakpoint
CREATE UNIQUE INDEX "seasons_slug_key" ON "seasons" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_github_id_key" ON "participants" USING btree ("github_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_login_key" ON "participants" USING btree (lower("login"));--> statement-breakpoint
CREATE INDEX "team_members_participant_idx" ON "team_members" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_season_name_key" ON "teams" USING btree ("season_id","name");--> statement-breakpoint
CREATE INDEX "pull_request_refs_target_idx" ON "pull_request_refs" USING btree ("repository_id","number");--> statement-breakpoint
CREATE INDEX "pull_request_rewards_pr_idx" ON "pull_request_rewards" USING btree ("pull_request_id");--> statement-breakpoint
CREATE INDEX "pull_request_tasks_task_idx" ON "pull_request_tasks" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pull_requests_repo_number_key" ON "pull_requests" USING btree ("repository_id","number");--> statement-breakpoint
CREATE INDEX "pull_requests_author_idx" ON "pull_requests" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "pull_requests_merged_at_idx" ON "pull_requests" USING btree ("merged_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_season_repo_number_key" ON "tasks" USING btree ("season_id","repository_id","number");--> statement-breakpoint
CREATE INDEX "tasks_season_state_idx" ON "tasks" USING btree ("season_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "score_entries_source_key" ON "score_entries" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "score_entries_season_participant_idx" ON "score_entries" USING btree ("season_id","participant_id");--> statement-breakpoint
CREATE INDEX "score_entries_task_idx" ON "score_entries" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "score_entries_award_key_idx" ON "score_entries" USING btree ("season_id","award_key");--> statement-breakpoint
CREATE INDEX "season_repo_totals_rank_idx" ON "season_repo_totals" USING btree ("season_id","repository_id","points" DESC NULLS LAST,"reached_at","login_key");--> statement-breakpoint
CREATE INDEX "season_totals_rank_idx" ON "season_totals" USING btree ("season_id","points" DESC NULLS LAST,"reached_at","login_key");--> statement-breakpoint
CREATE INDEX "roles_repository_idx" ON "roles" USING btree ("repository_id");--> statement-breakpoint
CREATE INDEX "sync_runs_season_started_idx" ON "sync_runs" USING btree ("season_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_runs_one_running" ON "sync_runs" USING btree ("status") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "learning_materials_module_idx" ON "learning_materials" USING btree ("module_id");--> statement-breakpoint
CREATE INDEX "map_module_skills_skill_idx" ON "map_module_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "map_modules_project_slug_key" ON "map_modules" USING btree ("project_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "map_projects_slug_key" ON "map_projects" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "map_skills_name_key" ON "map_skills" USING btree ("name");--> statement-breakpoint
CREATE INDEX "audit_events_season_idx" ON "audit_events" USING btree ("season_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_task_idx" ON "audit_events" USING btree ("task_id","created_at");