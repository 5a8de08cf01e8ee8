import Foundation
import GRDB
import ProxyLiteAPI

/// One open history database: its connection pool (WAL: readers never wait for the writer), the
/// series of the key in use, and whether this process holds the writer lock.
public final class HistoryDatabase: Sendable {
    public let location: HistoryLocation
    let pool: DatabasePool
    /// The key's series; nil when reading and the writer has not recorded this key yet.
    let series: Int64?
    /// Held while this process writes; nil for a reader.
    private let lock: WriterLock?

    public var isWriter: Bool { lock != nil }

    /// Gives up the writer lock (the process is stopping and writes no more).
    func releaseLock() { lock?.release() }

    private init(location: HistoryLocation, pool: DatabasePool, series: Int64?, lock: WriterLock?) {
        self.location = location
        self.pool = pool
        self.series = series
        self.lock = lock
    }

    /// Opens the database for `key`: as the writer when the lock is free, else read-only
    /// (`status` says which). `holder` is written into the lock file for a second process to show.
    public static func open(
        _ location: HistoryLocation, key: AppKey, holder: String, now: Date = Date()
    ) throws(HistoryError) -> (database: HistoryDatabase, status: HistoryStatusReading) {
        try open(location, key: key, holder: holder, now: now, onlyAsWriter: false)!  // opens as a reader when it cannot write
    }

    /// The database as its writer, or nil while another process holds the lock.
    public static func openAsWriter(
        _ location: HistoryLocation, key: AppKey, holder: String, now: Date
    ) throws(HistoryError)
        -> HistoryDatabase?
    {
        try open(location, key: key, holder: holder, now: now, onlyAsWriter: true)?.database
    }

    private static func open(
        _ location: HistoryLocation, key: AppKey, holder: String, now: Date, onlyAsWriter: Bool
    ) throws(HistoryError) -> (database: HistoryDatabase, status: HistoryStatusReading)? {
        try location.prepare()
        switch try WriterLock.acquire(at: location.lockPath, describing: holder) {
        case .heldBy where onlyAsWriter: return nil
        case .acquired(let lock):
            let pool = try connect(location, readOnly: false)
            let series = try guarded(location) { () throws -> Int64 in
                try migrate(pool, location)
                return try pool.write { db in try seriesID(db, key: key, create: true, now: now)! }
            }
            return (HistoryDatabase(location: location, pool: pool, series: series, lock: lock), .writing)
        case .heldBy(let holder):
            let pool = try connect(location, readOnly: true)
            let series = try guarded(location) { () throws -> Int64? in
                try pool.read { db in
                    guard try db.tableExists("series") else { return nil }
                    return try seriesID(db, key: key, create: false, now: now)
                }
            }
            return (HistoryDatabase(location: location, pool: pool, series: series, lock: nil), .reading(holder: holder))
        }
    }

    /// Opens an existing database to read only, without the lock and without creating anything
    /// (the `history` command); nil when there is no database yet.
    public static func openForReading(_ location: HistoryLocation, key: AppKey) throws(HistoryError) -> HistoryDatabase? {
        guard FileManager.default.fileExists(atPath: location.path) else { return nil }
        let pool = try connect(location, readOnly: true)
        let series = try guarded(location) { () throws -> Int64? in
            try pool.read { db in
                guard try db.tableExists("series") else { return nil }
                return try seriesID(db, key: key, create: false, now: Date())
            }
        }
        return HistoryDatabase(location: location, pool: pool, series: series, lock: nil)
    }

    /// Whether the key in use has a series here (a reader opened before the writer recorded it has none).
    public var hasSeries: Bool { series != nil }

    /// The status `open` gives, before the Monitor type: writing, or reading beside `holder`.
    public enum HistoryStatusReading: Sendable, Equatable {
        case writing
        case reading(holder: String)
    }

    private static func connect(_ location: HistoryLocation, readOnly: Bool) throws(HistoryError) -> DatabasePool {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.label = "history"
        // A second process's checkpoint can hold the file for a moment; waiting 2 s beats failing.
        configuration.busyMode = .timeout(2)
        configuration.prepareDatabase { db in
            // Only takes effect on a new file: freed pages can then be returned to the file system
            // after pruning (`PRAGMA incremental_vacuum`), so the size cap can shrink the file.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL") }
            // In WAL mode NORMAL syncs at checkpoints, not at every commit: a power cut may lose the
            // last polls, never the database, and a poll's write no longer waits on the disk.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return try guarded(location) { try DatabasePool(path: location.path, configuration: configuration) }
    }

    private static func migrate(_ pool: DatabasePool, _ location: HistoryLocation) throws {
        let migrator = HistorySchema.migrator
        let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
        guard applied.isSubset(of: HistorySchema.knownMigrations) else { throw HistoryError.newerSchema(path: location.path) }
        try migrator.migrate(pool)
    }

    /// The series of `key`, made with a new salt on first use when `create`.
    private static func seriesID(_ db: Database, key: AppKey, create: Bool, now: Date) throws -> Int64? {
        var salt = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'salt'")
        if salt == nil {
            guard create else { return nil }
            salt = KeyFingerprint.newSalt()
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('salt', ?)", arguments: [salt])
        }
        let fingerprint = KeyFingerprint.of(key, salt: salt!)
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM series WHERE fingerprint = ?", arguments: [fingerprint]) {
            return id
        }
        guard create else { return nil }
        try db.execute(
            sql: "INSERT INTO series (fingerprint, started_at) VALUES (?, ?)", arguments: [fingerprint, Int64(now.timeIntervalSince1970)])
        return db.lastInsertedRowID
    }

    /// Runs `body`, turning SQLite's failures into what the user can act on.
    static func guarded<T>(_ location: HistoryLocation, _ body: () throws -> T) throws(HistoryError) -> T {
        do {
            return try body()
        } catch let error as HistoryError {
            throw error
        } catch let error as DatabaseError {
            throw HistoryError(error, path: location.path)
        } catch {
            throw .failed(path: location.path, reason: "\(error)")
        }
    }

    /// Reads through the pool (any thread).
    func read<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        try Self.guarded(location) { try pool.read(body) }
    }

    /// One write transaction.
    func write<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        try Self.guarded(location) { try pool.write(body) }
    }

    /// Bytes the database takes on disk, pages in use and free.
    public func fileBytes() throws(HistoryError) -> (used: Int64, total: Int64) {
        try read { db in
            let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let free = try Int64.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            return ((pages - free) * pageSize, pages * pageSize)
        }
    }
}

extension HistoryError {
    init(_ error: DatabaseError, path: String) {
        let reason = error.message ?? "\(error.resultCode)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .corrupt(path: path, reason: reason)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .locked(path: path)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_FULL, .SQLITE_IOERR:
            self = .unwritable(path: path, reason: reason)
        default: self = .failed(path: path, reason: reason)
        }
    }
}
