-- AlterTable
ALTER TABLE "apprec" ADD COLUMN     "transport_metadata" JSONB;

-- AlterTable
ALTER TABLE "message" ADD COLUMN     "transport_metadata" JSONB;

-- CreateTable
CREATE TABLE "intake_error" (
    "id" UUID NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queue" TEXT NOT NULL,
    "message_id" TEXT,
    "application_properties" JSONB NOT NULL,
    "code" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "spoofing_suspected" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "intake_error_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "intake_error_occurred_at_idx" ON "intake_error"("occurred_at");
