import Foundation
import Monitor
import ProxyLiteAPI

/// Purchased packages and when they expire.
enum PackagesPane: Pane {
    static let tab = Tab.packages
    static let id = "packages"
    static let title = "Packages"
    static let shortTitle = "Pkgs"
    /// The catalogue: the products a package renews with, and the payment methods.
    static let onDemand: [Resource] = [.packages, .catalogue]
    static var table: WritableKeyPath<UIState, TableState>? { \.packages }
    static func rowCount(_ lists: VisibleLists) -> Int { lists.packages.count }

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        PackagesScreen.render(context, area: area, into: &buffer)
    }

    static let keys: [KeyAction] = [
        .pane(tab, "filter", "f", .key(.keyFilterProductType), keys: chars("f"), footer: true) { ui, input in
            ui.cyclePackageType(input.snapshot, now: input.now)
        },
        KeyAction("raw", "y", .key(.keyRawRecord), keys: chars("y"), scope: .pane(tab), refusal: RowIdentity.package) { ui, input in
            guard let package = RowIdentity.focused(input.snapshot.packages.value, input.lists.packages, ui.packages.selected)
            else { return [] }
            return ui.inspect(.package(id: package.id, tradeNo: package.tradeNo), on: input.snapshot, now: input.now)
        },
        // Only a price preview (order/check creates nothing): allowed read-only; the order step after it is not.
        .pane(tab, "renew", "R", .key(.keyRenewPackage), keys: chars("R"), footer: true, refusal: RowIdentity.package) {
            ui, input in ui.openPackageRenewal(input.snapshot, input.lists, now: input.now)
        },
        ServerQueryKeys.query(tab),
        ServerQueryKeys.clear(tab),
    ]
}
