import GRDB

/// The versioned schema. Times are INTEGER milliseconds since 1970 (UTC); JSON columns are TEXT.
/// Every table is plain SQL that PostgreSQL accepts with the obvious type renames.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-streams") { db in
            try db.execute(sql: """
            CREATE TABLE stream (
              name TEXT PRIMARY KEY, object TEXT, record_count INTEGER NOT NULL DEFAULT 0,
              last_import INTEGER);
            CREATE TABLE stream_record (
              seq INTEGER PRIMARY KEY AUTOINCREMENT, stream TEXT NOT NULL, record_id TEXT NOT NULL,
              ts INTEGER NOT NULL, deleted INTEGER NOT NULL, fields TEXT NOT NULL, imported_at INTEGER NOT NULL,
              UNIQUE (stream, record_id, ts));
            CREATE INDEX stream_record_order ON stream_record (stream, seq);
            CREATE TABLE checkpoint (
              job TEXT NOT NULL, object TEXT NOT NULL, ts INTEGER, last_id TEXT, window_upper INTEGER,
              phase TEXT NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (job, object));
            CREATE TABLE run (
              id INTEGER PRIMARY KEY AUTOINCREMENT, job TEXT NOT NULL, started_at INTEGER NOT NULL,
              ended_at INTEGER, records INTEGER NOT NULL DEFAULT 0, api_calls INTEGER NOT NULL DEFAULT 0,
              warnings INTEGER NOT NULL DEFAULT 0, errors INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL,
              message TEXT);
            CREATE INDEX run_job ON run (job, started_at);
            """)
        }
        m.registerMigration("v1-profiles") { db in
            try db.execute(sql: """
            CREATE TABLE profile (
              id INTEGER PRIMARY KEY AUTOINCREMENT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
              merged_into INTEGER);
            CREATE TABLE profile_merge (
              survivor INTEGER NOT NULL, absorbed INTEGER NOT NULL, at INTEGER NOT NULL, stream TEXT NOT NULL,
              record_id TEXT NOT NULL, PRIMARY KEY (absorbed));
            CREATE TABLE identity (
              kind TEXT NOT NULL, value TEXT NOT NULL, profile_id INTEGER NOT NULL, PRIMARY KEY (kind, value));
            CREATE INDEX identity_profile ON identity (profile_id);
            CREATE TABLE profile_source (
              stream TEXT NOT NULL, record_id TEXT NOT NULL, profile_id INTEGER, ts INTEGER NOT NULL,
              deleted INTEGER NOT NULL, fields TEXT NOT NULL, PRIMARY KEY (stream, record_id));
            CREATE INDEX profile_source_profile ON profile_source (profile_id);
            CREATE TABLE profile_field (name TEXT PRIMARY KEY, type TEXT NOT NULL);
            CREATE TABLE profile_view (profile_id INTEGER PRIMARY KEY);
            CREATE TABLE change (
              seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, kind TEXT NOT NULL,
              profile_id INTEGER NOT NULL, audience TEXT, other_profile INTEGER, fields TEXT);
            CREATE TABLE consumer_cursor (consumer TEXT PRIMARY KEY, position INTEGER NOT NULL, updated_at INTEGER NOT NULL);
            """)
        }
        m.registerMigration("v1-audiences") { db in
            try db.execute(sql: """
            CREATE TABLE audience (
              name TEXT PRIMARY KEY, description TEXT NOT NULL, where_sql TEXT, updated_at INTEGER NOT NULL);
            CREATE TABLE audience_id (audience TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (audience, value));
            CREATE TABLE audience_member (
              audience TEXT NOT NULL, profile_id INTEGER NOT NULL, since INTEGER NOT NULL,
              PRIMARY KEY (audience, profile_id));
            CREATE INDEX audience_member_profile ON audience_member (profile_id);
            """)
        }
        m.registerMigration("v1-export") { db in
            try db.execute(sql: """
            CREATE TABLE export_state (
              job TEXT NOT NULL, profile_id INTEGER NOT NULL, audiences TEXT NOT NULL, trigger_hash TEXT,
              salesforce_id TEXT, status TEXT NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (job, profile_id));
            CREATE TABLE export_outbox (
              id INTEGER PRIMARY KEY AUTOINCREMENT, job TEXT NOT NULL, profile_id INTEGER NOT NULL,
              operation TEXT NOT NULL, payload TEXT NOT NULL, audiences TEXT NOT NULL, trigger_hash TEXT,
              created_at INTEGER NOT NULL, done_at INTEGER);
            CREATE UNIQUE INDEX export_outbox_pending ON export_outbox (job, profile_id) WHERE done_at IS NULL;
            CREATE TABLE rejected_record (
              id INTEGER PRIMARY KEY AUTOINCREMENT, job TEXT NOT NULL, profile_id INTEGER NOT NULL,
              error_code TEXT NOT NULL, message TEXT NOT NULL, payload TEXT NOT NULL, at INTEGER NOT NULL,
              retry_requested INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX rejected_job ON rejected_record (job, at);
            """)
        }
        m.registerMigration("v1-budget") { db in
            try db.execute(sql: """
            CREATE TABLE api_call (
              id INTEGER PRIMARY KEY AUTOINCREMENT, org TEXT NOT NULL, job TEXT NOT NULL, at INTEGER NOT NULL,
              count INTEGER NOT NULL);
            CREATE INDEX api_call_org ON api_call (org, at);
            CREATE TABLE job_state (
              job TEXT PRIMARY KEY, state TEXT NOT NULL, paused_until INTEGER, updated_at INTEGER NOT NULL);
            """)
        }
        m.registerMigration("v2-budget-status") { db in
            try db.execute(sql: """
            ALTER TABLE job_state ADD COLUMN org TEXT;
            CREATE TABLE org_usage (
              org TEXT PRIMARY KEY, daily_limit INTEGER, salesforce_remaining INTEGER, budget_remaining INTEGER,
              observed_at INTEGER NOT NULL);
            """)
        }
        m.registerMigration("v3-indexes") { db in
            // Without these, two reads scanned a whole table each time, quadratic over a large
            // backfill: loading a profile looks up the profiles merged into it, and the send
            // loop reads the oldest pending outbox entries (ORDER BY id LIMIT n).
            try db.execute(sql: """
            CREATE INDEX profile_merged_into ON profile (merged_into) WHERE merged_into IS NOT NULL;
            CREATE INDEX export_outbox_pending_order ON export_outbox (job, id) WHERE done_at IS NULL;
            """)
        }
        return m
    }
}
