import Foundation
import ProxyLiteAPI

/// A sub-account with what the monitor derives for it.
public struct AccountRow: Sendable, Identifiable {
    public var account: SubAccount
    /// Bytes per second between recent polls; nil until two polls have been seen.
    public var rate: Double?
    /// Seconds until the limit at the current rate; nil when unlimited, idle or unknown.
    public var secondsToLimit: Double?

    public var id: String { account.username }

    public init(account: SubAccount, rate: Double?) {
        self.account = account
        self.rate = rate
        if let limit = account.limitBytes, let rate, rate.isFinite, rate > 0, !account.unreadable.contains("usage_flow") {
            secondsToLimit = max(0, Double(limit.subtractingSaturated(account.usageBytes)) / rate)
        } else {
            secondsToLimit = nil
        }
    }

    /// Share of the limit used, 0…1+; nil when unlimited.
    public var usageFraction: Double? {
        guard let limit = account.limitBytes, limit > 0, !account.unreadable.contains("usage_flow") else { return nil }
        return Double(account.usageBytes) / Double(limit)
    }
}

/// Daily traffic of one sub-account, fetched for the account the user is looking at.
public struct AccountFlow: Sendable {
    public var username: String
    public var days: [DailyFlow]
}

/// Everything a view needs, immutable: the store publishes a new one after every change.
public struct Snapshot: Sendable {
    /// Grows by one with every publication; views use it to cache what they derive.
    public var version: Int
    public var accounts: ResourceState<[AccountRow]>
    /// The accounts' text sort keys, computed with each accounts poll (nil in snapshots built by
    /// hand; check `fit` before use).
    public var accountRanks: AccountTextRanks?
    /// The accounts in every column's order, and their filter text, made with each accounts poll
    /// (nil in snapshots built by hand; check `fit` before use).
    public var accountOrders: AccountOrders?
    public var accountSearch: AccountSearchText?
    public var summary: ResourceState<PackageSummary>
    /// Whole-account daily traffic, the last `Snapshot.flowDays` days.
    public var flow: ResourceState<[DailyFlow]>
    /// The selected account's daily traffic, when one is selected.
    public var accountFlow: AccountFlow?
    public var staticIPs: ResourceState<[StaticIP]>
    public var orders: ResourceState<[Order]>
    public var packages: ResourceState<[PurchasedPackage]>
    public var whitelist: ResourceState<[WhitelistIP]>
    public var catalogue: ResourceState<CatalogueData>
    public var regions: ResourceState<RegionData>
    public var source: String
    public var readOnly: Bool
    /// Commands accepted but not yet visible in the account list, by username.
    public var pending: [String: [PendingCommand]] = [:]
    /// The outcomes of the last commands the UI sent, oldest first (a few; the UI reads each once).
    public var replies: [Reply] = []
    /// What the local history adds: its status, sparklines, the open account's intraday series,
    /// the account-wide projection and the spiking accounts.
    public var history = HistoryData()
    /// Alerts raised from this account's data (by this process or, read back, by the writer).
    public var alerts = AlertList()
    /// The profile this snapshot is of, and every watched profile's overview row (the hub fills it).
    public var profiles = ProfileRoster()

    public static let flowDays = 90

    public init(source: String = "", readOnly: Bool = false) {
        version = 0
        accounts = ResourceState()
        summary = ResourceState()
        flow = ResourceState()
        staticIPs = ResourceState()
        orders = ResourceState()
        packages = ResourceState()
        whitelist = ResourceState()
        catalogue = ResourceState()
        regions = ResourceState()
        self.source = source
        self.readOnly = readOnly
    }

    /// The most recent successful poll of anything.
    public var lastRefresh: Date? {
        [accounts.fetchedAt, summary.fetchedAt, flow.fetchedAt, staticIPs.fetchedAt, orders.fetchedAt].compactMap { $0 }.max()
    }

    /// Live, stale with the age of the oldest data still shown, or offline with the next retry.
    public var connection: ConnectionState {
        let health = self.health
        let failing = health.filter { $0.error != nil }
        if let stopped = health.first(where: { $0.stopped }), let error = stopped.error {
            let all = health.allSatisfy { $0.stopped || ($0.error == nil && $0.fetchedAt == nil) }
            return .stopped(reason: "\(error.shortDescription): polling \(all ? "" : "of \(error.endpoint) ")stopped")
        }
        guard let first = failing.first?.error else { return lastRefresh == nil ? .connecting : .live }
        if accounts.value == nil {
            return .offline(retryAt: failing.compactMap(\.nextAttempt).min(), reason: first.shortDescription)
        }
        let since = failing.compactMap(\.fetchedAt).min() ?? accounts.fetchedAt ?? Date()
        return .stale(since: since, reason: first.shortDescription)
    }

    /// The age of the oldest data still shown while the connection is stale, nil otherwise. On
    /// the monotonic clock when `monotonic` is given (a wall clock set back an hour must not make
    /// the age negative, nor one set forward make it jump); on the wall clock otherwise.
    public func staleAge(now: Date, monotonic: Double?) -> TimeInterval? {
        guard case .stale(let since, _) = connection else { return nil }
        if let monotonic {
            let failing = health.filter { $0.error != nil }
            if let oldest = failing.compactMap(\.fetchedMonotonic).min() ?? accounts.fetchedMonotonic {
                return max(0, monotonic - oldest)
            }
        }
        return max(0, now.timeIntervalSince(since))
    }

    private var health: [ResourceHealth] { ResourceSpec.all.map { $0.landing.health(self) } }
}

/// What the connection state needs of a resource, whatever its value type.
struct ResourceHealth {
    let error: ProxyLiteError?
    let fetchedAt: Date?
    let fetchedMonotonic: Double?
    let nextAttempt: Date?
    let stopped: Bool
}

extension ResourceState {
    var health: ResourceHealth {
        ResourceHealth(
            error: lastError, fetchedAt: fetchedAt, fetchedMonotonic: fetchedMonotonic, nextAttempt: nextAttempt, stopped: stopped)
    }
}
