-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "ReminderTrigger" AS ENUM ('DEADLINE_POINT', 'APPREC_REJECTED', 'APPREC_MISSING', 'EXTENSION_DECIDED');

-- CreateTable
CREATE TABLE "reminder" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "season_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),
    "message_id" TEXT,

    CONSTRAINT "reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reminder_item" (
    "id" UUID NOT NULL,
    "reminder_id" UUID NOT NULL,
    "municipality_number" VARCHAR(4) NOT NULL,
    "trigger" "ReminderTrigger" NOT NULL,
    "event" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,

    CONSTRAINT "reminder_item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reminder_status_created_at_idx" ON "reminder"("status", "created_at");

-- CreateIndex
CREATE INDEX "reminder_user_id_created_at_idx" ON "reminder"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "reminder_item_dedupe_key_key" ON "reminder_item"("dedupe_key");

-- CreateIndex
CREATE INDEX "reminder_item_municipality_number_idx" ON "reminder_item"("municipality_number");

-- CreateIndex
CREATE INDEX "reminder_item_reminder_id_idx" ON "reminder_item"("reminder_id");

-- AddForeignKey
ALTER TABLE "reminder" ADD CONSTRAINT "reminder_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder" ADD CONSTRAINT "reminder_season_id_fkey" FOREIGN KEY ("season_id") REFERENCES "season"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_item" ADD CONSTRAINT "reminder_item_reminder_id_fkey" FOREIGN KEY ("reminder_id") REFERENCES "reminder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_item" ADD CONSTRAINT "reminder_item_municipality_number_fkey" FOREIGN KEY ("municipality_number") REFERENCES "municipality"("number") ON DELETE RESTRICT ON UPDATE CASCADE;
