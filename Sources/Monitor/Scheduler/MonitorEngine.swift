import Foundation
import Logging
import ProxyLiteAPI

/// The thin async driver of `Scheduler`: it sleeps until something is due, polls it through the
/// client (at most one request in flight per resource; the client caps the overall rate), and
/// hands the outcome to the store. It never busy-waits: between polls it is parked in one sleep.
public actor MonitorEngine {
    private let client: ProxyLiteClient
    private let store: Store
    private var scheduler: Scheduler
    private let logger: Logger
    private var timer: Task<Void, Never>?
    private var flowAccount: String?
    private var events: AsyncStream<Event>.Continuation?

    enum Event: Sendable {
        case tick
        case finished(Resource, Store.Outcome, seconds: Double)
    }

    /// Who hears how long each poll took and how it ended (the metrics exporter).
    private var pollObserver: (@Sendable (PollReport) -> Void)?

    public func observePolls(_ observer: @escaping @Sendable (PollReport) -> Void) { pollObserver = observer }

    /// The poller reads the store's clock (`Store.clock`), so that the moments it stamps and the
    /// store's own (pending changes, rates, ages) compare; `sleep` waits on it. Both are the real
    /// monotonic clock unless a test or a simulated run gives the store its own.
    public init(
        client: ProxyLiteClient, store: Store, policy: PollPolicy, logger: Logger,
        sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .milliseconds(Int($0 * 1000))) }
    ) {
        let clock = store.clock
        self.client = client
        self.store = store
        self.logger = logger
        self.clock = clock
        self.sleep = sleep
        scheduler = Scheduler(policy: policy, start: clock(), seed: UInt64(Date().timeIntervalSince1970))
    }

    /// The store's clock too: what the scheduler, the rates, the ages of data and the waits of
    /// pending changes measure is one monotonic time, so that they can be compared.
    private var now: Double { clock() }
    private let clock: @Sendable () -> Double
    private let sleep: @Sendable (Double) async throws -> Void

    /// Polls until the task running it is cancelled.
    public func run() async {
        let (stream, continuation) = AsyncStream<Event>.makeStream()
        events = continuation
        startDue()
        for await event in stream {
            if Task.isCancelled { break }
            switch event {
            case .tick: break
            case .finished(let resource, let outcome, let seconds):
                pollObserver?(PollReport(resource: resource, seconds: seconds, at: Date(), outcome: outcome))
                if case .failed(_, let error) = outcome {
                    logger.warning("poll failed", metadata: ["resource": "\(resource.rawValue)", "error": "\(error)"])
                }
                switch scheduler.finish(resource, with: outcome, at: now, followedAccount: flowAccount) {
                case .stoppedAll: logger.error("app_key rejected: polling stopped until r or a changed key file")
                case .stopped: logger.error("account not verified: polling stopped", metadata: ["resource": "\(resource.rawValue)"])
                case .none: break
                }
                let next = scheduler.nextAttempt(resource).map { Date().addingTimeInterval($0 - now) }
                await store.apply(outcome, at: Date(), monotonic: now, nextAttempt: next, stopped: scheduler.stopped)
            }
            startDue()
        }
        timer?.cancel()
        continuation.finish()
    }

    /// Polls everything that is not already in flight, now (the `r` key); stopped pollers resume.
    public func refreshNow() async {
        let wasStopped = !scheduler.stopped.isEmpty
        scheduler.refreshNow(at: now)
        if wasStopped {
            logger.notice("polling resumed")
            await store.resumed()
        }
        events?.yield(.tick)
    }

    /// Whether a permanent failure has stopped any poller.
    public var isStopped: Bool { !scheduler.stopped.isEmpty }

    /// Polls `resource` now, and from now on at its interval (a pane that needs it was opened, or
    /// a command changed it).
    public func request(_ resource: Resource) {
        scheduler.request(resource, at: now)
        events?.yield(.tick)
    }

    /// Starts polling `resource` if it is not polled yet (a pane that shows it was opened).
    public func ensure(_ resource: Resource) {
        scheduler.ensure(resource, at: now)
        events?.yield(.tick)
    }

    /// Follows `username`'s daily traffic as part of the flow resource; polls it now.
    public func showFlow(for username: String?) {
        guard username != flowAccount else { return }
        flowAccount = username
        scheduler.request(.flow, at: now)
        events?.yield(.tick)
    }

    private func startDue() {
        for resource in scheduler.due(at: now) {
            let account = flowAccount
            Task { [client, events, clock] in
                let started = clock()
                let outcome = await Self.poll(resource, client: client, flowAccount: account)
                events?.yield(.finished(resource, outcome, seconds: max(0, clock() - started)))
            }
        }
        armTimer()
    }

    /// One sleep until the next due time, replacing any earlier one.
    private func armTimer() {
        timer?.cancel()
        guard let due = scheduler.nextDue else { return }
        let wait = max(0, due - now)
        timer = Task { [events, sleep] in
            try? await sleep(wait + 0.005)
            if !Task.isCancelled { events?.yield(.tick) }
        }
    }

    public static func poll(_ resource: Resource, client: ProxyLiteClient, flowAccount: String?) async -> Store.Outcome {
        await ResourceSpec.poll(resource, client: client, flowAccount: flowAccount)
    }
}
