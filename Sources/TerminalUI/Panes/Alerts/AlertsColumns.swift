import Foundation
import Monitor
import ProxyLiteAPI

/// The alerts table's columns.
enum AlertsColumns {
    static let all: [PaneColumn<Alert>] = [
        PaneColumn(
            "state", title: .key(.colAlertState), width: .fixed(6),
            display: { a, _ in TableCell(AlertText.state(a.state), role(a.state)) }, raw: { a, _ in a.state.rawValue }),
        PaneColumn(
            "kind", title: .key(.colKind), width: .fixed(12), text: { a, _ in AlertText.kind(a.kind) }, raw: { a, _ in a.kind.rawValue }),
        PaneColumn(
            "subject", title: .key(.colSubject), width: .flex(min: 12), maxWidth: 32, name: true,
            text: { a, _ in DisplayWidth.displaySafe(a.subject) }, raw: { a, _ in a.subject }),
        PaneColumn("value", title: .key(.colValue), width: .fixed(17), text: { a, _ in AlertText.value(a) }, raw: { a, _ in "\(a.value)" }),
        PaneColumn(
            "message", title: .key(.colMessage), width: .flex(min: 16), maxWidth: 80,
            text: { a, _ in DisplayWidth.displaySafe(a.message) }, raw: { a, _ in a.message }),
        PaneColumn(
            "raised", title: .key(.colRaised), width: .fixed(16), text: { a, c in c.minute(a.at) }, raw: { a, _ in ColumnContext.iso(a.at) }
        ),
        PaneColumn(
            "cleared", title: .key(.colCleared), width: .fixed(16), text: { a, c in c.minute(a.clearedAt) },
            raw: { a, _ in ColumnContext.iso(a.clearedAt) }),
    ]

    /// Active alerts in the warning colour, acknowledged ones plain, past ones dim.
    static func role(_ state: AlertState) -> ColorRole {
        switch state {
        case .active: .warning
        case .acknowledged: .normal
        case .past: .dim
        }
    }
}
