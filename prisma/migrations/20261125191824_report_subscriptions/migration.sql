-- CreateEnum
CREATE TYPE "ReportDeliveryStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED', 'SKIPPED');

-- Stored reports are derived data and are rebuilt on demand: the new required columns have no value for old rows.
DELETE FROM "weekly_report";

-- AlterTable
ALTER TABLE "weekly_report" ADD COLUMN     "change_count" INTEGER NOT NULL,
ADD COLUMN     "changes" JSONB NOT NULL,
ADD COLUMN     "replaced_at" TIMESTAMP(3),
ADD COLUMN     "since" TIMESTAMP(3) NOT NULL;

-- CreateTable
CREATE TABLE "report_subscription" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_delivery" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "status" "ReportDeliveryStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),
    "message_id" TEXT,

    CONSTRAINT "report_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "report_subscription_user_id_key" ON "report_subscription"("user_id");

-- CreateIndex
CREATE INDEX "report_delivery_status_created_at_idx" ON "report_delivery"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "report_delivery_report_id_user_id_key" ON "report_delivery"("report_id", "user_id");

-- AddForeignKey
ALTER TABLE "report_subscription" ADD CONSTRAINT "report_subscription_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_delivery" ADD CONSTRAINT "report_delivery_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "weekly_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_delivery" ADD CONSTRAINT "report_delivery_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
