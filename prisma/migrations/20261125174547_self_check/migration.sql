-- CreateTable
CREATE TABLE "self_check" (
    "id" UUID NOT NULL,
    "season_id" UUID NOT NULL,
    "municipality_number" VARCHAR(4) NOT NULL,
    "user_id" UUID NOT NULL,
    "content_summary" JSONB NOT NULL,
    "identity_summary" JSONB,
    "findings" JSONB NOT NULL,
    "error_count" INTEGER NOT NULL,
    "warning_count" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "self_check_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "self_check_season_id_municipality_number_created_at_idx" ON "self_check"("season_id", "municipality_number", "created_at");

-- AddForeignKey
ALTER TABLE "self_check" ADD CONSTRAINT "self_check_season_id_fkey" FOREIGN KEY ("season_id") REFERENCES "season"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_check" ADD CONSTRAINT "self_check_municipality_number_fkey" FOREIGN KEY ("municipality_number") REFERENCES "municipality"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_check" ADD CONSTRAINT "self_check_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
