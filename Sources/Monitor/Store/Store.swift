import Foundation
import Logging
import ProxyLiteAPI

/// The single source of truth: pollers write into it, and after every change it publishes an
/// immutable `Snapshot` to whoever draws.
public actor Store {
    private var snapshot: Snapshot
    private var rates = RateTracker()
    private let publish: @Sendable (Snapshot) -> Void
    private let logger: Logger
    /// Seconds on a monotonic clock, for everything measured between two moments (rates, how
    /// long a change has been pending); the wall-clock `at` of `apply` is only for showing.
    private let monotonic: @Sendable () -> Double
    /// That clock, for the poller: the moments it stamps and the store's must compare.
    public nonisolated var clock: @Sendable () -> Double { monotonic }

    /// Whether each accounts poll is ranked, sorted and indexed for the screen (see `index`).
    private let indexesAccounts: Bool

    /// - Parameter indexesAccounts: false where no screen shows the accounts (`serve`): the
    ///   indexes cost 10 sorts and about 8 MB per 100 000 accounts a poll.
    public init(
        source: String, readOnly: Bool, indexesAccounts: Bool = true, logger: Logger = Logger(label: "proxylite.store"),
        monotonic: @escaping @Sendable () -> Double = MonotonicSeconds.now,
        publish: @escaping @Sendable (Snapshot) -> Void
    ) {
        self.indexesAccounts = indexesAccounts
        snapshot = Snapshot(source: source, readOnly: readOnly)
        self.logger = logger
        self.monotonic = monotonic
        self.publish = publish
    }

    public var current: Snapshot { snapshot }

    /// The span of usage a rate describes: a restarted dashboard seeds its rates with the
    /// history's samples of this long.
    public static let rateWindow = RateTracker.window

    /// Who else hears of every poll's outcome (the history recorder), with its wall-clock moment.
    private var observer: (@Sendable (Outcome, Date) -> Void)?

    public func observe(_ observer: @escaping @Sendable (Outcome, Date) -> Void) { self.observer = observer }

    /// Usage samples from before this process (the history's: wall-clock seconds), so that the
    /// first poll already shows rates. Samples outside the rate window are ignored.
    public func seedRates(_ samples: [String: [(t: Int64, usage: Int64)]], wallNow: Date) {
        let now = monotonic()
        for (username, items) in samples {
            let converted = items.compactMap { item -> RateTracker.Sample? in
                let age = wallNow.timeIntervalSince1970 - Double(item.t)
                guard age >= 0, age <= RateTracker.window else { return nil }
                return RateTracker.Sample(time: now - age, bytes: item.usage)
            }
            if !converted.isEmpty { rates.seed(username, converted) }
        }
    }

    /// What one poll brought back.
    public enum Outcome: Sendable {
        case accounts([SubAccount])
        case summary(PackageSummary)
        case flow(whole: [DailyFlow], account: AccountFlow?)
        case staticIPs([StaticIP])
        case orders([Order])
        case packages([PurchasedPackage])
        case whitelist([WhitelistIP])
        case catalogue(CatalogueData)
        case regions(RegionData)
        case failed(Resource, ProxyLiteError)
    }

    /// Applies a poll's outcome at `now`; `nextAttempt` is when that resource will be polled again.
    /// `stopped` lists the resources whose polling has stopped after a permanent failure;
    /// `monotonic` is the moment on the monotonic clock (the store's own clock when nil).
    public func apply(
        _ outcome: Outcome, at now: Date, monotonic: Double? = nil, nextAttempt: Date? = nil, stopped: Set<Resource> = []
    ) {
        let moment = monotonic ?? self.monotonic()
        switch outcome {
        case .accounts(let accounts):
            rates.record(accounts, at: moment)
            let rows = accounts.map { AccountRow(account: $0, rate: rates.rate($0.username)) }
            let previous = (
                rows: snapshot.accounts.value, ranks: snapshot.accountRanks, orders: snapshot.accountOrders,
                search: snapshot.accountSearch
            )
            update(\.accounts, .success(rows), now, moment, nextAttempt)
            if indexesAccounts { index(rows, previous) }
            clearConfirmed(accounts, now: moment)
        case .summary(let summary): update(\.summary, .success(summary), now, moment, nextAttempt)
        case .flow(let whole, let account):
            update(\.flow, .success(whole), now, moment, nextAttempt)
            snapshot.accountFlow = account
        case .staticIPs(let ips): update(\.staticIPs, .success(ips), now, moment, nextAttempt)
        case .orders(let orders): update(\.orders, .success(orders), now, moment, nextAttempt)
        case .packages(let packages): update(\.packages, .success(packages), now, moment, nextAttempt)
        case .whitelist(let ips): update(\.whitelist, .success(ips), now, moment, nextAttempt)
        case .catalogue(let data): update(\.catalogue, .success(data), now, moment, nextAttempt)
        case .regions(let data): update(\.regions, .success(data), now, moment, nextAttempt)
        case .failed(let resource, let error): ResourceSpec.spec(resource).landing.fail(&snapshot, error, now, nextAttempt)
        }
        markStopped(stopped)
        snapshot.version += 1
        publish(snapshot)
        observer?(outcome, now)
    }

    /// Ranks, sorts and indexes the text of a poll's accounts, here rather than on the curses
    /// thread: what the names and remarks give is carried over when they did not change (the
    /// usual poll, where only usage moved).
    private func index(
        _ rows: [AccountRow],
        _ previous: (rows: [AccountRow]?, ranks: AccountTextRanks?, orders: AccountOrders?, search: AccountSearchText?)
    ) {
        let fetchedAt = snapshot.accounts.fetchedAt
        let sameTexts = previous.rows.map { AccountTextRanks.sameTexts(rows, $0) } ?? false
        let ranks: AccountTextRanks
        if sameTexts, let kept = previous.ranks, kept.count == rows.count {
            ranks = AccountTextRanks(carrying: kept, fetchedAt: fetchedAt)
        } else {
            ranks = AccountTextRanks(rows, fetchedAt: fetchedAt)
        }
        snapshot.accountRanks = ranks
        if sameTexts, let kept = previous.orders, kept.count == rows.count, let previousRows = previous.rows,
            AccountOrders.sameKeys(rows, previousRows)
        {
            snapshot.accountOrders = AccountOrders(carrying: kept, fetchedAt: fetchedAt)
        } else {
            snapshot.accountOrders = AccountOrders(rows, ranks: ranks, fetchedAt: fetchedAt)
        }
        var search: AccountSearchText
        if sameTexts, let kept = previous.search, kept.count == rows.count {
            search = kept
        } else {
            search = AccountSearchText(rows)
        }
        search.fetchedAt = fetchedAt
        snapshot.accountSearch = search
    }

    /// Marks the stopped resources, and clears the mark of the rest (resumed with `r`).
    private func markStopped(_ stopped: Set<Resource>) {
        for spec in ResourceSpec.all { spec.landing.stop(&snapshot, stopped.contains(spec.resource)) }
    }

    /// Records that polling resumed (`r`, or a changed key file): nothing is stopped any more.
    public func resumed() {
        markStopped([])
        snapshot.version += 1
        publish(snapshot)
    }

    /// Records an accepted command (or one whose outcome is unknown: `unconfirmed`) as pending on
    /// each account in `names`, until a poll shows it.
    public func markPending(
        _ command: Command, on names: [String]? = nil, at now: Date, monotonic: Double? = nil, unconfirmed: Bool = false
    ) {
        let moment = monotonic ?? self.monotonic()
        for name in names ?? command.usernames {
            snapshot.pending[name, default: []].append(
                PendingCommand(command: command, acceptedAt: now, acceptedMonotonic: moment, unconfirmed: unconfirmed))
        }
        snapshot.version += 1
        publish(snapshot)
    }

    /// Keeps a command's outcome for the UI to pick up. Only the last few are kept: the UI reads
    /// each one as soon as the snapshot carrying it arrives.
    public func record(_ reply: Reply) {
        snapshot.replies.append(reply)
        if snapshot.replies.count > Self.keptReplies { snapshot.replies.removeFirst(snapshot.replies.count - Self.keptReplies) }
        snapshot.version += 1
        publish(snapshot)
    }

    static let keptReplies = 16

    /// Drops pending marks that the new list shows as applied, and those no poll has shown for
    /// `ProviderFacts.pendingGivenUpAfter` (logged: the change most likely never took effect).
    private func clearConfirmed(_ accounts: [SubAccount], now: Double) {
        guard !snapshot.pending.isEmpty else { return }
        let byName = Dictionary(accounts.map { ($0.username, $0) }, uniquingKeysWith: { first, _ in first })
        for (name, commands) in snapshot.pending {
            let left = commands.filter { pending in
                if pending.command.isVisible(on: byName[name]) { return false }
                guard now - pending.acceptedMonotonic < ProviderFacts.pendingGivenUpAfter else {
                    logger.warning(
                        "pending change never shown by the provider; no longer tracked",
                        metadata: [
                            "account": "\(name)", "command": "\(pending.command)",
                            "outcome": "\(pending.unconfirmed ? "unknown" : "accepted")",
                        ])
                    return false
                }
                return true
            }
            snapshot.pending[name] = left.isEmpty ? nil : left
        }
    }

    private func update<Value>(
        _ state: WritableKeyPath<Snapshot, ResourceState<Value>>, _ result: Result<Value, ProxyLiteError>, _ now: Date,
        _ moment: Double, _ nextAttempt: Date?
    ) {
        switch result {
        case .success(let value): snapshot[keyPath: state].succeed(value, at: now, monotonic: moment)
        case .failure(let error): snapshot[keyPath: state].fail(error, at: now)
        }
        snapshot[keyPath: state].nextAttempt = nextAttempt
    }

    /// Replaces what history adds to the snapshot (from the history recorder).
    public func updateHistory(_ change: @Sendable (inout HistoryData) -> Void) {
        change(&snapshot.history)
        snapshot.version += 1
        publish(snapshot)
    }

    /// Replaces the alert list; `raised` are the alerts the last evaluation raised (for the bell).
    public func updateAlerts(_ all: [Alert], raised: [Alert]) {
        snapshot.alerts.all = all
        if !raised.isEmpty {
            snapshot.alerts.raised = raised
            snapshot.alerts.raisedSequence += 1
        }
        snapshot.version += 1
        publish(snapshot)
    }

    /// Samples the rate tracker holds, for tests of bounded memory.
    public var rateSampleCount: Int { rates.sampleCount }
}
