import Foundation
import Monitor
import ProxyLiteAPI

@testable import TerminalUI

/// A pane added from outside TerminalUI, as CONTRIBUTING.md's recipe says: static IPs that
/// expire within 30 days, soonest first, over data the dashboard already polls. This folder and
/// the one line that registers it (`Panes.$added.withValue([ExpiringPane.self])`) are all it takes.
enum ExpiringPane: Pane {
    static let tab = Tab(number: 11)
    static let id = "expiring"
    static let title = "Expiring"
    static var table: WritableKeyPath<UIState, TableState>? { \UIState.[table: tab] }

    static func visibleRows(_ snapshot: Snapshot, _ ui: UIState) -> [Int]? {
        let ips = snapshot.staticIPs.value ?? []
        let now = Date()
        return ips.indices.filter { i in
            guard let expires = ips[i].expiresAt, !expires.isNever else { return false }
            return expires.timeIntervalSince(now) <= 30 * 86_400
        }.sorted { (ips[$0].expiresAt ?? .distantFuture) < (ips[$1].expiresAt ?? .distantFuture) }
    }

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let ips = context.snapshot.staticIPs.value ?? []
        let shown = context.lists.added[tab] ?? []
        guard
            let content = PaneStatus.frame(
                "Expiring \(shown.count)", note: "static IPs expiring within 30 days", state: context.snapshot.staticIPs,
                context: context, area: area, into: &buffer)
        else { return }
        let state = context.ui[table: tab]
        let columns = ExpiringColumns.all
        let cells = ColumnContext.dashboard(context)
        Table(columns: columns.map(\.tableColumn), count: shown.count, selected: state.selected, offset: state.offset) { i in
            let ip = ips[shown[i]]
            return TableRow(columns.map { $0.cell(ip, ip.unreadable, cells) })
        }.render(into: &buffer, area: content)
    }

    static let keys: [KeyAction] = [
        .pane(tab, "details", "Enter", "every field, as the API sent it", keys: [.enter], footer: true) { ui, input in
            let shown = input.lists.added[tab] ?? []
            let selected = ui[table: tab].selected
            guard let ips = input.snapshot.staticIPs.value, selected < shown.count else { return }
            ui.overlay = .staticIPDetail(identity: ips[shown[selected]].identity)
        }
    ]
}
