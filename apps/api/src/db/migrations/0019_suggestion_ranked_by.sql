ALTER TABLE "matches" ADD COLUMN "ranked_by_need" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "matches" ADD COLUMN "ranked_by_capability" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Which side's ranking found a stored suggestion was not recorded: both are assumed, so a suggestion made before this
-- migration is withdrawn only once both sides have been ranked again without it.
UPDATE "matches" SET "ranked_by_need" = true, "ranked_by_capability" = true WHERE "stage" = 'suggested';
