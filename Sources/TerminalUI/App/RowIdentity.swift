import Foundation
import Monitor
import ProxyLiteAPI

/// Rows whose identity could not be read (an account's username, a static IP's address, an
/// order's trade number, a package's id, a whitelisted address) are shown, but nothing can be
/// done to them: a change or a mark needs a name the API understands, and a guessed name could
/// hit another row. The
/// panes' key tables use these as their actions' refusals.
enum RowIdentity {
    /// The focused row of a table showing `shown` (indexes into `rows`), if any.
    static func focused<Row>(_ rows: [Row]?, _ shown: [Int], _ selected: Int) -> Row? {
        guard let rows, selected >= 0, selected < shown.count, shown[selected] < rows.count else { return nil }
        return rows[shown[selected]]
    }

    @Sendable static func account(_ ui: UIState, _ input: KeyInput) -> String? {
        refusal(ui.focusedAccount(input.snapshot, input.lists).map(\.account), UIText.riAccount(), UIText.riUsername())
    }

    @Sendable static func staticIP(_ ui: UIState, _ input: KeyInput) -> String? {
        refusal(
            focused(input.snapshot.staticIPs.value, input.lists.staticIPs, ui.staticIPs.selected), UIText.riStaticIP(), UIText.riAddress())
    }

    @Sendable static func order(_ ui: UIState, _ input: KeyInput) -> String? {
        refusal(focused(input.snapshot.orders.value, input.lists.orders, ui.orders.selected), UIText.riOrder(), UIText.riTradeNumber())
    }

    @Sendable static func package(_ ui: UIState, _ input: KeyInput) -> String? {
        refusal(focused(input.snapshot.packages.value, input.lists.packages, ui.packages.selected), UIText.riPackage(), UIText.riID())
    }

    @Sendable static func whitelisted(_ ui: UIState, _ input: KeyInput) -> String? {
        refusal(
            focused(input.snapshot.whitelist.value, input.lists.whitelist, ui.whitelist.selected), UIText.riWhitelisted(),
            UIText.riAddress())
    }

    private static func refusal<Row: IdentifiedRow>(_ row: Row?, _ noun: String, _ identity: String) -> String? {
        guard let row, !row.hasIdentity else { return nil }
        return UIText.riUnreadable(noun, identity)
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
