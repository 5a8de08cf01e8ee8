import ProxyLiteAPI

extension Scheduler {
    /// What a finished poll did to the schedule, for the log.
    public enum Consequence: Sendable, Equatable {
        case none
        /// The key was rejected: every poller stopped.
        case stoppedAll
        /// The account is not verified: this resource stopped.
        case stopped
    }

    /// Records a finished poll: the next time it is due (its interval, or backoff after a
    /// failure), a stop after a failure retrying cannot mend, and a new flow poll when the user
    /// moved to another account while this one was in flight. The one place that decides, for the
    /// live engine and the soak run alike.
    public mutating func finish(
        _ resource: Resource, with outcome: Store.Outcome, at now: Double, followedAccount: String?
    ) -> Consequence {
        var success = true
        var items = 0
        switch outcome {
        case .failed: success = false
        // Shown in part, but retried like a failure rather than after the catalogue's hour.
        case .catalogue(let data) where !data.failures.isEmpty: success = false
        case .accounts(let accounts): items = accounts.count
        default: break
        }
        completed(resource, success: success, at: now, items: items)
        if case .flow(_, let account) = outcome, account?.username != followedAccount {
            request(.flow, at: now)
        }
        guard case .failed(_, let error) = outcome else { return .none }
        // A rejected key fails every request alike; an unverified account (code 156) fails only
        // the endpoints that need verification. Both wait for the user (`r`, a changed key file).
        switch error.code {
        case .invalidAppKey:
            stopAll()
            return .stoppedAll
        case .notVerified:
            stop(resource)
            return .stopped
        default:
            return .none
        }
    }
}
