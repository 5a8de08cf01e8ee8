import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI
import TestSupport
import Testing

/// Names from the API that try to look like other names, or to move the cursor, on the grid.
@Suite struct HostileTextTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func render(_ snapshot: Snapshot, _ ui: UIState) -> CellBuffer {
        renderDashboard(snapshot, ui, now: now, width: 120, height: 30)
    }

    @Test func bidiOverridesAndZeroWidthCharactersShowInTablesAndConfirmations() async throws {
        let store = Store(source: "t", readOnly: false) { _ in }
        // "admin" posing: a right-to-left override and a zero-width space.
        let posers = ["ad\u{202E}nim", "adm\u{200B}in", "admin"].map { Fixtures.account($0, remark: #"r\u001B[2Jx"#) }
        await store.apply(.accounts(posers), at: now)
        let snapshot = await store.current
        let table = render(snapshot, UIState())
        let rows = (0..<table.height).map(table.line)
        #expect(rows.contains { $0.contains(#"ad\u{202E}nim"#) })
        #expect(rows.contains { $0.contains(#"adm\u{200B}in"#) })
        #expect(!rows.joined().contains("\u{202E}") && !rows.joined().contains("\u{1B}"))
        // Columns stay aligned: the rate column starts at the same place on every account row.
        let header = try #require(rows.first { $0.contains("USERNAME") })
        let remarkColumn = try #require(header.range(of: "REMARK")).lowerBound
        let offset = header.distance(from: header.startIndex, to: remarkColumn)
        let remarkRows = rows.filter { $0.contains("r [2Jx") }
        #expect(remarkRows.count == 3)
        for row in remarkRows {
            #expect(row.distance(from: row.startIndex, to: try #require(row.range(of: "r [2Jx")).lowerBound) == offset, "\(row)")
        }

        var ui = UIState()
        ui.dialog = .confirm(
            ConfirmDialog(
                profile: "default", title: "Disable", lines: ["Disable this sub-account:", "  • ad\u{202E}nim"], confirmLabel: "Disable",
                command: .disable(["ad\u{202E}nim"])))
        let dialog = (0..<30).map(render(snapshot, ui).line).joined(separator: "\n")
        #expect(dialog.contains(#"• ad\u{202E}nim"#))
    }
}
