import Foundation
import ProxyLiteAPI

/// The single source of truth: pollers write into it, and after every change it publishes an
/// immutable `Snapshot` to whoever draws.
public actor Store {
    private var snapshot: Snapshot
    private var rates = RateTracker()
    private let publish: @Sendable (Snapshot) -> Void

    public init(source: String, readOnly: Bool, publish: @escaping @Sendable (Snapshot) -> Void) {
        snapshot = Snapshot(source: source, readOnly: readOnly)
        self.publish = publish
    }

    public var current: Snapshot { snapshot }

    /// What one poll brought back.
    public enum Outcome: Sendable {
        case accounts([SubAccount])
        case summary(PackageSummary)
        case flow(whole: [DailyFlow], account: AccountFlow?)
        case staticIPs([StaticIP])
        case orders([Order])
        case failed(Resource, ProxyLiteError)
    }

    /// Applies a poll's outcome at `now`; `nextAttempt` is when that resource will be polled again.
    public func apply(_ outcome: Outcome, at now: Date, nextAttempt: Date? = nil) {
        switch outcome {
        case .accounts(let accounts):
            rates.record(accounts.map { ($0.username, $0.usageBytes) }, at: now)
            let rows = accounts.map { AccountRow(account: $0, rate: rates.rate($0.username)) }
            snapshot.accounts.succeed(rows, at: now)
            snapshot.accounts.nextAttempt = nextAttempt
        case .summary(let summary):
            snapshot.summary.succeed(summary, at: now)
            snapshot.summary.nextAttempt = nextAttempt
        case .flow(let whole, let account):
            snapshot.flow.succeed(whole, at: now)
            snapshot.flow.nextAttempt = nextAttempt
            snapshot.accountFlow = account
        case .staticIPs(let ips):
            snapshot.staticIPs.succeed(ips, at: now)
            snapshot.staticIPs.nextAttempt = nextAttempt
        case .orders(let orders):
            snapshot.orders.succeed(orders, at: now)
            snapshot.orders.nextAttempt = nextAttempt
        case .failed(let resource, let error):
            switch resource {
            case .accounts:
                snapshot.accounts.fail(error, at: now)
                snapshot.accounts.nextAttempt = nextAttempt
            case .summary:
                snapshot.summary.fail(error, at: now)
                snapshot.summary.nextAttempt = nextAttempt
            case .flow:
                snapshot.flow.fail(error, at: now)
                snapshot.flow.nextAttempt = nextAttempt
            case .staticIPs:
                snapshot.staticIPs.fail(error, at: now)
                snapshot.staticIPs.nextAttempt = nextAttempt
            case .orders:
                snapshot.orders.fail(error, at: now)
                snapshot.orders.nextAttempt = nextAttempt
            }
        }
        snapshot.version += 1
        publish(snapshot)
    }

    /// Samples the rate tracker holds, for tests of bounded memory.
    public var rateSampleCount: Int { rates.sampleCount }
}
