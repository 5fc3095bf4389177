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
ALTER TABLE "season_results" ADD CONSTRAINT "season_results_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_results" ADD CONSTRAINT "season_results_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "season_results_position_key" ON "season_results" USING btree ("season_id","ranking","position");--> statement-breakpoint
CREATE INDEX "season_results_name_idx" ON "season_results" USING btree ("season_id","ranking","name_key");