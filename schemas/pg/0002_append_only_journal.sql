-- numreg registry on PostgreSQL, schema version 2: the journal is append-only.
-- No role is granted UPDATE, DELETE or TRUNCATE on it (numreg init --roles),
-- and this trigger refuses them to everyone, the owner and superusers too,
-- as SQLSTATE 42501 (numreg's exit 77). Dropping the trigger takes the
-- table's owner; verify would still find an edited chain. Never edit once
-- released.

CREATE FUNCTION numreg_journal_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the journal is append-only: % on journal is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON journal
  FOR EACH STATEMENT EXECUTE FUNCTION numreg_journal_append_only();
