-- AlterTable
ALTER TABLE "season" ADD COLUMN     "daily_rules" JSONB;
