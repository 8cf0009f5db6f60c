-- Row-level security: a second lock behind the data modules' own scope (scopeWhere/scopeParameter).
--
-- The app opens every transaction with `SET LOCAL ROLE` and `SET LOCAL kpr_status.municipalities`
-- (lib/db/scoped-pool.ts, from lib/access/rules/database-scope.ts):
--   kpr_status_viewer  people and API keys: the policies below let through only the rows of the
--                      municipalities in the setting ('*' for FHI: all of them; '' or unset: none)
--   kpr_status_system  jobs and processes (system actors): every row
-- Migrations run as the login role that owns the tables; an owner is not subject to its own
-- tables' row-level security (no FORCE), so migrations, reference data and backups see every row.
--
-- Idempotent, and for a server given by DATABASE_URL too. There the login role needs CREATEROLE
-- the first time (or a DBA creates both roles NOLOGIN beforehand and grants them to the login role:
-- `CREATE ROLE kpr_status_viewer NOLOGIN; CREATE ROLE kpr_status_system NOLOGIN;
--  GRANT kpr_status_viewer, kpr_status_system TO <login role>;`). The login role must not have
-- BYPASSRLS; it may be, but need not be, a superuser.

DO $$
DECLARE
  name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['kpr_status_viewer', 'kpr_status_system'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT NOBYPASSRLS', name);
      EXCEPTION
        -- Another database of the same server migrating at the same moment made it first.
        WHEN duplicate_object OR unique_violation THEN NULL;
        WHEN insufficient_privilege THEN
          RAISE EXCEPTION 'Role % is missing and % may not create it: a DBA runs CREATE ROLE % NOLOGIN; GRANT % TO %;',
            name, current_user, name, name, current_user;
      END;
    END IF;
    -- The login role switches to it per transaction (SET LOCAL ROLE needs membership; a superuser has it).
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
       AND NOT pg_has_role(current_user, name, 'MEMBER') THEN
      EXECUTE format('GRANT %I TO %I', name, current_user);
    END IF;
  END LOOP;
END
$$;

GRANT USAGE ON SCHEMA public TO kpr_status_viewer, kpr_status_system;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kpr_status_viewer, kpr_status_system;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kpr_status_viewer, kpr_status_system;
-- Tables and sequences of later migrations (made by this same login role) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kpr_status_viewer, kpr_status_system;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO kpr_status_viewer, kpr_status_system;
-- Migration bookkeeping is the owner's alone (absent where a migration is replayed without it).
DO $$
BEGIN
  IF to_regclass('_prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON TABLE "_prisma_migrations" FROM kpr_status_viewer, kpr_status_system;
  END IF;
END
$$;

-- Whether a municipality is in the transaction's scope. The policies below spell it out as
--   (SELECT current_setting('kpr_status.municipalities', true) = '*')
--   OR municipality_number = ANY ((SELECT string_to_array(current_setting('kpr_status.municipalities', true), ','))::text[])
-- with the setting read in sub-selects: PostgreSQL reads each once per query (an InitPlan), not
-- once per row, and the ANY can use the index on municipality_number. A function would hide that
-- (a SQL function with sub-selects is not inlined).

-- Tables with a municipality_number: a viewer reads and writes only rows of its municipalities
-- (a row without one, such as an unattributed message, only with '*').
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['message', 'finding', 'self_check', 'extension_request', 'note', 'reminder_item',
                           'municipality_membership'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS viewer_scope ON %I', t);
    EXECUTE format('CREATE POLICY viewer_scope ON %I TO kpr_status_viewer
                      USING ((SELECT current_setting(''kpr_status.municipalities'', true) = ''*'') OR municipality_number = ANY ((SELECT string_to_array(current_setting(''kpr_status.municipalities'', true), '',''))::text[]))
                      WITH CHECK ((SELECT current_setting(''kpr_status.municipalities'', true) = ''*'') OR municipality_number = ANY ((SELECT string_to_array(current_setting(''kpr_status.municipalities'', true), '',''))::text[]))', t);
    EXECUTE format('DROP POLICY IF EXISTS system_all ON %I', t);
    EXECUTE format('CREATE POLICY system_all ON %I TO kpr_status_system USING (true) WITH CHECK (true)', t);
  END LOOP;
END
$$;

-- The audit log: a viewer reads the events of its municipalities, records any event (a denial
-- names the municipality refused), and changes none.
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS viewer_read ON audit_event;
CREATE POLICY viewer_read ON audit_event FOR SELECT TO kpr_status_viewer USING ((SELECT current_setting('kpr_status.municipalities', true) = '*') OR municipality_number = ANY ((SELECT string_to_array(current_setting('kpr_status.municipalities', true), ','))::text[]));
DROP POLICY IF EXISTS viewer_record ON audit_event;
CREATE POLICY viewer_record ON audit_event FOR INSERT TO kpr_status_viewer WITH CHECK (true);
DROP POLICY IF EXISTS system_all ON audit_event;
CREATE POLICY system_all ON audit_event TO kpr_status_system USING (true) WITH CHECK (true);

-- AppRecs carry no municipality: a viewer sees those answering a message it sees (with '*', all,
-- including those whose message has not arrived), and their errors with them.
ALTER TABLE apprec ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS viewer_scope ON apprec;
CREATE POLICY viewer_scope ON apprec TO kpr_status_viewer
  USING ((SELECT current_setting('kpr_status.municipalities', true) = '*') OR EXISTS (SELECT 1 FROM message m WHERE m.msg_id = apprec.original_msg_id))
  WITH CHECK ((SELECT current_setting('kpr_status.municipalities', true) = '*') OR EXISTS (SELECT 1 FROM message m WHERE m.msg_id = apprec.original_msg_id));
DROP POLICY IF EXISTS system_all ON apprec;
CREATE POLICY system_all ON apprec TO kpr_status_system USING (true) WITH CHECK (true);

ALTER TABLE apprec_error ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS viewer_scope ON apprec_error;
CREATE POLICY viewer_scope ON apprec_error TO kpr_status_viewer
  USING ((SELECT current_setting('kpr_status.municipalities', true) = '*') OR EXISTS (SELECT 1 FROM apprec a WHERE a.id = apprec_error.apprec_id))
  WITH CHECK ((SELECT current_setting('kpr_status.municipalities', true) = '*') OR EXISTS (SELECT 1 FROM apprec a WHERE a.id = apprec_error.apprec_id));
DROP POLICY IF EXISTS system_all ON apprec_error;
CREATE POLICY system_all ON apprec_error TO kpr_status_system USING (true) WITH CHECK (true);
