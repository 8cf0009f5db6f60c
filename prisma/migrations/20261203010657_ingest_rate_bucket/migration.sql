-- CreateTable
CREATE TABLE "ingest_rate_bucket" (
    "api_key_id" UUID NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilled_at" TIMESTAMP(3) NOT NULL,
    "admitted" BOOLEAN NOT NULL,

    CONSTRAINT "ingest_rate_bucket_pkey" PRIMARY KEY ("api_key_id")
);
