import Foundation
import ProxyLiteAPI

/// A change to the account, as an explicit value: what the user confirmed is exactly what runs.
public enum Command: Sendable, Hashable {
    case enable([String])
    case disable([String])
    case delete([String])
    case changeLimit(String, gigabytes: Int)
    case change(String, AccountChange)

    /// The accounts it touches.
    public var usernames: [String] {
        switch self {
        case .enable(let names), .disable(let names), .delete(let names): return names
        case .changeLimit(let name, _), .change(let name, _): return [name]
        }
    }

    /// Whether `account` (nil: no longer listed) shows this command's effect, so that its pending
    /// mark can go. Changes the list cannot show (a password) count as applied once accepted.
    func isVisible(on account: SubAccount?) -> Bool {
        switch self {
        case .delete: return account == nil
        case .enable: return account?.isEnabled == true
        case .disable: return account?.isEnabled == false
        case .changeLimit(_, let gb): return account?.limitGB == Int64(gb)
        case .change(_, let change):
            guard let account else { return false }
            if let remark = change.remark, account.remark != remark { return false }
            if let limit = change.limitGB, account.limitGB != Int64(limit) { return false }
            if let enabled = change.enabled, account.isEnabled != enabled { return false }
            return true
        }
    }

    /// Runs it through the client.
    func run(_ client: ProxyLiteClient) async throws {
        switch self {
        case .enable(let names): try await client.enableAccounts(names)
        case .disable(let names): try await client.disableAccounts(names)
        case .delete(let names): try await client.deleteAccounts(names)
        case .changeLimit(let name, let gb): try await client.changeLimit(account: name, gigabytes: gb)
        case .change(let name, let change): try await client.changeAccount(name, change)
        }
    }
}

/// A command the provider accepted but the account list does not show yet (deletes, disables and
/// password changes take up to 5 minutes).
public struct PendingCommand: Sendable, Hashable {
    public var command: Command
    public var acceptedAt: Date
}
