-- 012 and 013 were edited after they first shipped (2026-11-28): text columns gained COLLATE "C"
-- and spend_actuals.amount_pence became BIGINT. A database made from the first versions kept
-- the old types, silently. This brings any such database to today's types; on a database made
-- since, it changes nothing. Shipped migrations are never edited again (checksums.json).
DO $$
DECLARE
  col record;
BEGIN
  FOR col IN
    SELECT c.table_name, c.column_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema()
      AND c.data_type = 'text'
      AND c.collation_name IS DISTINCT FROM 'C'
      AND c.table_name <> 'schema_migrations'
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE TEXT COLLATE "C"', col.table_name, col.column_name);
  END LOOP;
END
$$;
ALTER TABLE spend_actuals ALTER COLUMN amount_pence TYPE BIGINT;
