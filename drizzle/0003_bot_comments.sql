CREATE TABLE "bot_comments" (
	"key" text PRIMARY KEY NOT NULL,
	"season_id" integer,
	"kind" text NOT NULL,
	"repo" text NOT NULL,
	"number" integer NOT NULL,
	"body" text,
	"pull_request_id" integer,
	"state" text DEFAULT 'pending' NOT NULL,
	"github_comment_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"posted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "comment_commands" (
	"comment_id" text PRIMARY KEY NOT NULL,
	"task_id" integer,
	"participant_id" integer,
	"login" text NOT NULL,
	"command" text NOT NULL,
	"outcome" text NOT NULL,
	"detail" text,
	"commented_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bot_comments" ADD CONSTRAINT "bot_comments_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_comments" ADD CONSTRAINT "bot_comments_pull_request_id_pull_requests_id_fk" FOREIGN KEY ("pull_request_id") REFERENCES "public"."pull_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_commands" ADD CONSTRAINT "comment_commands_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_commands" ADD CONSTRAINT "comment_commands_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bot_comments_state_idx" ON "bot_comments" USING btree ("state");--> statement-breakpoint
CREATE INDEX "comment_commands_task_idx" ON "comment_commands" USING btree ("task_id");