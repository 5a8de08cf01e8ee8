import CPlatform
import Foundation
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import TerminalUI

/// Days of running in minutes: the real poller decisions (`Scheduler`), the real client against
/// the simulator, the store and the renderer, with every clock they read moved by hand. The
/// scheduler (intervals and backoff), the client's rate cap, the store's monotonic clock and the
/// simulator's world all read one simulated time (`SoakClock`), so 72 hours of polls (outages,
/// 5xx pages, unreadable and trickled answers, hostile rows) pass in a few minutes and show
/// whether memory, descriptors and request counts stay where they should.
struct SoakRun {
    struct Options: Sendable {
        var hours: Double = 72
        var accounts = 2_000
        var seed: UInt64 = 72
        /// Shares of requests answered with a 5xx page, an unreadable body; and an outage.
        var errorRate = 0.02
        var malformedRate = 0.005
        /// Share of list rows served with one hostile value (huge, NaN, impossible date …).
        var hostileRows = 0.01
        /// 20 minutes a day; the first ends with the first hour, so that the warm-up has seen
        /// every fault once, and the others show whether an outage leaves anything behind.
        var outage = FaultPlan.Outage(after: .seconds(40 * 60), lasting: .seconds(20 * 60), every: .seconds(24 * 3600))
        /// Share of successful answers whose body comes in `trickleChunk`-byte pieces, `trickle`
        /// apart (real time: the bytes really arrive late, through the client's reading loop).
        var trickleRate = 0.02
        var trickle: Duration = .milliseconds(1)
        var trickleChunk = 16 << 10
        var staticIPs = 200
        var orders = 100
        /// A frame is drawn every this many simulated seconds (and after every accounts poll).
        var frameEvery: Double = 60
        /// Hours left out of the memory comparison at the start. Live memory grows for about
        /// three hours, then stays flat: code paths run for the first time (type metadata,
        /// conformance caches), libdispatch's cache of continuations, the connections' buffers
        /// grown to the largest answer, the first outage and the first fault of each kind.
        var warmUpHours = 3
    }

    /// What was measured at one moment.
    struct Sample: Sendable {
        var hour: Double
        var heapBytes: Int
        var residentBytes: Int
        var descriptors: Int
    }

    /// The polls of one resource and the requests they made.
    struct Traffic: Sendable {
        var polls = 0
        var failed = 0
        var requests = 0
        var mostRequestsInAPoll = 0
    }

    struct Report: Sendable {
        var simulatedHours: Double
        var wallSeconds: Double
        /// Requests the simulator served, by path.
        var requests: [String: Int]
        var traffic: [Resource: Traffic]
        var policy: PollPolicy
        /// Requests one poll may make: the pages of its list.
        var pages: [Resource: Int]
        var requestsPerSecond: Double
        var burst: Int
        /// How often the rate cap made a request wait, and for how many simulated seconds in all.
        var capWaits: Int
        var capWaitSeconds: Double
        var trickled: Int
        var frames: Int
        /// Wall seconds spent polling (client and simulator) and drawing.
        var pollSeconds: Double
        var renderSeconds: Double
        /// One sample an hour (each hour's lowest heap), whole hours only, from hour 1.
        var hourly: [Sample]
        /// The hours before this one are warm-up, left out of the comparison.
        var warmUpHours: Int

        /// The hours compared: from the end of the warm-up to the last complete hour.
        var compared: ArraySlice<Sample> {
            let settled = hourly.drop { $0.hour < Double(warmUpHours) }
            return settled.isEmpty ? hourly[...] : settled
        }
        var first: Sample { compared.first! }  // the run takes two hours at least
        var last: Sample { compared.last! }

        func growth(_ path: KeyPath<Sample, Int>) -> Double {
            Double(last[keyPath: path] - first[keyPath: path]) / Double(max(1, first[keyPath: path]))
        }

        /// The least-squares slope of the compared hours, in bytes an hour.
        func slope(_ path: KeyPath<Sample, Int>) -> Double {
            let points = compared.map { ($0.hour, Double($0[keyPath: path])) }
            guard points.count > 1 else { return 0 }
            let meanX = points.map(\.0).reduce(0, +) / Double(points.count)
            let meanY = points.map(\.1).reduce(0, +) / Double(points.count)
            let sxy = points.reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
            let sxx = points.reduce(0) { $0 + ($1.0 - meanX) * ($1.0 - meanX) }
            return sxx > 0 ? sxy / sxx : 0
        }

        /// The most polls the policy allows in the run: one at the start, then one per interval
        /// at its shortest (jitter), plus one retry for each failed poll.
        func allowedPolls(_ resource: Resource) -> Int {
            let interval = SoakRun.seconds(policy.interval(resource)) * (1 - policy.jitter)
            return 1 + Int(simulatedHours * 3600 / interval) + (traffic[resource]?.failed ?? 0)
        }

        /// The fewest successful polls a poller that keeps going makes: one per interval at its
        /// longest, in the time left after every failure waited the longest backoff and every
        /// wait of the rate cap.
        func expectedPolls(_ resource: Resource) -> Int {
            let interval = SoakRun.seconds(policy.interval(resource)) * (1 + policy.jitter)
            let failed = Double(traffic[resource]?.failed ?? 0)
            let lost = failed * SoakRun.seconds(policy.backoffCap) * (1 + policy.jitter / 2) + capWaitSeconds
            return max(1, Int((simulatedHours * 3600 - lost) / interval) - 1)
        }

        /// Where the requests broke the polling policy; empty when they kept to it.
        var policyViolations: [String] {
            var found: [String] = []
            for (resource, traffic) in traffic.sorted(by: { $0.key < $1.key }) {
                let name = resource.rawValue
                if traffic.polls > allowedPolls(resource) {
                    found.append("\(name): \(traffic.polls) polls, the policy allows \(allowedPolls(resource))")
                }
                if traffic.polls - traffic.failed < expectedPolls(resource) {
                    found.append(
                        "\(name): \(traffic.polls - traffic.failed) successful polls, at least \(expectedPolls(resource)) expected")
                }
                if traffic.mostRequestsInAPoll > pages[resource, default: 1] {
                    found.append("\(name): a poll made \(traffic.mostRequestsInAPoll) requests for \(pages[resource, default: 1]) pages")
                }
            }
            let served = requests.values.reduce(0, +)
            let made = traffic.values.map(\.requests).reduce(0, +)
            if served != made { found.append("the simulator served \(served) requests, the polls made \(made)") }
            return found
        }
    }

    let options: Options

    /// When the simulated world starts: fixed, so that two runs with one seed make the same requests.
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01 00:00 UTC

    func run(progress: (String) -> Void = { _ in }) async throws -> Report {
        // The malloc settings of the dashboard itself (two arenas, a fixed mmap threshold).
        MemoryTuning.apply()
        let wallStart = ContinuousClock.now
        var world = SimulatorConfiguration(
            seed: options.seed, accounts: options.accounts, staticIPs: options.staticIPs, orders: options.orders, packages: 12,
            faults: FaultPlan(
                errorRate: options.errorRate, malformedRate: options.malformedRate, outage: options.outage,
                trickle: options.trickle, trickleRate: options.trickleRate, trickleChunk: options.trickleChunk),
            clock: SimulatorClock(stoppedAt: Self.start))
        world.faults.hostileRows = options.hostileRows
        world.faults.hostileSeed = options.seed
        world.appKey = "soak0000key0000soak0000key00000"
        let simulator = try await Simulator.start(world)
        // One clock for all: the scheduler's times, the store's monotonic seconds, the rate cap's
        // tokens and waits, and the simulator's world. Real time moves none of them.
        let clock = SoakClock(world: simulator.configuration.clock)
        // The dashboard's client against the real API: its rate cap, burst and timeout.
        let client = ProxyLiteClient(
            configuration: .init(profile: simulator.profile, appKey: simulator.appKey, pacingClock: clock))
        let origin = simulator.configuration.clock.now
        let store = Store(source: "soak", readOnly: false, monotonic: { clock.now }) { _ in }
        let policy = PollPolicy()
        var scheduler = Scheduler(policy: policy, start: 0, seed: options.seed)
        var ui = UIState()
        var traffic: [Resource: Traffic] = [:]
        var frames = 0
        var nextFrame = 0.0
        var hourly: [Sample] = []
        var pollSeconds = 0.0
        var renderSeconds = 0.0
        let end = options.hours * 3600
        var lastReport = 0.0
        var served = 0

        while let due = scheduler.nextDue, due <= end {
            clock.advance(to: due)
            var polledAccounts = false
            for resource in scheduler.due(at: clock.now) {
                let started = ContinuousClock.now
                let outcome = await MonitorEngine.poll(resource, client: client, flowAccount: nil)
                pollSeconds += Self.seconds(ContinuousClock.now - started)
                // The rate cap may have moved the clock while the poll waited for it.
                let time = clock.now
                let total = simulator.requestCounts.values.reduce(0, +)
                traffic[resource, default: Traffic()].record(requests: total - served, failed: outcome.failed)
                served = total
                _ = scheduler.finish(resource, with: outcome, at: time, followedAccount: nil)
                let now = origin.addingTimeInterval(time)
                let next = scheduler.nextAttempt(resource).map { now.addingTimeInterval($0 - time) }
                await store.apply(outcome, at: now, monotonic: time, nextAttempt: next, stopped: scheduler.stopped)
                if case .accounts(let accounts) = outcome {
                    // Hostile values cost a field, never a row.
                    guard accounts.count == options.accounts else {
                        throw SoakFailure(
                            message: "an account poll at hour \(time / 3600) kept \(accounts.count) of \(options.accounts) rows")
                    }
                    nextFrame = time
                    polledAccounts = true
                }
            }
            let time = clock.now
            if time >= nextFrame {
                let started = ContinuousClock.now
                let now = origin.addingTimeInterval(time)
                let snapshot = await store.current
                ui.receive(snapshot, now: now)
                let lists = VisibleLists.compute(snapshot, ui)
                ui.clamp(lists, bodyRows: ScreenLayout(width: 120, height: 40).body.height)
                let frame = DashboardScreen.render(
                    RenderContext(snapshot: snapshot, ui: ui, lists: lists, now: now, monotonic: time, zone: .current), width: 120,
                    height: 40)
                guard frame.width == 120, frame.height == 40 else { throw SoakFailure(message: "a frame did not fit its grid") }
                frames += 1
                nextFrame = time + options.frameEvery
                renderSeconds += Self.seconds(ContinuousClock.now - started)
            }
            // Memory is sampled at the same point of the cycle (a fresh account list decoded and
            // drawn), after every accounts poll, and each hour keeps its lowest heap: buffers a
            // poll holds for a moment (about 270 kB, in roughly one sample of three) are not growth,
            // and what stays at the lowest point of every hour is.
            if polledAccounts, time >= 3600 {
                let sample = Self.sample(hour: time / 3600)
                if hourly.last.map({ Int($0.hour) }) != Int(time / 3600) {
                    hourly.append(sample)
                } else if sample.heapBytes < hourly[hourly.count - 1].heapBytes {
                    hourly[hourly.count - 1].heapBytes = sample.heapBytes
                }
            }
            if time - lastReport >= 6 * 3600 {
                lastReport = time
                progress(String(format: "  … hour %.0f, %d requests", time / 3600, served))
            }
        }
        // The last hour is compared only if the run covered all of it.
        let time = clock.now
        var complete = hourly.filter { Double(Int($0.hour) + 1) * 3600 <= end }
        if complete.isEmpty { complete = [Self.sample(hour: time / 3600)] }
        let requests = simulator.requestCounts
        let trickled = simulator.trickledAnswers
        await simulator.stop()
        let limits = client.configuration
        return Report(
            simulatedHours: time / 3600, wallSeconds: Self.seconds(ContinuousClock.now - wallStart), requests: requests,
            traffic: traffic, policy: policy,
            pages: [
                .accounts: 1, .summary: 1, .flow: 1, .orders: max(1, (options.orders + 99) / 100),
                .staticIPs: max(1, (options.staticIPs + 499) / 500),
            ],
            requestsPerSecond: limits.requestsPerSecond, burst: limits.burst, capWaits: clock.waits.count,
            capWaitSeconds: clock.waits.seconds, trickled: trickled, frames: frames, pollSeconds: pollSeconds,
            renderSeconds: renderSeconds, hourly: complete, warmUpHours: options.warmUpHours)
    }

    static func sample(hour: Double) -> Sample {
        Sample(hour: hour, heapBytes: Int(csys_heap_in_use()), residentBytes: residentBytes(), descriptors: openDescriptors())
    }

    static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }

    static func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
}

extension SoakRun.Traffic {
    mutating func record(requests: Int, failed: Bool) {
        polls += 1
        if failed { self.failed += 1 }
        self.requests += requests
        mostRequestsInAPoll = max(mostRequestsInAPoll, requests)
    }
}

extension Store.Outcome {
    fileprivate var failed: Bool {
        if case .failed = self { return true }
        return false
    }
}

/// The soak's one clock: simulated seconds since the start, read by the loop (scheduler), the
/// store and the client's rate cap. Moving it, by the loop or by a wait of the rate cap, moves
/// the simulator's world by as much; real time moves nothing.
final class SoakClock: PacingClock, @unchecked Sendable {
    // Moved by the loop between awaits and by the rate cap while the loop awaits a poll.
    private let lock = NSLock()
    private var seconds = 0.0
    private var waited = (count: 0, seconds: 0.0)
    private let world: SimulatorClock

    init(world: SimulatorClock) { self.world = world }

    var now: Double { lock.withLock { seconds } }

    /// The rate cap's waits so far, and their simulated seconds.
    var waits: (count: Int, seconds: Double) { lock.withLock { waited } }

    /// Moves the time forward to `target` (never back).
    func advance(to target: Double) {
        lock.withLock {
            guard target > seconds else { return }
            world.advance(by: .seconds(target - seconds))
            seconds = target
        }
    }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        let step = SoakRun.seconds(duration)
        lock.withLock {
            seconds += step
            waited.count += 1
            waited.seconds += step
            world.advance(by: duration)
        }
    }
}

struct SoakFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
