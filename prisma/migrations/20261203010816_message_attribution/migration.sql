-- CreateEnum
CREATE TYPE "MessageAttribution" AS ENUM ('PAYLOAD', 'SENDER', 'RUN', 'ASSIGNED', 'UNATTRIBUTED');

-- AlterTable
ALTER TABLE "message" ADD COLUMN     "attributed_at" TIMESTAMP(3),
ADD COLUMN     "attributed_from_msg_id" TEXT,
ADD COLUMN     "attribution" "MessageAttribution" NOT NULL DEFAULT 'PAYLOAD',
ADD COLUMN     "unattributed_reason" VARCHAR(40);

-- CreateIndex
CREATE INDEX "message_attributed_at_idx" ON "message"("attributed_at");

-- Messages stored before attribution was recorded: those without a municipality are unattributed.
UPDATE "message" SET "attribution" = 'UNATTRIBUTED', "unattributed_reason" = 'NO_MUNICIPALITY_IN_PAYLOAD' WHERE "municipality_number" IS NULL;
