ALTER TABLE "tasks" ADD COLUMN "listed_umbrella" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "difficulty_override" text;