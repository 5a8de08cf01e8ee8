import Foundation
import ProxyLiteAPI

/// Something the user asked the API to do, as an explicit value: what the user confirmed is
/// exactly what runs. Writes change the account and are refused in read-only mode; the rest only
/// fetch what a dialog or pane asked for.
public enum Command: Sendable, Hashable {
    // Sub-accounts
    case addAccounts([NewAccount], remark: String, productType: ProductType)
    case enable([String])
    case disable([String])
    case delete([String])
    case changeLimit([String], gigabytes: Int)
    case changePassword(String, to: String)
    case changeRemark(String, to: String)
    case change(String, AccountChange)
    // IP whitelist
    /// `userProductID` names the package; the provider requires it for product type 11.
    case addWhitelistIPs([String], remark: String, productType: ProductType? = nil, userProductID: Int? = nil)
    case deleteWhitelistIPs([String], DeletionVerification?)
    // Orders
    case closeOrder(tradeNo: String)
    case createOrder(OrderRequest)
    // Reads on request
    case checkOrder(OrderRequest)
    case extract(ExtractionRequest, ExtractionFormat = .json)
    case states(countryCode: String)
    case cities(countryCode: String, state: String)
    case areas(username: String)
    case inspect(RawRecordKey)
    /// A filtered list, fetched once for a pane (never stored as polled data).
    case query(ServerQuery)

    /// Whether it changes the account (and so is refused in read-only mode).
    public var isWrite: Bool {
        switch self {
        case .checkOrder, .extract, .states, .cities, .areas, .inspect, .query: return false
        default: return true
        }
    }

    /// The sub-accounts it changes, which show it as pending until a poll confirms it.
    public var usernames: [String] {
        switch self {
        case .enable(let names), .disable(let names), .delete(let names), .changeLimit(let names, _): return names
        case .addAccounts(let accounts, _, _): return accounts.map(\.username)
        case .changePassword(let name, _), .changeRemark(let name, _), .change(let name, _): return [name]
        default: return []
        }
    }

    /// The polled resource that shows its effect, re-polled as soon as it is accepted.
    public var affects: Resource? {
        switch self {
        case .addAccounts, .enable, .disable, .delete, .changeLimit, .changePassword, .changeRemark, .change: return .accounts
        case .addWhitelistIPs, .deleteWhitelistIPs: return .whitelist
        case .closeOrder, .createOrder: return .orders
        default: return nil
        }
    }

    /// Whether `account` (nil: not listed) shows this command's effect, so that its pending mark
    /// can go. Changes the list cannot show (a password) count as applied once accepted.
    func isVisible(on account: SubAccount?) -> Bool {
        switch self {
        case .delete: return account == nil
        case .addAccounts: return account != nil
        case .enable: return account?.isEnabled == true
        case .disable: return account?.isEnabled == false
        case .changeLimit(_, let gb): return account?.limitGB == Int64(gb)
        case .changeRemark(_, let remark): return account?.remark == remark
        case .changePassword: return true
        case .change(_, let change):
            guard let account else { return false }
            if let remark = change.remark, account.remark != remark { return false }
            if let limit = change.limitGB, account.limitGB != Int64(limit) { return false }
            if let enabled = change.enabled, account.isEnabled != enabled { return false }
            return true
        default: return true
        }
    }

    /// Runs it through the client; what it brought back, for the dialog that asked.
    func run(_ client: ProxyLiteClient) async throws -> Reply.Payload {
        switch self {
        case .addAccounts(let accounts, let remark, let type):
            try await client.addAccounts(accounts, remark: remark, productType: type)
        case .enable(let names): try await client.enableAccounts(names)
        case .disable(let names): try await client.disableAccounts(names)
        case .delete(let names): try await client.deleteAccounts(names)
        case .changeLimit(let names, let gb) where names.count > 1:
            return .batch(await Self.eachAccount(names) { try await client.changeLimit(account: $0, gigabytes: gb) })
        case .changeLimit(let names, let gb):
            for name in names { try await client.changeLimit(account: name, gigabytes: gb) }
        case .changePassword(let name, let password): try await client.changePassword(account: name, to: password)
        case .changeRemark(let name, let remark): try await client.changeRemark(account: name, to: remark)
        case .change(let name, let change): try await client.changeAccount(name, change)
        case .addWhitelistIPs(let ips, let remark, let type, let package):
            try await client.addWhitelistIPs(ips, remark: remark, productType: type, userProductID: package)
        case .deleteWhitelistIPs(let ips, let verification): try await client.deleteWhitelistIPs(ips, verification: verification)
        case .closeOrder(let tradeNo): try await client.closeOrder(tradeNo: tradeNo)
        case .createOrder(let request): return .order(try await client.createOrder(request))
        case .checkOrder(let request): return .quote(try await client.checkOrder(request))
        case .extract(let request, .json): return .endpoints(try await client.extract(request))
        case .extract(let request, .text(let separator)):
            // The text answer is what tools paste; it is split back into endpoints only for display.
            let text = try await client.extractText(request, separator: separator)
            let parts = separator.map { text.components(separatedBy: $0) } ?? text.components(separatedBy: .newlines)
            return .endpoints(parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty })
        case .states(let country): return .names(try await client.searchStates(countryCode: country))
        case .cities(let country, let state): return .names(try await client.searchCities(countryCode: country, state: state))
        case .areas(let username): return .areas(try await client.areasV4(username: username).list)
        case .inspect(let key): return .record(try await client.rawRecord(key))
        case .query(let query): return .query(try await query.run(client))
        }
        return .none
    }
}

extension Command {
    /// Runs a per-account endpoint once per account, in order, and keeps each one's outcome. After
    /// an answer that may or may not have been applied (the provider or the network failing), the
    /// rest are not sent: each would most likely fail the same way, 20 s at a time.
    static func eachAccount(
        _ names: [String], _ call: (String) async throws -> Void
    ) async -> BatchOutcome {
        var outcome = BatchOutcome()
        for (index, name) in names.enumerated() {
            do {
                try await call(name)
                outcome.accepted.append(name)
            } catch {
                let failure = ProxyLiteError.wrapping(error)
                if failure.mayHaveApplied {
                    outcome.unknown.append(BatchOutcome.Failure(username: name, error: failure))
                    outcome.notSent = Array(names[(index + 1)...])
                    break
                }
                outcome.refused.append(BatchOutcome.Failure(username: name, error: failure))
            }
        }
        return outcome
    }
}

/// What a change over several accounts, one call each, came to.
public struct BatchOutcome: Sendable {
    public struct Failure: Sendable {
        public var username: String
        public var error: ProxyLiteError
        public init(username: String, error: ProxyLiteError) {
            self.username = username
            self.error = error
        }
    }
    public var accepted: [String] = []
    public var refused: [Failure] = []
    /// Sent, but the answer did not say whether it was applied.
    public var unknown: [Failure] = []
    /// Never sent, after an unknown answer.
    public var notSent: [String] = []

    public init() {}

    /// "3 accepted, 1 refused, 1 unknown, 2 not sent", leaving out the zeros.
    public var summary: String {
        [(accepted.count, "accepted"), (refused.count, "refused"), (unknown.count, "unknown"), (notSent.count, "not sent")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}

extension ProxyLiteError {
    /// Whether a write that failed this way may still have been applied: it was sent, and the
    /// answer never said no (a timeout, a connection lost after sending, a 5xx, an unreadable
    /// answer). A refused connection, a failed DNS look-up or TLS handshake never reached the
    /// provider; a code or a 4xx is the provider's refusal.
    public var mayHaveApplied: Bool {
        switch code {
        case .timeout, .transport, .decoding, .cancelled: return true
        case .httpStatus(let status): return status >= 500
        case .api(let code): return code >= 500
        case .connectionRefused, .dnsFailure, .tlsFailure, .invalidAppKey, .notVerified, .badParameters, .rateLimited, .redirect:
            return false
        }
    }

    /// Any error as a `ProxyLiteError` (the client throws nothing else; this keeps the types honest).
    static func wrapping(_ error: any Error) -> ProxyLiteError {
        if let error = error as? ProxyLiteError { return error }
        return ProxyLiteError(.transport, endpoint: "", message: "the request failed (\(type(of: error)))")
    }
}

/// A command the provider accepted, or may have applied, that the account list does not show yet
/// (deletes, disables and password changes take up to 5 minutes).
public struct PendingCommand: Sendable, Hashable {
    public var command: Command
    /// When, on the wall clock, for showing.
    public var acceptedAt: Date
    /// When, on the store's monotonic clock, for measuring how long it has waited.
    public var acceptedMonotonic: Double
    /// The answer never came (outcome unknown): the change may or may not have been applied.
    public var unconfirmed: Bool

    public init(command: Command, acceptedAt: Date, acceptedMonotonic: Double, unconfirmed: Bool = false) {
        self.command = command
        self.acceptedAt = acceptedAt
        self.acceptedMonotonic = acceptedMonotonic
        self.unconfirmed = unconfirmed
    }
}

/// How a command the UI sent came out, matched to it by `id`.
public struct Reply: Sendable {
    public enum Payload: Sendable {
        case none
        case order(Order)
        case quote(OrderCheckResult)
        case endpoints([String])
        case names([String])
        case areas([AreaV4])
        case record(JSONValue?)
        case query(ServerQueryResult)
        /// One call per account (change-limit over several): each account's outcome.
        case batch(BatchOutcome)
    }

    /// Three outcomes, and read-only: a write is accepted, refused, or unknown, and unknown is
    /// never reported as "nothing changed".
    public enum Outcome: Sendable {
        /// Accepted (for a batch of per-account calls, look at each account's outcome).
        case done(Payload)
        /// Refused by the provider, or never reached it; nothing changed.
        case rejected(ProxyLiteError)
        /// Sent, but no answer says whether it was applied: it may have been.
        case unknown(ProxyLiteError)
        case readOnly
    }

    public var id: Int
    public var command: Command
    public var outcome: Outcome
    /// When it was confirmed and queued.
    public var sentAt: Date

    public init(id: Int, command: Command, outcome: Outcome, sentAt: Date = Date()) {
        self.id = id
        self.command = command
        self.outcome = outcome
        self.sentAt = sentAt
    }
}
