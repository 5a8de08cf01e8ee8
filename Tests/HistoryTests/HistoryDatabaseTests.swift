import Foundation
import GRDB
import Monitor
import ProxyLiteAPI
import Testing

@testable import History

@Suite struct HistoryDatabaseTests {
    @Test func aNewDatabaseIsMigratedInWALModeWithPrivatePermissions() throws {
        let folder = StateFolder()
        let location = folder.location()
        let (database, status) = try HistoryDatabase.open(location, key: testKey, holder: "test")
        #expect(status == .writing)
        let applied = try database.pool.read { db in try HistorySchema.migrator.appliedIdentifiers(db) }
        #expect(applied == ["v1"])
        let mode = try database.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let attributes = try FileManager.default.attributesOfItem(atPath: location.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: (location.path as NSString).deletingLastPathComponent)
        #expect((folderAttributes[.posixPermissions] as? Int) == 0o700)
    }

    @Test func reopeningKeepsTheSeriesAndNeverStoresTheKey() throws {
        let folder = StateFolder()
        let location = folder.location()
        var first: Int64?
        do {
            let (database, _) = try HistoryDatabase.open(location, key: testKey, holder: "test")
            first = database.series
            var writer = try HistoryWriter(database: database)
            try writer.record(accounts: [account("alice", mb: 10)], at: Date())
        }
        let (again, _) = try HistoryDatabase.open(location, key: testKey, holder: "test")
        #expect(again.series == first)
        try again.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        for file in [location.path, location.path + "-wal"] {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            #expect(data.range(of: Data(testKey.secret.utf8)) == nil, "the key is in \(file)")
        }
    }

    @Test func aNewKeyStartsANewSeriesAndLeavesTheOldOne() throws {
        let folder = StateFolder()
        let location = folder.location()
        let old: Int64?
        do {
            let (database, _) = try HistoryDatabase.open(location, key: testKey, holder: "test")
            old = database.series
            var writer = try HistoryWriter(database: database)
            try writer.record(accounts: [account("alice", mb: 10)], at: Date())
        }
        let (database, _) = try HistoryDatabase.open(location, key: otherKey, holder: "test")
        #expect(database.series != old)
        #expect(try database.recentSamples(within: 900, now: Date()).isEmpty)
        #expect(try count(database, "sample") == 1)
    }

    @Test func aSecondOpenerReadsAndSaysWhoWrites() throws {
        let folder = StateFolder()
        let location = folder.location()
        let (writer, status) = try HistoryDatabase.open(location, key: testKey, holder: "pid 4242 (proxylite-top)")
        #expect(status == .writing)
        var recording = try HistoryWriter(database: writer)
        try recording.record(accounts: [account("alice", mb: 10)], at: Date())
        let (reader, readerStatus) = try HistoryDatabase.open(location, key: testKey, holder: "pid 5 (other)")
        #expect(readerStatus == .reading(holder: "pid 4242 (proxylite-top)"))
        #expect(!reader.isWriter)
        #expect(try reader.recentSamples(within: 900, now: Date())["alice"]?.count == 1)
        #expect(throws: HistoryError.self) {
            var writer = try HistoryWriter(database: reader)
            try writer.record(accounts: [account("bob", mb: 1)], at: Date())
        }
    }

    @Test func theLockIsFreedWhenTheWriterCloses() throws {
        let folder = StateFolder()
        let location = folder.location()
        do {
            let (database, _) = try HistoryDatabase.open(location, key: testKey, holder: "first")
            #expect(database.isWriter)
        }
        let (database, status) = try HistoryDatabase.open(location, key: testKey, holder: "second")
        #expect(status == .writing)
        #expect(database.isWriter)
    }

    @Test func aCorruptFileIsReportedNotRepairedOrDeleted() throws {
        let folder = StateFolder()
        let location = folder.location()
        try FileManager.default.createDirectory(
            atPath: (location.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        #expect(FileManager.default.createFile(atPath: location.path, contents: garbage))
        do {
            _ = try HistoryDatabase.open(location, key: testKey, holder: "test")
            Issue.record("a corrupt file opened")
        } catch {
            guard case .corrupt(let path, _) = error else {
                Issue.record("expected corrupt, got \(error)")
                return
            }
            #expect(path == location.path)
            #expect(error.description.contains("move it away"))
        }
        #expect(FileManager.default.contents(atPath: location.path) == garbage)
    }

    @Test func aSchemaFromANewerVersionIsRefused() throws {
        let folder = StateFolder()
        let location = folder.location()
        do {
            let (database, _) = try HistoryDatabase.open(location, key: testKey, holder: "test")
            try database.pool.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        }
        #expect(throws: HistoryError.newerSchema(path: location.path)) {
            _ = try HistoryDatabase.open(location, key: testKey, holder: "test")
        }
    }

    @Test func anUnwritableFolderIsReported() throws {
        guard getuid() != 0 else { return }  // root writes anywhere; the check needs a normal user
        let location = HistoryLocation(path: "/proc/proxylite-top/x.sqlite")
        #expect(throws: HistoryError.self) { _ = try HistoryDatabase.open(location, key: testKey, holder: "test") }
    }

    @Test func theStandardLocationFollowsXDGStateHome() {
        let location = HistoryLocation.standard(
            profile: "main", host: "api.proxylite.com", environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
        #expect(location.path == "/s/proxylite-top/main@api.proxylite.com.sqlite")
        let fallback = HistoryLocation.standard(profile: "a/b", host: "127.0.0.1:8080", environment: ["HOME": "/h"])
        #expect(fallback.path == "/h/.local/state/proxylite-top/a_b@127.0.0.1_8080.sqlite")
    }
}
