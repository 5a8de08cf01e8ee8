import Foundation
import Monitor
import ProxyLiteAPI

/// Every watched profile at a glance (traffic left, run-out date, expiries, alerts, health), and
/// Enter to show one. With one profile it lists that one and stays out of the tab bar.
enum ProfilesPane: Pane {
    static let tab = Tab.profiles
    static let id = "profiles"
    static let title = "Profiles"
    static let shortTitle = "Prof"
    static var table: WritableKeyPath<UIState, TableState>? { \.profiles }

    static func visibleRows(_ snapshot: Snapshot, _ ui: UIState) -> [Int]? {
        Array(0..<max(1, snapshot.profiles.rows.count))
    }

    static func inTabBar(_ snapshot: Snapshot) -> Bool { snapshot.profiles.isSeveral }

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        ProfilesScreen.render(context, area: area, into: &buffer)
    }

    /// The roster's rows; before the hub has filled it (a snapshot straight from a store), the
    /// one profile on screen, from the snapshot itself.
    static func rows(_ snapshot: Snapshot, now: Date) -> [ProfileOverview] {
        let roster = snapshot.profiles
        guard roster.rows.isEmpty else { return roster.rows }
        return [ProfileOverview(name: roster.active, colour: roster.activeColour, snapshot: snapshot, now: now)]
    }

    /// The profile under the cursor.
    static func focused(_ ui: UIState, _ input: KeyInput) -> ProfileOverview? {
        let rows = rows(input.snapshot, now: input.now)
        return rows.isEmpty ? nil : rows[min(max(0, ui.profiles.selected), rows.count - 1)]
    }

    static let keys: [KeyAction] = [
        KeyAction("show", "Enter", .key(.keyShowProfile), keys: [.enter], scope: .pane(tab), footer: true) { ui, input in
            guard let row = focused(ui, input) else { return [] }
            return ui.switchProfile(to: row.name, snapshot: input.snapshot, now: input.now)
        }
    ]
}
