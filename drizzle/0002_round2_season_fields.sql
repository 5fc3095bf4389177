ALTER TABLE "seasons" ADD COLUMN "options" jsonb DEFAULT '{"umbrellas":[],"companionRepos":[],"countAs":{},"formerNames":{},"excluded":[],"voidLabels":["invalid","spam"],"prizes":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "seasons" ADD COLUMN "finalized_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "left_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "difficulties" jsonb;--> statement-breakpoint
UPDATE "seasons" SET "rules" = "rules" || '{"stops":[]}'::jsonb WHERE NOT ("rules" ? 'stops');
