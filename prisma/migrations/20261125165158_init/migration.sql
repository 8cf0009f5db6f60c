-- CreateEnum
CREATE TYPE "Environment" AS ENUM ('PRODUCTION', 'VALIDATION');

-- CreateEnum
CREATE TYPE "SeasonKind" AS ENUM ('ANNUAL', 'DAILY');

-- CreateEnum
CREATE TYPE "MessageType" AS ENUM ('KPR_IPL', 'KPR_IDE');

-- CreateEnum
CREATE TYPE "Transport" AS ENUM ('AMQP', 'EDI', 'API', 'UPLOAD');

-- CreateEnum
CREATE TYPE "ApprecStatus" AS ENUM ('OK', 'REJECTED', 'OK_WITH_ERRORS');

-- CreateEnum
CREATE TYPE "ApprecVersion" AS ENUM ('V1_0', 'V1_1');

-- CreateEnum
CREATE TYPE "FindingSource" AS ENUM ('INGEST_CHECK', 'FHI_VALIDATION');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('ERROR', 'WARNING', 'INFO');

-- CreateEnum
CREATE TYPE "FindingStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('PENDING', 'GRANTED', 'DENIED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "NoteKind" AS ENUM ('NOTE', 'RESUBMISSION_AGREED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('FHI_ADMIN', 'FHI_STAFF', 'MUNICIPAL_CONTACT');

-- CreateEnum
CREATE TYPE "ApiKeyScope" AS ENUM ('INGEST', 'READ');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');

-- CreateEnum
CREATE TYPE "ReportFormat" AS ENUM ('XLSX', 'CSV', 'PDF');

-- CreateTable
CREATE TABLE "county" (
    "number" VARCHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "split_from" TEXT,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "county_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "municipality" (
    "number" VARCHAR(4) NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "county_number" VARCHAR(2) NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "municipality_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "municipality_renumbering" (
    "old_number" VARCHAR(4) NOT NULL,
    "old_name" TEXT NOT NULL,
    "new_number" VARCHAR(4) NOT NULL,
    "valid_from" DATE NOT NULL,
    "note" TEXT,

    CONSTRAINT "municipality_renumbering_pkey" PRIMARY KEY ("old_number")
);

-- CreateTable
CREATE TABLE "service_code" (
    "code" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "older_name" TEXT,
    "group" TEXT NOT NULL,
    "valid_from_year" INTEGER,
    "valid_to_year" INTEGER,
    "welfare_technology" BOOLEAN NOT NULL,
    "status_note" TEXT,

    CONSTRAINT "service_code_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "code_list_entry" (
    "code_system" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "code_list_entry_pkey" PRIMARY KEY ("code_system","code")
);

-- CreateTable
CREATE TABLE "endpoint" (
    "her_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "parent_her_id" INTEGER,
    "environment" "Environment",

    CONSTRAINT "endpoint_pkey" PRIMARY KEY ("her_id")
);

-- CreateTable
CREATE TABLE "season" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SeasonKind" NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "opens_at" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "apprec_overdue_hours" INTEGER NOT NULL DEFAULT 96,
    "extension_advice_working_days" INTEGER NOT NULL DEFAULT 5,
    "extension_pending_alert_working_days" INTEGER NOT NULL DEFAULT 3,

    CONSTRAINT "season_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message" (
    "id" UUID NOT NULL,
    "msg_id" TEXT NOT NULL,
    "type" "MessageType" NOT NULL,
    "season_id" UUID NOT NULL,
    "gen_date" TIMESTAMP(3) NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL,
    "transport" "Transport" NOT NULL,
    "sender_her_id" INTEGER,
    "sender_org_number" VARCHAR(9),
    "sender_name" TEXT,
    "receiver_her_id" INTEGER NOT NULL,
    "environment" "Environment" NOT NULL,
    "processing_status" VARCHAR(1),
    "municipality_number_as_sent" VARCHAR(8),
    "municipality_number" VARCHAR(4),
    "epj_system" TEXT,
    "epj_version" TEXT,
    "period_from" DATE,
    "period_to" DATE,
    "run_number" TEXT,
    "content_summary" JSONB,
    "payload_sha256" CHAR(64) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "apprec" (
    "id" UUID NOT NULL,
    "apprec_id" TEXT NOT NULL,
    "original_msg_id" TEXT NOT NULL,
    "original_msg_type" TEXT,
    "original_issue_date" TIMESTAMP(3),
    "status" "ApprecStatus" NOT NULL,
    "version" "ApprecVersion" NOT NULL,
    "gen_date" TIMESTAMP(3) NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL,
    "transport" "Transport" NOT NULL,
    "sender_her_id" INTEGER,
    "receiver_her_id" INTEGER,
    "payload_sha256" CHAR(64) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "apprec_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "apprec_error" (
    "id" UUID NOT NULL,
    "apprec_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "code_system" TEXT,
    "code" TEXT NOT NULL,
    "display_name" TEXT,
    "free_text" TEXT,

    CONSTRAINT "apprec_error_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding_import" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "body_sha256" CHAR(64) NOT NULL,
    "api_key_id" UUID,
    "user_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "finding_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding" (
    "id" UUID NOT NULL,
    "season_id" UUID NOT NULL,
    "municipality_number" VARCHAR(4) NOT NULL,
    "message_id" UUID,
    "import_id" UUID,
    "source" "FindingSource" NOT NULL,
    "code" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "message" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "status" "FindingStatus" NOT NULL DEFAULT 'OPEN',
    "detected_at" TIMESTAMP(3) NOT NULL,
    "resolved_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "extension_request" (
    "id" UUID NOT NULL,
    "season_id" UUID NOT NULL,
    "municipality_number" VARCHAR(4) NOT NULL,
    "requested_deadline" TIMESTAMP(3) NOT NULL,
    "reason_category" TEXT,
    "justification" TEXT NOT NULL,
    "planned_fix" TEXT,
    "requested_at" TIMESTAMP(3) NOT NULL,
    "requested_by_id" UUID,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'PENDING',
    "granted_deadline" TIMESTAMP(3),
    "decision_note" TEXT,
    "decided_at" TIMESTAMP(3),
    "decided_by_id" UUID,

    CONSTRAINT "extension_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "note" (
    "id" UUID NOT NULL,
    "season_id" UUID NOT NULL,
    "municipality_number" VARCHAR(4) NOT NULL,
    "kind" "NoteKind" NOT NULL DEFAULT 'NOTE',
    "body" TEXT NOT NULL,
    "author_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "last_sign_in_at" TIMESTAMP(3),
    "deactivated_at" TIMESTAMP(3),

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL,
    "session_token" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "municipality_membership" (
    "user_id" UUID NOT NULL,
    "municipality_number" VARCHAR(4) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "municipality_membership_pkey" PRIMARY KEY ("user_id","municipality_number")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "scopes" "ApiKeyScope"[],
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" UUID,
    "actor_api_key_id" UUID,
    "actor_role" "Role",
    "action" TEXT NOT NULL,
    "municipality_number" VARCHAR(4),
    "outcome" "AuditOutcome" NOT NULL,
    "request_id" TEXT,
    "details" JSONB,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "weekly_report" (
    "id" UUID NOT NULL,
    "season_id" UUID NOT NULL,
    "week_start" DATE NOT NULL,
    "as_of" TIMESTAMP(3) NOT NULL,
    "snapshot" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "weekly_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_file" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "format" "ReportFormat" NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_file_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "municipality_county_number_idx" ON "municipality"("county_number");

-- CreateIndex
CREATE INDEX "municipality_renumbering_new_number_idx" ON "municipality_renumbering"("new_number");

-- CreateIndex
CREATE UNIQUE INDEX "season_key_key" ON "season"("key");

-- CreateIndex
CREATE UNIQUE INDEX "message_msg_id_key" ON "message"("msg_id");

-- CreateIndex
CREATE INDEX "message_season_id_municipality_number_received_at_idx" ON "message"("season_id", "municipality_number", "received_at");

-- CreateIndex
CREATE INDEX "message_season_id_received_at_idx" ON "message"("season_id", "received_at");

-- CreateIndex
CREATE INDEX "message_municipality_number_type_environment_received_at_idx" ON "message"("municipality_number", "type", "environment", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "apprec_apprec_id_key" ON "apprec"("apprec_id");

-- CreateIndex
CREATE INDEX "apprec_original_msg_id_received_at_idx" ON "apprec"("original_msg_id", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "apprec_error_apprec_id_position_key" ON "apprec_error"("apprec_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "finding_import_key_key" ON "finding_import"("key");

-- CreateIndex
CREATE INDEX "finding_season_id_municipality_number_detected_at_idx" ON "finding"("season_id", "municipality_number", "detected_at");

-- CreateIndex
CREATE INDEX "finding_message_id_idx" ON "finding"("message_id");

-- CreateIndex
CREATE INDEX "extension_request_season_id_municipality_number_requested_a_idx" ON "extension_request"("season_id", "municipality_number", "requested_at");

-- CreateIndex
CREATE INDEX "extension_request_status_idx" ON "extension_request"("status");

-- CreateIndex
CREATE INDEX "note_season_id_municipality_number_created_at_idx" ON "note"("season_id", "municipality_number", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "account_user_id_idx" ON "account"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "account_provider_provider_account_id_key" ON "account"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_session_token_key" ON "session"("session_token");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "municipality_membership_municipality_number_idx" ON "municipality_membership"("municipality_number");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_hash_key" ON "api_key"("hash");

-- CreateIndex
CREATE INDEX "audit_event_municipality_number_at_idx" ON "audit_event"("municipality_number", "at");

-- CreateIndex
CREATE INDEX "audit_event_actor_user_id_at_idx" ON "audit_event"("actor_user_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- CreateIndex
CREATE UNIQUE INDEX "weekly_report_season_id_week_start_key" ON "weekly_report"("season_id", "week_start");

-- CreateIndex
CREATE UNIQUE INDEX "report_file_report_id_format_key" ON "report_file"("report_id", "format");

-- AddForeignKey
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_county_number_fkey" FOREIGN KEY ("county_number") REFERENCES "county"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "municipality_renumbering" ADD CONSTRAINT "municipality_renumbering_new_number_fkey" FOREIGN KEY ("new_number") REFERENCES "municipality"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message" ADD CONSTRAINT "message_season_id_fkey" FOREIGN KEY ("season_id") REFERENCES "season"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message" ADD CONSTRAINT "message_municipality_number_fkey" FOREIGN KEY ("municipality_number") REFERENCES "municipality"("number") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "apprec_error" ADD CONSTRAINT "apprec_error_apprec_id_fkey" FOREIGN KEY ("apprec_id") REFERENCES "apprec"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_season_id_fkey" FOREIGN KEY ("season_id") REFERENCES "season"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_municipality_number_fkey" FOREIGN KEY ("municipality_number") REFERENCES "municipality"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "finding_import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extension_request" ADD CONSTRAINT "extension_request_season_id_fkey" FOREIGN KEY ("season_id") REFERENCES "season"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extension_request" ADD CONSTRAINT "extension_request_municipality_number_fkey" FOREIGN KEY ("municipality_number") REFERENCES "municipality"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extension_request" ADD CONSTRAINT "extension_request_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extension_request" ADD CONSTRAINT "extension_request_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note" ADD CONSTRAINT "note_season_id_fkey" FOREIGN KEY ("season_id") REFERENCES "season"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note" ADD CONSTRAINT "note_municipality_number_fkey" FOREIGN KEY ("municipality_number") REFERENCES "municipality"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note" ADD CONSTRAINT "note_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "municipality_membership" ADD CONSTRAINT "municipality_membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "municipality_membership" ADD CONSTRAINT "municipality_membership_municipality_number_fkey" FOREIGN KEY ("municipality_number") REFERENCES "municipality"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "weekly_report" ADD CONSTRAINT "weekly_report_season_id_fkey" FOREIGN KEY ("season_id") REFERENCES "season"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_file" ADD CONSTRAINT "report_file_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "weekly_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;
