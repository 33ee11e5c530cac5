-- Who may do what in a PostgreSQL registry: `numreg init --roles` runs this
-- as the registry's owner, in one transaction. Running it again changes
-- nothing (grants are made again, policies dropped and made again).
--
--   numreg_clerk      (NOLOGIN group) reads everything; writes holders,
--                     credentials, campaigns and refusals; writes resources,
--                     leases, and leases' permits and contracts only of a
--                     carrier that numreg_carrier_roles maps to a role it is
--                     a member of.
--   numreg_inspector  (NOLOGIN group) reads everything; records inspections
--                     (audit --record) and their journal entries; records
--                     the site results of its own inspections (inspection
--                     results): their results column, and the verified_on
--                     column of any lease, nothing else of a lease.
--   the owner         (who ran numreg init) is not bound by row-level
--                     security: it maps clerks to carriers.
-- Nobody may UPDATE, DELETE or TRUNCATE the journal (0002's trigger), and a
-- journal entry written by a clerk or inspector must name its own database
-- user (session_user) as the actor.
--
-- An administrator adds a clerk of a carrier:
--   CREATE ROLE alice LOGIN IN ROLE numreg_clerk;
--   INSERT INTO numreg_carrier_roles (role, carrier) VALUES ('alice', '中国电信海南分公司');
-- (or maps a group role to the carrier and grants it to each clerk).

-- Roles are the cluster's, shared by its registries: made when missing
-- (which takes CREATEROLE), or by another registry's init at the same time.
DO $$
DECLARE
  name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['numreg_clerk', 'numreg_inspector'] LOOP
    CONTINUE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = name);
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN', name);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END LOOP;
END
$$;

-- Which carriers' records the members of a role may change. Only the owner
-- writes it.
CREATE TABLE IF NOT EXISTS numreg_carrier_roles (
  role TEXT COLLATE "C" NOT NULL,
  carrier TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (role, carrier)
);

-- True when the current user is a member of a role mapped to `carrier` (a
-- mapped role that does not exist counts for nobody: to_regrole is NULL).
-- The search path is fixed (pg_temp last), so a temporary table of the
-- same name cannot stand in for the mapping. A clerk's 20,000 permits took
-- about 3 times longer with a join on pg_roles instead of to_regrole.
DO $$
BEGIN
  EXECUTE format($f$
    CREATE OR REPLACE FUNCTION numreg_may_change(carrier text) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = %1$I, pg_temp AS $b$
      SELECT EXISTS (
        SELECT 1 FROM numreg_carrier_roles AS m
        WHERE m.carrier = $1
          AND pg_has_role(current_user, to_regrole(quote_ident(m.role)), 'MEMBER'))
    $b$;
    CREATE OR REPLACE FUNCTION numreg_may_change_lease(lease text) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = %1$I, pg_temp AS $b$
      SELECT EXISTS (
        SELECT 1 FROM leases AS l WHERE l.id = $1 AND numreg_may_change(l.carrier))
    $b$;
    GRANT USAGE ON SCHEMA %1$I TO numreg_clerk, numreg_inspector;
    GRANT USAGE ON ALL SEQUENCES IN SCHEMA %1$I TO numreg_clerk;
  $f$, current_schema());
END
$$;

REVOKE ALL ON holders, credentials, resources, leases, permits, span_classes, contracts,
  campaigns, refusals, inspections, journal, numreg_schema, numreg_carrier_roles
  FROM PUBLIC, numreg_clerk, numreg_inspector;
GRANT SELECT ON holders, credentials, resources, leases, permits, span_classes, contracts,
  campaigns, refusals, inspections, journal, numreg_schema, numreg_carrier_roles
  TO numreg_clerk, numreg_inspector;
GRANT INSERT, UPDATE ON holders, credentials, resources, leases, contracts, campaigns, refusals
  TO numreg_clerk;
GRANT INSERT, DELETE ON permits TO numreg_clerk;
GRANT INSERT ON span_classes TO numreg_clerk;
GRANT INSERT ON inspections TO numreg_inspector;
-- Column privileges: an UPDATE that sets any other column is refused.
GRANT UPDATE (results) ON inspections TO numreg_inspector;
GRANT UPDATE (verified_on) ON leases TO numreg_inspector;
GRANT INSERT ON journal TO numreg_clerk, numreg_inspector;

-- Row-level security: everyone with SELECT reads every row; the rest is
-- per role. Without a policy for a command, RLS refuses it.
ALTER TABLE resources ENABLE ROW LEVEL SECURITY;
ALTER TABLE leases ENABLE ROW LEVEL SECURITY;
ALTER TABLE permits ENABLE ROW LEVEL SECURITY;
ALTER TABLE contracts ENABLE ROW LEVEL SECURITY;
ALTER TABLE inspections ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS numreg_read ON resources;
DROP POLICY IF EXISTS numreg_read ON leases;
DROP POLICY IF EXISTS numreg_read ON permits;
DROP POLICY IF EXISTS numreg_read ON contracts;
DROP POLICY IF EXISTS numreg_read ON inspections;
DROP POLICY IF EXISTS numreg_read ON journal;
CREATE POLICY numreg_read ON resources FOR SELECT USING (true);
CREATE POLICY numreg_read ON leases FOR SELECT USING (true);
CREATE POLICY numreg_read ON permits FOR SELECT USING (true);
CREATE POLICY numreg_read ON contracts FOR SELECT USING (true);
CREATE POLICY numreg_read ON inspections FOR SELECT USING (true);
CREATE POLICY numreg_read ON journal FOR SELECT USING (true);

DROP POLICY IF EXISTS numreg_clerk_carrier ON resources;
DROP POLICY IF EXISTS numreg_clerk_carrier ON leases;
DROP POLICY IF EXISTS numreg_clerk_carrier ON permits;
DROP POLICY IF EXISTS numreg_clerk_carrier ON contracts;
CREATE POLICY numreg_clerk_carrier ON resources FOR ALL TO numreg_clerk
  USING (numreg_may_change(carrier)) WITH CHECK (numreg_may_change(carrier));
CREATE POLICY numreg_clerk_carrier ON leases FOR ALL TO numreg_clerk
  USING (numreg_may_change(carrier)) WITH CHECK (numreg_may_change(carrier));
CREATE POLICY numreg_clerk_carrier ON permits FOR ALL TO numreg_clerk
  USING (numreg_may_change_lease(lease)) WITH CHECK (numreg_may_change_lease(lease));
CREATE POLICY numreg_clerk_carrier ON contracts FOR ALL TO numreg_clerk
  USING (numreg_may_change_lease(lease)) WITH CHECK (numreg_may_change_lease(lease));

DROP POLICY IF EXISTS numreg_inspector_records ON inspections;
CREATE POLICY numreg_inspector_records ON inspections FOR INSERT TO numreg_inspector
  WITH CHECK (inspector = session_user);

-- Site results. An inspection's results belong to the inspector it names,
-- who answers for it: another inspector's results would overwrite them and
-- pass for its (a colleague who visits records an inspection of its own;
-- audit --record with the same seed and plan draws the same sample). Any
-- lease's verified_on, the only column granted: numreg writes it only for a
-- lease in the sample of the inspection it records results of, and journals
-- it; a policy naming the sampled leases would parse every own inspection's
-- sample (JSON text, megabytes for a large audit) for each lease written.
DROP POLICY IF EXISTS numreg_inspector_results ON inspections;
CREATE POLICY numreg_inspector_results ON inspections FOR UPDATE TO numreg_inspector
  USING (inspector = session_user) WITH CHECK (inspector = session_user);
DROP POLICY IF EXISTS numreg_inspector_verified ON leases;
CREATE POLICY numreg_inspector_verified ON leases FOR UPDATE TO numreg_inspector
  USING (true) WITH CHECK (true);

DROP POLICY IF EXISTS numreg_own_entries ON journal;
CREATE POLICY numreg_own_entries ON journal FOR INSERT TO numreg_clerk, numreg_inspector
  WITH CHECK (actor = session_user);
