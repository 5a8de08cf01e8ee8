import Foundation
import GRDB
import Logging
import Monitor
import ProxyLiteAPI

/// Keeps the history: hears every poll's outcome from the store, writes it (when this process
/// holds the writer lock), and publishes back into the store what the screen draws from history —
/// sparklines for the rows on screen, the open account's intraday series, the projection and the
/// spiking accounts. It runs on the task pool, never on the curses thread; a failing database
/// sets the header's status and the live view goes on.
public actor HistoryRecorder {
    private var database: HistoryDatabase
    /// What reopening as the writer needs, when another process held the lock at start.
    private var key: AppKey
    private let holder: String
    private var writer: HistoryWriter?
    private let store: Store
    private let retention: Retention
    private let logger: Logger
    private let wallClock: @Sendable () -> Date
    private let spikeFactor: Double
    private var status: HistoryStatus
    private var lastPrune: Date?
    private var lastAccountCleanup: Date?
    private var normsAt: Date?
    private var norms: [String: Double] = [:]
    private var shownAccounts: [String] = []
    private var detailAccount: String?
    private var summary: PackageSummary?
    /// The alert episodes; only the writer keeps them (a reader shows what the writer stored).
    private var book: AlertBook?
    private let rules: AlertRules
    private let profile: String
    private let monotonic: @Sendable () -> Double
    private let startedMonotonic: Double
    /// Gets the alerts one poll raised (the hook); runs after they are stored.
    private let onRaised: (@Sendable ([Alert]) async -> Void)?
    private var events: AsyncStream<(Store.Outcome, Date)>.Continuation?
    /// Outcomes handled so far, for tests that wait for the recorder to catch up.
    public private(set) var handled = 0

    /// Pruning and the size check run at most this often.
    static let pruneEvery: TimeInterval = 600
    /// The spike norms (each account's median hourly rate over 7 days) are recomputed this often.
    static let normsEvery: TimeInterval = 3600

    /// Opens the history at `location` for `key` and attaches it to `store`; on failure the store
    /// shows why and nil is returned (the dashboard goes on without history).
    public static func start(
        at location: HistoryLocation, key: AppKey, store: Store, retention: Retention = Retention(), rules: AlertRules = AlertRules(),
        profile: String = "default", logger: Logger, wallClock: @escaping @Sendable () -> Date = { Date() },
        onRaised: (@Sendable ([Alert]) async -> Void)? = nil
    ) async -> HistoryRecorder? {
        let holder = "pid \(getpid()) (\(ProcessInfo.processInfo.processName))"
        do {
            let (database, opened) = try HistoryDatabase.open(location, key: key, holder: holder, now: wallClock())
            let status: HistoryStatus
            switch opened {
            case .writing: status = .writing
            case .reading(let holder): status = .reading(holder: holder)
            }
            let recorder = try HistoryRecorder(
                database: database, key: key, holder: holder, store: store, retention: retention, rules: rules, profile: profile,
                status: status, logger: logger, wallClock: wallClock, onRaised: onRaised)
            await recorder.begin()
            return recorder
        } catch {
            logger.error("history off", metadata: ["why": "\(error)"])
            await store.updateHistory { $0.status = .failed(error.headline) }
            return nil
        }
    }

    private init(
        database: HistoryDatabase, key: AppKey, holder: String, store: Store, retention: Retention, rules: AlertRules,
        profile: String, status: HistoryStatus, logger: Logger, wallClock: @escaping @Sendable () -> Date,
        onRaised: (@Sendable ([Alert]) async -> Void)?
    ) throws(HistoryError) {
        self.database = database
        self.key = key
        self.holder = holder
        self.store = store
        self.retention = retention
        self.rules = rules
        self.profile = profile
        self.onRaised = onRaised
        monotonic = store.clock
        // The API-down alert counts from the last success, which may be the last run's: its last
        // sample, moved onto this process's monotonic clock.
        let nowMonotonic = store.clock()
        let lastSuccess = (try? database.lastSampleTime()).flatMap { $0 }
        let age = lastSuccess.map { wallClock().timeIntervalSince($0) }
        startedMonotonic = age.map { $0 >= 0 && $0 < 86_400 ? nowMonotonic - $0 : nowMonotonic } ?? nowMonotonic
        // Rows are marked as spiking at the alert's factor, or at 5 times their norm when the
        // alert is not set.
        spikeFactor = rules.thresholds[.spike] ?? 5
        self.status = status
        self.logger = logger
        self.wallClock = wallClock
        writer = database.isWriter ? try HistoryWriter(database: database, now: wallClock()) : nil
    }

    /// Seeds the store's rates from the last 15 minutes of samples, and starts hearing its polls.
    private func begin() async {
        let now = wallClock()
        do throws(HistoryError) {
            let samples = try database.recentSamples(within: Store.rateWindow, now: now)
            await store.seedRates(samples, wallNow: now)
        } catch {
            fail(error)
        }
        await loadAlerts()
        let (stream, continuation) = AsyncStream<(Store.Outcome, Date)>.makeStream()
        events = continuation
        await store.observe { outcome, at in continuation.yield((outcome, at)) }
        let status = self.status
        await store.updateHistory { $0.status = status }
        running = Task { await self.run(stream) }
        startTicking()
    }

    /// The alert book from the stored episodes (the writer's), and the list for the pane.
    private func loadAlerts() async {
        do throws(HistoryError) {
            let kept = try database.alerts()
            if writer != nil, !rules.isEmpty {
                book = AlertBook(profile: profile, open: kept.open, nextID: kept.nextID, past: kept.past)
            }
            let all = book?.all ?? kept.open + kept.past
            await store.updateAlerts(all, raised: [])
        } catch {
            fail(error)
        }
    }

    /// A reader becomes the writer once the process that held the lock has gone, so that
    /// history and alerts do not stop with the first dashboard.
    private func takeOverIfFree(at now: Date) async {
        guard writer == nil, case .reading = status else { return }
        guard let opened = (try? HistoryDatabase.openAsWriter(database.location, key: key, holder: holder, now: now)) ?? nil,
            let writer = try? HistoryWriter(database: opened, now: now)
        else { return }
        database = opened
        self.writer = writer
        status = .writing
        logger.notice("history: the other writer is gone; this dashboard writes now")
        await store.updateHistory { $0.status = .writing }
        await loadAlerts()
        startTicking()
    }

    /// A new key from the key file: its numbers are another series (perhaps another account), so
    /// the database is reopened for it — samples, buckets, norms and alert episodes start anew,
    /// and the old key's stay as they were.
    public func switchKey(to newKey: AppKey) async {
        guard newKey != key else { return }
        key = newKey
        let wasWriter = writer != nil
        writer = nil
        book = nil
        norms = [:]
        normsAt = nil
        if wasWriter { database.releaseLock() }
        do throws(HistoryError) {
            let (opened, state) = try HistoryDatabase.open(database.location, key: newKey, holder: holder, now: wallClock())
            database = opened
            writer = opened.isWriter ? try HistoryWriter(database: opened, now: wallClock()) : nil
            switch state {
            case .writing: status = .writing
            case .reading(let holder): status = .reading(holder: holder)
            }
            logger.notice("history: a new key; its series starts now")
            let status = self.status
            await store.updateHistory {
                $0.status = status
                $0.sparklines = [:]
                $0.intraday = nil
                $0.spiking = []
            }
            await loadAlerts()
            startTicking()
        } catch {
            fail(error)
            let headline = error.headline
            await store.updateHistory { $0.status = .failed(headline) }
        }
    }

    private func startTicking() {
        // Polling can stop altogether (a revoked key): the API-down alert must still see time pass.
        if ticking == nil, book != nil, rules.thresholds[.apiDown] != nil {
            ticking = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(60))
                    await self?.tick()
                }
            }
        }
    }

    private var ticking: Task<Void, Never>?

    private func tick() async {
        do throws(HistoryError) { try await evaluateAlerts(at: wallClock()) } catch { fail(error) }
    }

    private var running: Task<Void, Never>?

    /// Stops hearing polls, once the outcomes already heard are written.
    public func stop() async {
        events?.finish()
        ticking?.cancel()
        await running?.value
        running = nil
        for hook in hooks.values { await hook.value }
        hooks = [:]
        writer = nil
        database.releaseLock()
    }

    private func run(_ stream: AsyncStream<(Store.Outcome, Date)>) async {
        for await (outcome, at) in stream {
            await handle(outcome, at: at)
            handled += 1
        }
    }

    /// One poll's outcome: written, then what the screen reads from history refreshed.
    func handle(_ outcome: Store.Outcome, at: Date) async {
        if case .accounts = outcome { await takeOverIfFree(at: at) }
        do throws(HistoryError) {
            if writer != nil { try write(outcome, at: at) }
            if case .summary(let summary) = outcome { self.summary = summary }
            if case .accounts = outcome { try await refreshShown(at: at) }
            if case .summary = outcome { try await refreshProjection(at: at) }
            if writer != nil, lastPrune.map({ at.timeIntervalSince($0) >= Self.pruneEvery || at < $0 }) ?? true {
                lastPrune = at
                let daily = lastAccountCleanup.map { at.timeIntervalSince($0) >= 86_400 || at < $0 } ?? true
                if daily { lastAccountCleanup = at }
                let pruned = try retention.prune(database, now: at, accounts: daily)
                try writer?.reloadAccounts()
                if !pruned.cappedTiers.isEmpty {
                    logger.notice(
                        "history over its size cap: oldest rows pruned",
                        metadata: ["tiers": "\(pruned.cappedTiers.joined(separator: ","))", "rows": "\(pruned.rows)"])
                }
            }
            try await evaluateAlerts(at: at)
            if case .failed = status, writer != nil {
                status = .writing
                await store.updateHistory { $0.status = .writing }
                logger.notice("history writing again")
            }
        } catch {
            fail(error)
            let headline = error.headline
            await store.updateHistory { $0.status = .failed(headline) }
        }
    }

    private func write(_ outcome: Store.Outcome, at: Date) throws(HistoryError) {
        guard var writer else { return }
        // Taken out while it writes: a copy left here would share its tables, and the first
        // change to them would copy 100 000 accounts' entries.
        self.writer = nil
        defer { self.writer = writer }
        switch outcome {
        case .accounts(let accounts): try writer.record(accounts: accounts, at: at)
        case .summary(let summary): try writer.record(summary: summary, at: at)
        case .flow(let whole, _): try writer.record(flow: whole)
        case .staticIPs(let ips):
            try writer.record(
                expiries: ips.map { ip in (ip.port.map { "\(ip.ip):\($0)" } ?? ip.ip, ip.expiresAt) }, kind: "static_ip", at: at)
        case .packages(let packages):
            try writer.record(
                expiries: packages.filter(\.hasIdentity).map { (String($0.id), $0.expiresAt) }, kind: "package", at: at)
        case .failed(let resource, let error):
            try writer.record(poll: resource.rawValue, failed: "\(error.code)", at: at)
            return
        case .orders, .whitelist, .catalogue, .regions: break
        }
        try writer.record(poll: outcome.resourceName, failed: nil, at: at)
    }

    private func fail(_ error: HistoryError) {
        if case .failed = status {} else { logger.error("history failing; the live view goes on", metadata: ["why": "\(error)"]) }
        status = .failed(error.headline)
    }

    /// Evaluates the alert rules on the store's snapshot as it is after this poll, stores what
    /// changed, publishes the list, and hands what was raised to `onRaised`. A reader only
    /// refreshes its list from the writer's rows.
    private func evaluateAlerts(at now: Date) async throws(HistoryError) {
        guard book != nil else {
            if writer == nil {
                let kept = try database.alerts()
                await store.updateAlerts(kept.open + kept.past, raised: [])
            }
            return
        }
        let snapshot = await store.current
        // From here to the save nothing waits: an acknowledgement (another call on this actor)
        // cannot slip in between reading the book and writing it back.
        guard var next = book else { return }
        let observations = AlertConditions.observe(
            snapshot, rules: rules, norms: norms, now: now, monotonic: monotonic(), startedMonotonic: startedMonotonic)
        let (raised, changed) = next.evaluate(
            observations, holding: AlertConditions.unavailableKinds(snapshot, rules: rules), now: now, monotonic: monotonic())
        guard !changed.isEmpty else {
            book = next
            return
        }
        // Stored first: an alert whose row could not be written is raised again next time,
        // rather than held open in memory only and fired anew after a restart.
        try database.save(alerts: changed)
        book = next
        await store.updateAlerts(next.all, raised: raised)
        for alert in raised {
            logger.notice(
                "alert raised",
                metadata: ["kind": "\(alert.kind.rawValue)", "subject": "\(alert.subject)", "message": "\(alert.message)"])
        }
        // The hook may take its 10 s: it runs beside the recorder, which goes on with the next poll.
        if !raised.isEmpty, let onRaised {
            let id = nextHook
            nextHook += 1
            hooks[id] = Task {
                await onRaised(raised)
                self.hookEnded(id)
            }
        }
    }

    /// Hooks still running: `stop` gives them their time.
    private var hooks: [Int: Task<Void, Never>] = [:]
    private var nextHook = 0

    private func hookEnded(_ id: Int) { hooks[id] = nil }

    /// The user saw this alert.
    public func acknowledge(_ id: Int64) async {
        guard var next = book, let changed = next.acknowledge(id) else { return }
        do throws(HistoryError) {
            try database.save(alerts: [changed])
        } catch {
            fail(error)
            return
        }
        book = next
        await store.updateAlerts(next.all, raised: [])
    }

    /// The accounts the Accounts pane shows: their sparklines are computed now and after each poll.
    public func show(accounts: [String]) async {
        shownAccounts = accounts
        do throws(HistoryError) { try await refreshSparklines(at: wallClock()) } catch { fail(error) }
    }

    /// The account whose details are open (nil: closed).
    public func showIntraday(for username: String?) async {
        detailAccount = username
        do throws(HistoryError) {
            let intraday = try username.flatMap { name throws(HistoryError) in try database.intraday(name, now: wallClock()) }
            await store.updateHistory { $0.intraday = intraday }
        } catch {
            fail(error)
        }
    }

    private func refreshShown(at now: Date) async throws(HistoryError) {
        try await refreshSparklines(at: now)
        if let detailAccount {
            let intraday = try database.intraday(detailAccount, now: now)
            await store.updateHistory { $0.intraday = intraday }
        }
        if normsAt.map({ now.timeIntervalSince($0) >= Self.normsEvery || now < $0 }) ?? true {
            norms = try database.norms(now: now)
            normsAt = now
        }
        let rows = await store.current.accounts.value ?? []
        let spiking = AlertConditions.spiking(rows, norms: norms, factor: spikeFactor)
        await store.updateHistory { $0.spiking = spiking }
    }

    private func refreshSparklines(at now: Date) async throws(HistoryError) {
        let lines = try database.sparklines(for: shownAccounts, now: now)
        await store.updateHistory { $0.sparklines = lines }
    }

    private func refreshProjection(at now: Date) async throws(HistoryError) {
        guard let summary else { return }
        let projection = Projection.make(summary: summary, ratePerSecond: try database.dailyRate(now: now), now: now)
        await store.updateHistory { $0.projection = projection }
    }

    /// Raw samples in the database, for tests.
    func writtenSampleCount() throws -> Int {
        try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sample") ?? 0 }
    }

    /// The norms the spike alerts compare against.
    public var spikeNorms: [String: Double] { norms }
}

extension Store.Outcome {
    var resourceName: String {
        switch self {
        case .accounts: Resource.accounts.rawValue
        case .summary: Resource.summary.rawValue
        case .flow: Resource.flow.rawValue
        case .staticIPs: Resource.staticIPs.rawValue
        case .orders: Resource.orders.rawValue
        case .packages: Resource.packages.rawValue
        case .whitelist: Resource.whitelist.rawValue
        case .catalogue: Resource.catalogue.rawValue
        case .regions: Resource.regions.rawValue
        case .failed(let resource, _): resource.rawValue
        }
    }
}
