import Foundation
import Monitor
import ProxyLiteAPI

/// Rows whose identity could not be read (an account's username, a static IP's address, an
/// order's trade number, a package's id, a whitelisted address) are shown, but nothing can be
/// done to them: a change or a mark needs a name the API understands, and a guessed name could
/// hit another row.
extension UIState {
    /// Why `key` cannot act on the focused row, or nil when it can (or does not act on a row).
    func identityRefusal(_ key: Key, snapshot: Snapshot, lists: VisibleLists) -> String? {
        switch (tab, key) {
        case (.accounts, .character(" ")), (.accounts, .character("y")), (.flow, .character("y")):
            return refusal(focusedAccount(snapshot, lists).map(\.account), "sub-account", "username")
        case (.accounts, .character("e")), (.accounts, .character("d")), (.accounts, .character("D")),
            (.accounts, .character("l")), (.accounts, .character("c")):
            // Marks only ever hold readable names; without marks the action takes the focused row.
            guard accountMarks.isEmpty else { return nil }
            return refusal(focusedAccount(snapshot, lists).map(\.account), "sub-account", "username")
        case (.staticIPs, .character(" ")):
            return refusal(focused(snapshot.staticIPs.value, lists.staticIPs, staticIPs.selected), "static IP", "address")
        case (.staticIPs, .character("R")):
            guard ipMarks.isEmpty else { return nil }
            return refusal(focused(snapshot.staticIPs.value, lists.staticIPs, staticIPs.selected), "static IP", "address")
        case (.orders, .character("c")), (.orders, .character("y")):
            return refusal(focused(snapshot.orders.value, lists.orders, orders.selected), "order", "trade number")
        case (.packages, .character("y")):
            return refusal(focused(snapshot.packages.value, lists.packages, packages.selected), "package", "id")
        case (.whitelist, .character(" ")), (.whitelist, .character("y")):
            return refusal(focused(snapshot.whitelist.value, lists.whitelist, whitelist.selected), "whitelisted IP", "address")
        case (.whitelist, .character("D")):
            guard whitelistMarks.isEmpty else { return nil }
            return refusal(focused(snapshot.whitelist.value, lists.whitelist, whitelist.selected), "whitelisted IP", "address")
        default:
            return nil
        }
    }

    private func focused<Row>(_ rows: [Row]?, _ shown: [Int], _ selected: Int) -> Row? {
        guard let rows, selected < shown.count, shown[selected] < rows.count else { return nil }
        return rows[shown[selected]]
    }

    private func refusal<Row: IdentifiedRow>(_ row: Row?, _ noun: String, _ identity: String) -> String? {
        guard let row, !row.hasIdentity else { return nil }
        return "This \(noun)'s \(identity) could not be read: it cannot be marked, changed or fetched again."
    }
}

/// A row that may lack a readable identity.
protocol IdentifiedRow {
    var hasIdentity: Bool { get }
}

extension SubAccount: IdentifiedRow {}
extension StaticIP: IdentifiedRow {}
extension Order: IdentifiedRow {}
extension PurchasedPackage: IdentifiedRow {}
extension WhitelistIP: IdentifiedRow {}
