CREATE TABLE "suggestion_sources" (
	"side" text NOT NULL,
	"listing_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"matcher_version" integer NOT NULL,
	"corpus_size" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_sources_side_listing_id_pk" PRIMARY KEY("side","listing_id")
);
