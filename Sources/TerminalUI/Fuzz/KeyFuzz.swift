import Foundation
import Monitor
import ProxyLiteAPI

/// Random keys through the real state machine and renderer (`DashboardDriver`, as the curses
/// loop drives it): reads of keys and type-ahead, pastes, resizes from 0×0 to 300×100, snapshots
/// and command replies arriving between reads, on a simulated monotonic clock. After every step:
/// no crash, the frame fits its grid, and no write went out without a visible, settled
/// confirmation of exactly that write (see `WriteWitness`). A seed replays a run exactly.
public struct KeyFuzz {
    public struct Report: Sendable, CustomStringConvertible {
        public var seed: UInt64
        public var keys = 0
        public var reads = 0
        public var keysDroppedAsTypeAhead = 0
        public var frames = 0
        public var resizes = 0
        public var snapshots = 0
        public var replies = 0
        public var writesSent = 0
        public var confirmationsSeen = 0
        /// Switches to another profile of the world (none when it holds one).
        public var profileSwitches = 0
        public var checks = 0

        public var description: String {
            "seed \(seed): \(keys) keys in \(reads) reads (\(keysDroppedAsTypeAhead) dropped as type-ahead), \(frames) frames, "
                + "\(resizes) resizes, \(snapshots) snapshots, \(replies) replies, \(confirmationsSeen) confirmations shown, "
                + "\(writesSent) writes sent, \(profileSwitches) profile switches, \(checks) invariant checks, 0 broken"
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var seed: UInt64
        public var step: Int
        public var message: String
        public var description: String { "keystroke fuzz failed at seed \(seed), step \(step): \(message)" }
    }

    /// Data the fuzz shows: snapshots to switch between, and a price to answer a renewal preview
    /// with. Snapshots of several profiles make a switch show that profile's from then on, as the
    /// profile hub does.
    public struct World: Sendable {
        public var snapshots: [Snapshot]
        public var quote: OrderCheckResult?
        public init(snapshots: [Snapshot], quote: OrderCheckResult? = nil) {
            self.snapshots = snapshots
            self.quote = quote
        }
    }

    let world: World
    let seed: UInt64
    private var random: SeededRandom
    private var driver: DashboardDriver
    private var witness = WriteWitness()
    private var report: Report
    private var size = (width: 120, height: 40)
    private var uptime = ContinuousClock.now
    private var now = Date(timeIntervalSince1970: 1_800_000_000)
    /// Reads already waiting on stdin (a burst of typing): `dropPending` takes them.
    private var pending: [[Key]] = []
    /// Commands sent and not answered, oldest first: each profile's runner answers its own in order.
    private var inFlight: [(id: Int, command: Command, profile: String)] = []
    /// The profile whose snapshots arrive.
    private var profile: String
    private var version = 1_000_000
    private var stepNumber = 0

    public init(world: World, seed: UInt64) {
        precondition(!world.snapshots.isEmpty, "the fuzz needs a snapshot")
        DisplayWidth.prepareLocale()
        self.world = world
        self.seed = seed
        random = SeededRandom(state: seed)
        driver = DashboardDriver(ui: UIState(), snapshot: world.snapshots[0])
        profile = world.snapshots[0].profiles.active
        report = Report(seed: seed)
    }

    /// Runs until `keys` keys have been sent; `progress` is called now and then with the report so far.
    public mutating func run(keys: Int, progress: (Report) -> Void = { _ in }) throws -> Report {
        try frame()
        while report.keys < keys {
            stepNumber += 1
            try step()
            try frame()
            if stepNumber % 50_000 == 0 { progress(report) }
        }
        report.confirmationsSeen = witness.confirmationsSeen
        return report
    }

    private mutating func step() throws {
        if let next = pending.first {
            pending.removeFirst()
            advance(Int.random(in: 0...15, using: &random))
            try read(next)
            return
        }
        advance(FuzzKeys.gap(&random))
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<8:
            size = FuzzKeys.size(&random)
            report.resizes += 1
            try run(driver.handle(.resize, at: AppMoment(now: now, uptime: uptime)))
        case 8..<14: try receive(reply: false)
        case 14..<24: try receive(reply: true)
        default:
            var burst = (0..<Int.random(in: 1...3, using: &random)).map { _ in self.keys(count: Int.random(in: 1...5, using: &random)) }
            if case .typed(let typed) = driver.ui.dialog, random.chance(0.2) {
                // Someone who reads the dialog and types what it asks for: the path to a delete.
                burst = [typed.expected.map { Key.character($0) } + [.enter]]
            } else if driver.ui.dialog != nil, random.chance(0.3) {
                // Someone who answers: most writes go out this way, so most checks happen here.
                burst = [random.pick([[.character("y")], [.enter], [.tab, .enter], [.character("Y")]])] + burst.dropFirst()
            }
            let first = burst.removeFirst()
            pending = burst
            try read(first)
        }
    }

    private mutating func keys(count: Int) -> [Key] {
        (0..<count).map { _ in FuzzKeys.key(&random, width: size.width, height: size.height) }
    }

    private mutating func advance(_ milliseconds: Int) {
        uptime = uptime.advanced(by: .milliseconds(milliseconds))
        now = now.addingTimeInterval(Double(milliseconds) / 1000)
    }

    private mutating func read(_ keys: [Key]) throws {
        report.keys += keys.count
        report.reads += 1
        try deliver(.keys(keys, layout: ScreenLayout(width: size.width, height: size.height, snapshot: driver.snapshot)))
    }

    /// Hands `event` to the app controller as the loop does, and runs its effects. What
    /// `dropPending` does in the loop: reads and drops the keys still waiting, and says how many.
    private mutating func deliver(_ event: AppEvent) throws {
        var dropped = 0
        let waiting = pending
        let effects = driver.handle(
            event,
            at: AppMoment(now: now, uptime: uptime) {
                dropped = waiting.reduce(0) { $0 + $1.count }
                return dropped
            })
        if dropped > 0 {
            pending = []
            report.keysDroppedAsTypeAhead += dropped
        }
        try run(effects)
    }

    /// The effects of one event, as the loop's runner carries them out (a file written is an event
    /// in turn).
    private mutating func run(_ effects: [Effect]) throws {
        for effect in effects {
            switch effect {
            case .run(let id, let command, let target):
                inFlight.append((id, command, target))
                guard command.isWrite else { continue }
                report.writesSent += 1
                report.checks += 1
                if let broken = witness.check(command, profile: target, at: uptime) {
                    throw Failure(seed: seed, step: stepNumber, message: broken)
                }
            case .switchProfile(let name):
                if world.snapshots.contains(where: { $0.profiles.active == name }) {
                    profile = name
                    report.profileSwitches += 1
                }
            case .writeFile(let path, _):
                // Never to disk: the outcome is made up, success or a failure.
                let written = AppEvent.fileWritten(path: path, error: random.chance(0.5) ? nil : "No space left on device")
                try run(driver.handle(written, at: AppMoment(now: now, uptime: uptime)))
            case .quit, .refresh, .repaint, .showFlow, .need, .sparklines, .intraday, .acknowledge, .notify: break
            }
        }
    }

    /// A snapshot of the profile shown, with the answer to its oldest command in flight if `reply`.
    private mutating func receive(reply: Bool) throws {
        let shown = world.snapshots.filter { $0.profiles.active == profile }
        var next = random.pick(shown.isEmpty ? world.snapshots : shown)
        version += 1
        next.version = version
        next.replies = []
        if reply, let oldest = inFlight.firstIndex(where: { $0.profile == next.profiles.active }) {
            let (id, command, _) = inFlight.remove(at: oldest)
            next.replies = [Reply(id: id, command: command, outcome: outcome(for: command), sentAt: now)]
            report.replies += 1
        }
        report.snapshots += 1
        try deliver(.snapshot(next))
    }

    private mutating func outcome(for command: Command) -> Reply.Outcome {
        if case .checkOrder = command, let quote = world.quote, random.chance(0.7) { return .done(.quote(quote)) }
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<4: return .done(.none)
        case 4..<6:
            return .rejected(
                ProxyLiteError(
                    .badParameters, endpoint: "whitelist/del", message: "需要验证", fieldErrors: ["verify_code": ["required"]]))
        case 6..<7: return .rejected(ProxyLiteError(.api(500), endpoint: "x", message: "server error"))
        case 7..<9: return .unknown(ProxyLiteError(.timeout, endpoint: "x", message: "no answer in time"))
        default: return .readOnly
        }
    }

    /// The frame the loop would draw now, checked.
    private mutating func frame() throws {
        guard
            let buffer = driver.frame(width: size.width, height: size.height, now: now, uptime: uptime, zone: TimeZone(identifier: "UTC")!)
        else { return }
        report.frames += 1
        report.checks += 1
        if let broken = Self.misfit(buffer, width: size.width, height: size.height) {
            throw Failure(seed: seed, step: stepNumber, message: broken + "\n" + buffer.description)
        }
        witness.saw(buffer, dialog: driver.ui.dialog, at: uptime)
    }

    /// Why `buffer` does not fit a `width`×`height` grid, or nil: its size, a wide glyph cut in
    /// half, or a row whose columns do not add up.
    static func misfit(_ buffer: CellBuffer, width: Int, height: Int) -> String? {
        guard buffer.width == width, buffer.height == height, buffer.cells.count == width * height else {
            return "a \(buffer.width)×\(buffer.height) frame for a \(width)×\(height) terminal"
        }
        for y in 0..<height {
            var columns = 0
            for x in 0..<width {
                let cell = buffer[x, y]
                if cell.isContinuation {
                    guard x > 0, DisplayWidth.columns(buffer[x - 1, y].text) == 2 else { return "a stray half glyph at \(x),\(y)" }
                    continue
                }
                let w = DisplayWidth.columns(cell.text)
                guard w == 1 || (w == 2 && x + 1 < width && buffer[x + 1, y].isContinuation) else {
                    return "cell \(x),\(y) \(cell.text.debugDescription) is \(w) columns wide"
                }
                columns += w
            }
            guard columns == width else { return "row \(y) is \(columns) columns wide, not \(width)" }
        }
        return nil
    }
}
