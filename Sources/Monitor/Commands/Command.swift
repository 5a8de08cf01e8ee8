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

    /// Whether it changes the account (and so is refused in read-only mode).
    public var isWrite: Bool {
        switch self {
        case .checkOrder, .extract, .states, .cities, .areas, .inspect: return false
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
        case .changeLimit(let names, let gb):
            // change-limit takes one account; several run one after another and stop at the first refusal.
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
        }
        return .none
    }
}

/// A command the provider accepted but the account list does not show yet (deletes, disables and
/// password changes take up to 5 minutes).
public struct PendingCommand: Sendable, Hashable {
    public var command: Command
    public var acceptedAt: Date
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
    }

    public enum Outcome: Sendable {
        case done(Payload)
        /// Refused by the provider or the network; nothing changed.
        case rejected(ProxyLiteError)
        case readOnly
    }

    public var id: Int
    public var command: Command
    public var outcome: Outcome

    public init(id: Int, command: Command, outcome: Outcome) {
        self.id = id
        self.command = command
        self.outcome = outcome
    }
}
