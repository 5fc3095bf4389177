CREATE TYPE "public"."community_role" AS ENUM('contributor', 'active-contributor', 'reviewer', 'committer', 'maintainer');--> statement-breakpoint
CREATE TABLE "community_members" (
	"participant_id" integer PRIMARY KEY NOT NULL,
	"role" "community_role" NOT NULL,
	"sigs" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "seasons" ADD COLUMN "options" jsonb DEFAULT '{"umbrellas":[],"companionRepos":[],"countAs":{},"formerNames":{},"excluded":[],"voidLabels":["invalid","spam"],"prizes":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "seasons" ADD COLUMN "finalized_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "left_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "difficulties" jsonb;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
UPDATE "seasons" SET "rules" = "rules" || '{"stops":[]}'::jsonb WHERE NOT ("rules" ? 'stops');
