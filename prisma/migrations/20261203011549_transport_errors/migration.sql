-- CreateTable
CREATE TABLE "transport_error" (
    "id" UUID NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "original_message_id" TEXT,
    "error_condition" TEXT NOT NULL,
    "error_description" TEXT,
    "receiver_timestamp" TIMESTAMP(3),
    "received_at" TIMESTAMP(3) NOT NULL,
    "queue" TEXT,
    "from_her_id" INTEGER,
    "to_her_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transport_error_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "transport_error_dedupe_key_key" ON "transport_error"("dedupe_key");

-- CreateIndex
CREATE INDEX "transport_error_original_message_id_idx" ON "transport_error"("original_message_id");

-- CreateIndex
CREATE INDEX "transport_error_received_at_idx" ON "transport_error"("received_at");
