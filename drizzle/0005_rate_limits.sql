CREATE TABLE "rate_limit_counters" (
	"bucket" text NOT NULL,
	"key" text NOT NULL,
	"window_index" bigint NOT NULL,
	"hits" integer NOT NULL,
	"previous_hits" integer NOT NULL,
	"last_ok" boolean NOT NULL,
	CONSTRAINT "rate_limit_counters_bucket_key_pk" PRIMARY KEY("bucket","key")
);
