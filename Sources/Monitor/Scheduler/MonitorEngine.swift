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
        case finished(Resource, Store.Outcome)
    }

    public init(client: ProxyLiteClient, store: Store, policy: PollPolicy, logger: Logger) {
        self.client = client
        self.store = store
        self.logger = logger
        scheduler = Scheduler(policy: policy, start: MonotonicSeconds.now(), seed: UInt64(Date().timeIntervalSince1970))
    }

    /// The store's clock too: what the scheduler, the rates, the ages of data and the waits of
    /// pending changes measure is one monotonic time, so that they can be compared.
    private var now: Double { MonotonicSeconds.now() }

    /// Polls until the task running it is cancelled.
    public func run() async {
        let (stream, continuation) = AsyncStream<Event>.makeStream()
        events = continuation
        startDue()
        for await event in stream {
            if Task.isCancelled { break }
            switch event {
            case .tick: break
            case .finished(let resource, let outcome):
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
            Task { [client, events] in
                let outcome = await Self.poll(resource, client: client, flowAccount: account)
                events?.yield(.finished(resource, outcome))
            }
        }
        armTimer()
    }

    /// One sleep until the next due time, replacing any earlier one.
    private func armTimer() {
        timer?.cancel()
        guard let due = scheduler.nextDue else { return }
        let wait = max(0, due - now)
        timer = Task { [events] in
            try? await Task.sleep(for: .milliseconds(Int(wait * 1000) + 5))
            if !Task.isCancelled { events?.yield(.tick) }
        }
    }

    public static func poll(_ resource: Resource, client: ProxyLiteClient, flowAccount: String?) async -> Store.Outcome {
        do {
            switch resource {
            case .accounts: return .accounts(try await client.accounts())
            case .summary: return .summary(try await client.packageSummary())
            case .flow:
                let range = client.flowRange(lastDays: Snapshot.flowDays)
                let whole = try await client.dailyFlow(range)
                var account: AccountFlow?
                if let flowAccount {
                    account = AccountFlow(username: flowAccount, days: try await client.dailyFlow(range, username: flowAccount))
                }
                return .flow(whole: whole, account: account)
            case .staticIPs: return .staticIPs(try await client.allStaticIPs())
            case .orders: return .orders(try await client.allOrders())
            case .packages: return .packages(try await client.allPackages())
            case .whitelist: return .whitelist(try await client.whitelistIPs())
            case .catalogue:
                let data = await CatalogueData.fetch(client)
                // Only when every part failed is there nothing to show; otherwise the pane names the failed part.
                if data.failures.count == 3, let first = data.failures.first { return .failed(resource, first) }
                return .catalogue(data)
            case .regions:
                return .regions(
                    RegionData(
                        countries: try await client.dynamicStates(), hostPool: try await client.hostPoolRegions(),
                        staticStock: try await client.staticIPStock()))
            }
        } catch let error as ProxyLiteError {
            return .failed(resource, error)
        } catch {
            return .failed(resource, ProxyLiteError(.transport, endpoint: resource.rawValue, message: "\(type(of: error))"))
        }
    }
}
