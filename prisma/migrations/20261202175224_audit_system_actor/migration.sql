-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "actor_system" TEXT;
