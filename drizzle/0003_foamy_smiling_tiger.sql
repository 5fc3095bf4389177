CREATE TABLE "gate_waivers" (
	"task_id" integer NOT NULL,
	"participant_id" integer NOT NULL,
	"reason" text NOT NULL,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gate_waivers_task_id_participant_id_pk" PRIMARY KEY("task_id","participant_id")
);
--> statement-breakpoint
ALTER TABLE "score_entries" ADD COLUMN "team_id" integer;--> statement-breakpoint
ALTER TABLE "gate_waivers" ADD CONSTRAINT "gate_waivers_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_waivers" ADD CONSTRAINT "gate_waivers_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_waivers" ADD CONSTRAINT "gate_waivers_actor_id_participants_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gate_waivers_participant_idx" ON "gate_waivers" USING btree ("participant_id");--> statement-breakpoint
ALTER TABLE "score_entries" ADD CONSTRAINT "score_entries_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "score_entries_team_idx" ON "score_entries" USING btree ("team_id");