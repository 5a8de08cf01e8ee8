import Foundation
import Monitor
import ProxyLiteAPI

/// Alerts raised from the account's data: active, acknowledged and past; acknowledge them.
enum AlertsPane: Pane {
    static let tab = Tab.alerts
    static let id = "alerts"
    static let title = "Alerts"
    static var table: WritableKeyPath<UIState, TableState>? { \.alerts }
    static func visibleRows(_ snapshot: Snapshot, _ ui: UIState) -> [Int]? { Array(snapshot.alerts.all.indices) }

    /// The count of active alerts, for the tab label ("Alerts (2)").
    static func badge(_ snapshot: Snapshot) -> String? {
        let active = snapshot.alerts.activeCount
        return active > 0 ? "\(active)" : nil
    }

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        AlertsScreen.render(context, area: area, into: &buffer)
    }

    /// The alert under the cursor.
    static func focused(_ ui: UIState, _ snapshot: Snapshot) -> Alert? {
        let all = snapshot.alerts.all
        return all.isEmpty ? nil : all[min(max(0, ui.alerts.selected), all.count - 1)]
    }

    /// Only the dashboard that writes the history keeps the alerts; another one only shows them.
    static func refusal(_ snapshot: Snapshot) -> String? {
        guard case .reading(let holder) = snapshot.history.status else { return nil }
        return UIText.alertsKeptElsewhere(holder)
    }

    // Acknowledging is local (it changes nothing at the provider): not a write, so read-only mode
    // allows it.
    static let keys: [KeyAction] = [
        KeyAction("acknowledge", "a", .key(.keyAcknowledge), keys: chars("a"), scope: .pane(tab), footer: true) { ui, input in
            guard let alert = focused(ui, input.snapshot) else { return [] }
            if let refusal = refusal(input.snapshot) {
                ui.say(refusal, role: .warning, now: input.now)
                return []
            }
            guard alert.state == .active else {
                ui.say(alert.state == .past ? UIText.alertOver() : UIText.alertAlreadyAcked(), now: input.now)
                return []
            }
            ui.say(UIText.alertAcked(AlertText.kind(alert.kind), alert.subject), now: input.now)
            return [.acknowledge(alertID: alert.id, profile: input.snapshot.profiles.active)]
        },
        KeyAction("acknowledge-all", "A", .key(.keyAcknowledgeAll), keys: chars("A"), scope: .pane(tab), footer: true) { ui, input in
            let active = input.snapshot.alerts.all.filter { $0.state == .active }
            if !active.isEmpty, let refusal = refusal(input.snapshot) {
                ui.say(refusal, role: .warning, now: input.now)
                return []
            }
            ui.say(active.isEmpty ? UIText.alertNoneActive() : UIText.alertAckedCount(active.count), now: input.now)
            return active.map { .acknowledge(alertID: $0.id, profile: input.snapshot.profiles.active) }
        },
    ]
}
