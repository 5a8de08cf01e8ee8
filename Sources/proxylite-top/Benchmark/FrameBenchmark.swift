import Foundation
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import TerminalUI

/// What the curses thread does for one key or one poll, in memory: the dashboard's state machine
/// and renderer (`DashboardDriver`) on the benchmark world, fetched through the real client and
/// store.
struct FrameBenchmark {
    /// One step: the key pressed (or the poll received) and the sort column or action it is
    /// reported under.
    struct Step {
        var label: String
        var event: Event
    }

    enum Event {
        case key(Key)
        /// The next poll's accounts arrive (the store has applied them, ranks included).
        case poll
        /// A frame with nothing changed but the clock.
        case redraw
    }

    static let width = 120
    static let height = 40

    let first: Snapshot
    let second: Snapshot

    /// Two polls of the benchmark world, `apart` seconds apart (usage grows in between).
    static func load(accounts: Int, seed: UInt64, apart: Duration) async throws -> FrameBenchmark {
        var configuration = SimulatorConfiguration.benchmarkWorld(seed: seed, accounts: accounts)
        configuration.faults.hostileRows = 0.001
        let simulator = try await Simulator.start(configuration)
        defer { Task { await simulator.stop() } }
        let client = ProxyLiteClient(
            configuration: .init(profile: simulator.profile, appKey: simulator.appKey, requestsPerSecond: 1000, burst: 1000))
        let store = Store(source: "simulator", readOnly: false) { _ in }
        await store.apply(.accounts(try await client.accounts()), at: Date())
        await store.apply(.summary(try await client.packageSummary()), at: Date())
        let first = await store.current
        try await Task.sleep(for: apart)
        await store.apply(.accounts(try await client.accounts()), at: Date())
        return FrameBenchmark(first: first, second: await store.current)
    }

    /// Every sort column once (`s`, as often as there are columns), the direction reversed,
    /// filter typing and erasing, a poll arriving, a redraw: `rounds` times.
    func steps(rounds: Int) -> [Step] {
        var steps: [Step] = []
        var column = AccountSort().column
        let shown = AccountColumn.defaults
        for _ in 0..<rounds {
            for _ in shown {
                column = shown[(shown.firstIndex(of: column)! + 1) % shown.count]
                steps.append(Step(label: "sort \(column.title)", event: .key(.character("s"))))
            }
            steps.append(Step(label: "reverse", event: .key(.character("S"))))
            steps.append(Step(label: "open filter", event: .key(.character("/"))))
            for character in "aB3" { steps.append(Step(label: "filter typing", event: .key(.character(character)))) }
            for _ in 0..<3 { steps.append(Step(label: "filter erasing", event: .key(.backspace))) }
            steps.append(Step(label: "close filter", event: .key(.escape)))
            steps.append(Step(label: "poll arrives", event: .poll))
            steps.append(Step(label: "redraw, nothing changed", event: .redraw))
        }
        return steps
    }

    /// Runs `steps` and returns each one's wall time in milliseconds, in order.
    func run(_ steps: [Step]) -> [Double] {
        var driver = DashboardDriver(ui: UIState(), snapshot: first)
        let layout = ScreenLayout(width: Self.width, height: Self.height)
        _ = driver.frame(width: Self.width, height: Self.height, now: Date(), uptime: .now)
        var polls = [second, first]
        var times: [Double] = []
        times.reserveCapacity(steps.count)
        for step in steps {
            let moment = AppMoment(now: Date(), uptime: .now)
            let event: AppEvent
            switch step.event {
            case .key(let key): event = .keys([key], layout: layout)
            case .poll:
                var next = polls.removeFirst()
                next.version = driver.snapshot.version + 1
                polls.append(next)
                event = .snapshot(next)
            case .redraw: event = .tick
            }
            let start = ContinuousClock.now
            _ = driver.handle(event, at: moment)
            _ = driver.frame(width: Self.width, height: Self.height, now: moment.now, uptime: moment.uptime)
            times.append(FrameBenchmark.milliseconds(ContinuousClock.now - start))
        }
        return times
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
}
