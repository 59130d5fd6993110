namespace Jaga.Postgres.Backup;

/// <summary>The SQL that empties a database before a forced restore of a plain dump: every user schema but
/// <c>public</c> is dropped (the dump creates them again), and in <c>public</c>, which a dump never creates, every
/// relation, routine and type that no extension owns. Extensions in <c>public</c> stay: the dump's
/// <c>CREATE EXTENSION IF NOT EXISTS</c> finds them.</summary>
internal static class PostgresClear
{
    public const string Sql = """
        DO $jaga_clear$
        DECLARE o text;
        BEGIN
          FOR o IN SELECT quote_ident(nspname) FROM pg_namespace
                   WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\_%'
          LOOP EXECUTE 'DROP SCHEMA IF EXISTS ' || o || ' CASCADE'; END LOOP;
          FOR o IN SELECT c.oid::regclass::text FROM pg_class c
                   WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
          LOOP
            IF to_regclass(o) IS NOT NULL THEN
              EXECUTE 'DROP ' || (SELECT CASE relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END FROM pg_class WHERE oid = to_regclass(o)) || ' IF EXISTS ' || o || ' CASCADE';
            END IF;
          END LOOP;
          FOR o IN SELECT p.oid::regprocedure::text FROM pg_proc p
                   WHERE p.pronamespace = 'public'::regnamespace
                     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
          LOOP EXECUTE 'DROP ROUTINE IF EXISTS ' || o || ' CASCADE'; END LOOP;
          FOR o IN SELECT t.oid::regtype::text FROM pg_type t
                   WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('c', 'd', 'e', 'r', 'm') AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
                     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
          LOOP EXECUTE 'DROP TYPE IF EXISTS ' || o || ' CASCADE'; END LOOP;
        END
        $jaga_clear$;
        """;
}
