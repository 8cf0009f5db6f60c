-- CreateTable
-- UNLOGGED: a bucket is written on every ingest request and is worth nothing after a crash (it
-- would only refill), so it costs no WAL and no flush at commit. Prisma's schema cannot say so.
CREATE UNLOGGED TABLE "ingest_rate_bucket" (
    "api_key_id" UUID NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilled_at" TIMESTAMP(3) NOT NULL,
    "admitted" BOOLEAN NOT NULL,

    CONSTRAINT "ingest_rate_bucket_pkey" PRIMARY KEY ("api_key_id")
);
