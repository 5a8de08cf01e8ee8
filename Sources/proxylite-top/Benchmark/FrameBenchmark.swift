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

    /// Two polls of the benchmark world, `apart` seconds apart (usage grows in between). With
    /// `saveTo`, the two account list answers are written there as they came
    /// (`accounts-1.json`, `accounts-2.json`), for `replay`.
    static func load(accounts: Int, seed: UInt64, apart: Duration, saveTo folder: URL? = nil) async throws -> FrameBenchmark {
        var configuration = SimulatorConfiguration.benchmarkWorld(seed: seed, accounts: accounts)
        configuration.faults.hostileRows = 0.001
        let simulator = try await Simulator.start(configuration)
        defer { Task { await simulator.stop() } }
        let client = ProxyLiteClient(
            configuration: .init(profile: simulator.profile, appKey: simulator.appKey, requestsPerSecond: 1000, burst: 1000))
        let store = Store(source: "simulator", readOnly: false) { _ in }
        let offset = simulator.profile.providerOffset
        func poll(_ number: Int) async throws -> [SubAccount] {
            guard let folder else { return try await client.accounts() }
            let answer = try await client.accountListAnswer()
            try Data(answer).write(to: folder.appendingPathComponent("accounts-\(number).json"))
            return try ProxyLiteClient.accounts(fromAnswer: answer, providerOffset: offset)
        }
        await store.apply(.accounts(try await poll(1)), at: Date())
        await store.apply(.summary(try await client.packageSummary()), at: Date())
        let first = await store.current
        try await Task.sleep(for: apart)
        await store.apply(.accounts(try await poll(2)), at: Date())
        return FrameBenchmark(first: first, second: await store.current)
    }

    /// The two polls of answers `load` saved, read without a simulator or a network (the same
    /// input on every machine, and nothing else running in the process), applied `apart` seconds
    /// apart on the store's clock. There is no package summary in them.
    static func replay(from folder: URL, providerOffset: Int, apart: Double) async throws -> FrameBenchmark {
        func answer(_ number: Int) throws -> [SubAccount] {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("accounts-\(number).json")))
            return try ProxyLiteClient.accounts(fromAnswer: bytes, providerOffset: providerOffset)
        }
        let store = Store(source: "simulator", readOnly: false) { _ in }
        let start = Date()
        await store.apply(.accounts(try answer(1)), at: start, monotonic: 0)
        let first = await store.current
        await store.apply(.accounts(try answer(2)), at: start.addingTimeInterval(apart), monotonic: apart)
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

    /// Runs `steps` and returns the wall time in milliseconds of each step `counts` picks, in
    /// order. Those steps run inside `countedStep` and the others inside `setupStep`, so that a
    /// profiler told to count one function (`callgrind --toggle-collect='*countedStep*'`) counts
    /// the picked steps alone.
    func run(_ steps: [Step], counts: (Step) -> Bool = { _ in true }) -> [Double] {
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
            if counts(step) {
                let start = ContinuousClock.now
                Self.countedStep(&driver, event, moment)
                times.append(FrameBenchmark.milliseconds(ContinuousClock.now - start))
            } else {
                Self.setupStep(&driver, event, moment)
            }
        }
        return times
    }

    /// One step: the event handled and the frame drawn, as the curses thread does.
    @inline(never) static func countedStep(_ driver: inout DashboardDriver, _ event: AppEvent, _ moment: AppMoment) {
        _ = driver.handle(event, at: moment)
        _ = driver.frame(width: Self.width, height: Self.height, now: moment.now, uptime: moment.uptime)
    }

    /// The same as `countedStep`, under another name (a step that is not counted).
    @inline(never) static func setupStep(_ driver: inout DashboardDriver, _ event: AppEvent, _ moment: AppMoment) {
        _ = driver.handle(event, at: moment)
        _ = driver.frame(width: Self.width, height: Self.height, now: moment.now, uptime: moment.uptime)
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
}
