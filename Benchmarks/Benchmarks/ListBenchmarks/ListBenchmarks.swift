import Benchmark
import Foundation
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import TerminalUI

/// Allocation counts and times of what a keystroke or a poll costs on 100 000 accounts of the
/// benchmark world (docs/benchmark-world.md): the sort, the filter, a frame, JSON writing.
/// The world is fetched once, through the real client and store, before the first benchmark.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 30)

    for column in [AccountColumn.usage, .username, .remark, .status] {
        Benchmark(
            "sort key by \(column.title): the store's order read",
            closure: { benchmark in
                let world = World.loaded
                let cache = VisibleListCache()
                var ui = UIState()
                for _ in benchmark.scaledIterations {
                    // Two directions in turn: every call reads an order afresh.
                    ui.accountSort = AccountSort(column: column, descending: !ui.accountSort.descending)
                    blackHole(cache.lists(world.snapshot, ui))
                }
            }, setup: World.load)
        Benchmark(
            "fresh sort by \(column.title) (a hand-built snapshot, or the trend column)",
            closure: { benchmark in
                let world = World.loaded
                let sort = AccountSort(column: column)
                for _ in benchmark.scaledIterations {
                    blackHole(VisibleLists.accounts(world.rows, filter: "", sort: sort, ranks: world.ranks))
                }
            }, setup: World.load)
    }

    Benchmark(
        "a poll's orders, every column (once per poll, off the curses thread)",
        closure: { benchmark in
            let world = World.loaded
            guard let ranks = world.ranks else { fatalError("the store made no ranks: nothing would be measured") }
            for _ in benchmark.scaledIterations { blackHole(AccountOrders(world.rows, ranks: ranks, fetchedAt: nil)) }
        }, setup: World.load)

    Benchmark(
        "a poll's filter text (once per poll whose names changed, off the curses thread)",
        closure: { benchmark in
            let world = World.loaded
            for _ in benchmark.scaledIterations { blackHole(AccountSearchText(world.rows)) }
        }, setup: World.load)

    Benchmark(
        "the account list answer read as it arrives",
        closure: { benchmark in
            let world = World.loaded
            for _ in benchmark.scaledIterations {
                blackHole(try ProxyLiteClient.accounts(fromAnswer: world.answer, providerOffset: 8 * 3600))
            }
        }, setup: World.load)

    Benchmark(
        "text ranks (once per poll, off the curses thread)",
        closure: { benchmark in
            let world = World.loaded
            for _ in benchmark.scaledIterations { blackHole(AccountTextRanks(world.rows, fetchedAt: nil)) }
        }, setup: World.load)

    Benchmark(
        "filter typing \"aB3\" and erasing it, on the store's text",
        closure: { benchmark in
            let world = World.loaded
            var ui = UIState()
            for _ in benchmark.scaledIterations {
                let cache = VisibleListCache()
                for filter in ["", "a", "aB", "aB3", "aB", "a", ""] {
                    ui.accountFilter = filter
                    blackHole(cache.lists(world.snapshot, ui))
                }
            }
        }, setup: World.load)

    Benchmark(
        "frame 120×40 after a sort key",
        closure: { benchmark in
            let world = World.loaded
            var driver = DashboardDriver(ui: UIState(), snapshot: world.snapshot)
            let layout = ScreenLayout(width: 120, height: 40)
            for _ in benchmark.scaledIterations {
                _ = driver.handle(.keys([.character("s")], layout: layout), at: AppMoment(now: Date(), uptime: .now))
                blackHole(driver.frame(width: 120, height: 40, now: Date(), uptime: .now))
            }
        }, setup: World.load)

    Benchmark(
        "JSON writing, every account pretty-printed row by row",
        closure: { benchmark in
            let world = World.loaded
            for _ in benchmark.scaledIterations {
                var out: [UInt8] = []
                out.reserveCapacity(1 << 16)
                for row in world.rows {
                    World.json(row.account).writePretty(into: &out, depth: 2)
                    if out.count >= 1 << 16 { out.removeAll(keepingCapacity: true) }
                }
                blackHole(out)
            }
        }, setup: World.load)
}

/// The benchmark world's accounts as the dashboard holds them.
struct World: Sendable {
    let snapshot: Snapshot
    var rows: [AccountRow] { snapshot.accounts.value ?? [] }
    var ranks: AccountTextRanks? { snapshot.accountRanks }

    /// The account list's answer as the simulator sent it.
    let answer: [UInt8]

    nonisolated(unsafe) static var shared: World?
    static var loaded: World { shared! }

    @Sendable static func load() async throws {
        guard shared == nil else { return }
        let simulator = try await Simulator.start(.benchmarkWorld(accounts: 100_000))
        let client = ProxyLiteClient(
            configuration: .init(profile: simulator.profile, appKey: simulator.appKey, requestsPerSecond: 1000, burst: 1000))
        let store = Store(source: "simulator", readOnly: false) { _ in }
        await store.apply(.accounts(try await client.accounts()), at: Date())
        shared = World(snapshot: await store.current, answer: try await client.accountListAnswer())
        await simulator.stop()
    }

    /// An account as a JSON object of the size `snapshot --format json` writes.
    static func json(_ a: SubAccount) -> JSONValue {
        .object([
            ("id", .integer(Int64(a.id))), ("username", .string(a.username)), ("password", .string(a.password.masked)),
            ("enabled", .bool(a.isEnabled)), ("product_type", .integer(Int64(a.productType.code))),
            ("usage_bytes", .integer(a.usageBytes)), ("limit_gb", .integer(a.limitGB)),
            ("limit_bytes", a.limitBytes.map(JSONValue.integer) ?? .null), ("remark", .string(a.remark)),
            ("created_at", a.createdAt.map { .string(APIDate.isoString($0)) } ?? .null),
        ])
    }
}
