import CPlatform
import Foundation
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import TerminalUI

/// Days of running in minutes: the real poller decisions (`Scheduler`), the real client against
/// the simulator, the store and the renderer, with every clock they read moved by hand. The
/// scheduler, the store's monotonic clock and the simulator's world all read one simulated time,
/// so 72 hours of polls (outages, 5xx pages, unreadable answers and all) pass in a few minutes and
/// show whether memory, descriptors and request counts stay where they should.
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
        var outage = FaultPlan.Outage(after: .seconds(2 * 3600), lasting: .seconds(20 * 60))
        /// A frame is drawn every this many simulated seconds (and after every accounts poll).
        var frameEvery: Double = 60
    }

    /// What was measured at one moment.
    struct Sample: Sendable {
        var hour: Double
        var heapBytes: Int
        var residentBytes: Int
        var descriptors: Int
    }

    struct Report: Sendable {
        var simulatedHours: Double
        var wallSeconds: Double
        var requests: [String: Int]
        var polls: [Resource: Int]
        var failures: [Resource: Int]
        var frames: Int
        /// Wall seconds spent polling (client and simulator) and drawing.
        var pollSeconds: Double
        var renderSeconds: Double
        var first: Sample
        var last: Sample
        /// One sample an hour, for the curve.
        var hourly: [Sample]

        func growth(_ path: KeyPath<Sample, Int>) -> Double {
            Double(last[keyPath: path] - first[keyPath: path]) / Double(max(1, first[keyPath: path]))
        }
    }

    let options: Options

    func run(progress: (String) -> Void = { _ in }) async throws -> Report {
        // The malloc settings of the dashboard itself (two arenas, a fixed mmap threshold).
        MemoryTuning.apply()
        let wallStart = ContinuousClock.now
        var world = SimulatorConfiguration(
            seed: options.seed, accounts: options.accounts, staticIPs: 200, orders: 100, packages: 12,
            faults: FaultPlan(errorRate: options.errorRate, malformedRate: options.malformedRate, outage: options.outage))
        world.faults.hostileRows = options.hostileRows
        world.faults.hostileSeed = options.seed
        world.appKey = "soak0000key0000soak0000key00000"
        let simulator = try await Simulator.start(world)
        // Requests go out as fast as the simulated schedule asks: the rate cap works on real time,
        // and here a second of it is minutes of the schedule.
        let client = ProxyLiteClient(
            configuration: .init(
                profile: simulator.profile, appKey: simulator.appKey, requestTimeout: .seconds(10), requestsPerSecond: 10_000,
                burst: 10_000))
        let clock = simulator.configuration.clock
        let origin = clock.now
        var time = 0.0
        let timeBox = TimeBox()
        let store = Store(source: "soak", readOnly: false, monotonic: { timeBox.seconds }) { _ in }
        var scheduler = Scheduler(policy: PollPolicy(), start: 0, seed: options.seed)
        var ui = UIState()
        var polls: [Resource: Int] = [:]
        var failures: [Resource: Int] = [:]
        var frames = 0
        var nextFrame = 0.0
        var hourly: [Sample] = []
        var pollSeconds = 0.0
        var renderSeconds = 0.0
        let end = options.hours * 3600
        var lastReport = 0.0

        while let due = scheduler.nextDue, due <= end {
            // Move every clock to the next due time.
            time = max(time, due)
            timeBox.seconds = time
            let target = origin.addingTimeInterval(time)
            let behind = target.timeIntervalSince(clock.now)
            if behind > 0 { clock.advance(by: .milliseconds(Int(clamping: behind * 1000))) }
            var polledAccounts = false
            for resource in scheduler.due(at: time) {
                let started = ContinuousClock.now
                let outcome = await MonitorEngine.poll(resource, client: client, flowAccount: nil)
                pollSeconds += Self.seconds(ContinuousClock.now - started)
                polls[resource, default: 0] += 1
                if case .failed = outcome { failures[resource, default: 0] += 1 }
                _ = scheduler.finish(resource, with: outcome, at: time, followedAccount: nil)
                let next = scheduler.nextAttempt(resource).map { target.addingTimeInterval($0 - time) }
                await store.apply(outcome, at: target, monotonic: time, nextAttempt: next, stopped: scheduler.stopped)
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
            if time >= nextFrame {
                let started = ContinuousClock.now
                let snapshot = await store.current
                ui.receive(snapshot, now: target)
                let lists = VisibleLists.compute(snapshot, ui)
                ui.clamp(lists, bodyRows: ScreenLayout(width: 120, height: 40).body.height)
                let frame = DashboardScreen.render(
                    RenderContext(snapshot: snapshot, ui: ui, lists: lists, now: target, monotonic: time, zone: .current), width: 120,
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
                let hour = Int(time / 3600)
                if hour > hourly.count {
                    hourly.append(sample)
                } else if sample.heapBytes < hourly[hourly.count - 1].heapBytes {
                    hourly[hourly.count - 1].heapBytes = sample.heapBytes
                }
            }
            if time - lastReport >= 6 * 3600 {
                lastReport = time
                progress(String(format: "  … hour %.0f, %d requests", time / 3600, simulator.requestCounts.values.reduce(0, +)))
            }
        }
        // The last hour is compared only once it is complete.
        let complete = hourly.count > 1 && time < Double(hourly.count + 1) * 3600 ? hourly.dropLast() : hourly[...]
        let final = complete.last ?? Self.sample(hour: time / 3600)
        let requests = simulator.requestCounts
        await simulator.stop()
        return Report(
            simulatedHours: time / 3600, wallSeconds: Self.seconds(ContinuousClock.now - wallStart), requests: requests,
            polls: polls, failures: failures, frames: frames, pollSeconds: pollSeconds, renderSeconds: renderSeconds,
            first: hourly.first ?? final, last: final, hourly: Array(complete))
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

/// The simulated time, read by the store from its actor.
final class TimeBox: @unchecked Sendable {
    // Written by the soak loop between awaits, read by the store while the loop awaits it.
    private let lock = NSLock()
    private var value = 0.0
    var seconds: Double {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

struct SoakFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
