import Foundation
import GRDB
import ProxyLiteAPI
import TestSupport
import Testing

@testable import History

/// A temporary state folder, removed at the end of the test.
final class StateFolder: @unchecked Sendable {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "history-\(UUID().uuidString)"
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func location(_ name: String = "default@api.test.sqlite") -> HistoryLocation {
        HistoryLocation(path: path + "/proxylite-top/" + name)
    }
}

/// A wall clock that moves only when told.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { now = start }

    var date: Date { lock.withLock { now } }
    func advance(_ seconds: TimeInterval) { lock.withLock { now = now.addingTimeInterval(seconds) } }
}

let testKey = AppKey("history-test-key-0123456789")!
let otherKey = AppKey("another-key-9876543210")!

func account(_ name: String, mb: Int64, limitGB: Int = 10) -> SubAccount {
    Fixtures.account(name, usageGB: Double(mb) / 1024, limitGB: limitGB)
}

func count(_ database: HistoryDatabase, _ table: String) throws -> Int {
    try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
}

/// Waits until `recorder` has handled `count` outcomes (bounded: a stuck recorder fails the test).
func settle(_ recorder: HistoryRecorder, _ count: Int) async throws {
    for _ in 0..<500 {
        if await recorder.handled >= count { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("the recorder handled \(await recorder.handled) of \(count) outcomes")
}
