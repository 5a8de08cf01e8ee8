import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

@testable import proxylite_top

/// `snapshot --format json` streamed row by row writes exactly the bytes of the whole document
/// built as one value and printed (as it was before streaming), whatever the chunk size: on the
/// benchmark world's CJK, emoji, ZWJ and decomposed remarks, numbers as strings and unreadable values.
@Suite struct SnapshotJSONStreamTests {
    /// What one fetch of the benchmark world gives, written both ways.
    struct Written: Sendable {
        var streamed: [UInt8] = []
        var whole: [UInt8] = []
        var chunks = 0
        var accounts = 0
        var unreadable = 0
    }

    static func written(chunk: Int) async throws -> Written {
        var world = SimulatorConfiguration.benchmarkWorld(accounts: 400, staticIPs: 30, orders: 20)
        world.faults.hostileRows = 0.05
        return try await withSimulator(world) { _, client in
            let data = await SnapshotData.fetch(SnapshotPane.all.expanded, client: client, source: "simulator")
            let document = SnapshotJSON.document(data)
            var written = Written(accounts: data.accounts?.count ?? 0, unreadable: SnapshotUnreadable.all(data).count)
            document.write(chunk: chunk) {
                written.streamed += $0
                written.chunks += 1
                return true
            }
            written.whole = document.value.prettySerialized()
            return written
        }
    }

    @Test(arguments: [1, 100, 1 << 16])
    func streamedBytesAreThoseOfTheWholeDocument(chunk: Int) async throws {
        let written = try await Self.written(chunk: chunk)
        #expect(written.accounts == 400 && written.unreadable > 0)
        #expect(written.streamed == written.whole)
        #expect(chunk == 1 << 16 || written.chunks > 1)
        let text = String(decoding: written.streamed, as: UTF8.self)
        #expect(text.contains("\"accounts\": [") && text.contains("\"unreadable\": ["))
    }

    @Test func aReaderThatGoesAwayStopsTheWritingAndIsReported() async throws {
        var world = SimulatorConfiguration.benchmarkWorld(accounts: 2_000, staticIPs: 0, orders: 0)
        world.faults.hostileRows = 0
        let data = try await withSimulator(world) { _, client in
            await SnapshotData.fetch([.accounts], client: client, source: "simulator")
        }
        let document = SnapshotJSON.document(data)
        // A sink that refuses after the second piece: nothing more is made, and the write says so.
        var pieces = 0
        let whole = document.write(chunk: 1_000) { _ in
            pieces += 1
            return pieces < 2
        }
        #expect(!whole && pieces == 2)
        // Through a pipe whose reader has closed: the errno comes back rather than a silent exit 0.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        let previous = signal(SIGPIPE, SIG_IGN)
        defer {
            signal(SIGPIPE, previous)
            close(ends[1])
        }
        #expect(document.write(toDescriptor: ends[1]) == EPIPE)
    }

    @Test func emptyListsAreWrittenAsBefore() {
        var data = SnapshotData(fetchedAt: Date(timeIntervalSince1970: 1_800_000_000), source: "t")
        data.accounts = []
        data.orders = [Fixtures.order("T1", status: 1)]
        let document = SnapshotJSON.document(data)
        #expect(document.prettySerialized() == document.value.prettySerialized())
        #expect(String(decoding: document.prettySerialized(), as: UTF8.self).contains("\"accounts\": [],"))
    }
}
