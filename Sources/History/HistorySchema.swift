import GRDB

/// The database's tables, one migration per schema version (GRDB's migrator records which ran).
/// Times are whole seconds since 1970 on the wall clock: history outlives the process, and with it
/// any monotonic clock. Series (one per key fingerprint) keep a new key's numbers apart from the
/// old one's. Tables keyed by (subject, time) are WITHOUT ROWID: the key is the row.
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
                    CREATE TABLE series (
                        id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, started_at INTEGER NOT NULL);
                    CREATE TABLE account (
                        id INTEGER PRIMARY KEY, series INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
                        username TEXT NOT NULL, first_seen INTEGER NOT NULL, UNIQUE (series, username));
                    -- Raw samples, 48 h: written when usage or limit changed, or 5 minutes after the last.
                    -- Keyed by time first, so that one poll's rows append to a few pages rather than
                    -- dirtying one page per account, and pruning cuts a range off the front.
                    CREATE TABLE sample (
                        t INTEGER NOT NULL, account INTEGER NOT NULL, usage INTEGER NOT NULL, lim INTEGER,
                        PRIMARY KEY (t, account)) WITHOUT ROWID;
                    -- Usage added in each 5-minute bucket (7 days) and hour (90 days); buckets with none are
                    -- absent. Time first for the same reason; the index (written once per account and bucket,
                    -- not at every poll) serves one account's series.
                    CREATE TABLE bucket5m (
                        t INTEGER NOT NULL, account INTEGER NOT NULL, usage INTEGER NOT NULL, delta INTEGER NOT NULL,
                        PRIMARY KEY (t, account)) WITHOUT ROWID;
                    CREATE INDEX bucket5m_account ON bucket5m (account, t);
                    CREATE TABLE bucket1h (
                        t INTEGER NOT NULL, account INTEGER NOT NULL, usage INTEGER NOT NULL, delta INTEGER NOT NULL,
                        PRIMARY KEY (t, account)) WITHOUT ROWID;
                    CREATE INDEX bucket1h_account ON bucket1h (account, t);
                    -- Account-wide, hourly, a year: the summary's last values, and the usage all sub-accounts added.
                    CREATE TABLE account_hourly (
                        series INTEGER NOT NULL, t INTEGER NOT NULL, left_bytes INTEGER, expiring_bytes INTEGER,
                        expired_bytes INTEGER, used_bytes INTEGER, delta INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (series, t)) WITHOUT ROWID;
                    CREATE TABLE flow_daily (
                        series INTEGER NOT NULL, day TEXT NOT NULL, bytes INTEGER NOT NULL,
                        PRIMARY KEY (series, day)) WITHOUT ROWID;
                    -- When each static IP and package expires, as last seen.
                    CREATE TABLE expiry (
                        series INTEGER NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, expires_at INTEGER,
                        seen_at INTEGER NOT NULL, PRIMARY KEY (series, kind, subject)) WITHOUT ROWID;
                    -- Polls per hour and resource: how many succeeded, how many failed, the last error's kind.
                    CREATE TABLE api_health (
                        series INTEGER NOT NULL, t INTEGER NOT NULL, resource TEXT NOT NULL, ok INTEGER NOT NULL DEFAULT 0,
                        failed INTEGER NOT NULL DEFAULT 0, last_error TEXT,
                        PRIMARY KEY (series, t, resource)) WITHOUT ROWID;
                    CREATE TABLE alert (
                        id INTEGER PRIMARY KEY, series INTEGER NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL,
                        profile TEXT NOT NULL, value REAL NOT NULL, threshold REAL NOT NULL, message TEXT NOT NULL,
                        at INTEGER NOT NULL, state TEXT NOT NULL, cleared_at INTEGER);
                    CREATE INDEX alert_open ON alert (series, state);
                    """)
        }
        return migrator
    }

    /// The newest migration this version knows: a database that has run one it does not know was
    /// written by a newer version.
    static let knownMigrations: Set<String> = ["v1"]
}
