import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// Read-only mode comes from the key table: every key of every pane is tried, with every kind of
/// record on screen, and none may lead to a change of the account.
@Suite struct ReadOnlyWalkTests {
    let layout = ScreenLayout(width: 120, height: 40)
    let now = Date()

    /// Every kind of record, as the simulator serves them.
    func snapshot(readOnly: Bool) async throws -> Snapshot { try await everyKindOfRecord(readOnly: readOnly, at: now) }

    /// Every printable key, and the others a pane binds.
    static let keys: [Key] = (0x20...0x7E).map { .character(Character(UnicodeScalar($0)!)) } + [.enter, .escape, .tab]

    func press(_ key: Key, _ ui: inout UIState, _ data: Snapshot) -> [Effect] {
        ui.handle(key, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now, layout: layout)
    }

    func writes(_ effects: [Effect]) -> [Command] {
        effects.compactMap { if case .run(_, let command, _) = $0, command.isWrite { command } else { nil } }
    }

    @Test func noKeyOfAnyPaneLeadsToAWriteInReadOnlyMode() async throws {
        let data = try await snapshot(readOnly: true)
        for tab in Tab.allCases {
            for key in Self.keys {
                var ui = UIState()
                ui.tab = tab
                var effects = press(key, &ui, data)
                #expect(ui.dialog?.leadsToWrite != true, "\(tab) \(key) opened \(String(describing: ui.dialog))")
                // Then answer whatever opened, every way a dialog can be answered.
                for answer in [Key.character("y"), .tab, .enter, .enter, .enter, .enter] { effects += press(answer, &ui, data) }
                #expect(writes(effects).isEmpty, "\(tab) \(key) sent \(writes(effects))")
                #expect(ui.dialog?.leadsToWrite != true, "\(tab) \(key) then answers opened \(String(describing: ui.dialog))")
            }
        }
    }

    /// The table, not a second list, decides: any key that leads to a write when writes are allowed
    /// is flagged `writes` in its pane's bindings (which refuses it, hides it from the footer and help).
    @Test func everyKeyThatLeadsToAWriteIsFlaggedInTheTable() async throws {
        let data = try await snapshot(readOnly: false)
        for tab in Tab.allCases {
            for key in Self.keys {
                var ui = UIState()
                ui.tab = tab
                var effects = press(key, &ui, data)
                let opened = ui.dialog?.leadsToWrite == true
                effects += press(.character("y"), &ui, data)
                if opened || !writes(effects).isEmpty {
                    #expect(UIState.writeBinding(key, tab) != nil, "\(tab) \(key) leads to a write but is not flagged in KeyBinding.all")
                }
            }
        }
    }

    @Test func theRenewalPreviewIsAllowedButNotTheOrder() async throws {
        let data = try await snapshot(readOnly: true)
        var ui = UIState()
        var effects = press(.character("3"), &ui, data)
        effects += press(.character("R"), &ui, data)
        guard case .form(_, .renewal(let ips, _, _)) = ui.dialog else {
            Issue.record("R should open the price preview in read-only mode, got \(String(describing: ui.dialog)); \(ui.flash?.text ?? "")")
            return
        }
        for key in [Key.enter, .enter, .enter] { effects += press(key, &ui, data) }
        let preview = effects.compactMap { if case .run(let id, .checkOrder(let request), _) = $0 { (id, request) } else { nil } }
        let (id, request) = try #require(preview.first)
        #expect(KeyBinding.available(readOnly: true).contains { $0.keys == "R" && $0.scope == .pane(.staticIPs) })
        // The price comes back: shown, with no Create order button.
        let store = Store(source: "t", readOnly: true) { _ in }
        let quote = Fixtures.decode(
            OrderCheckResult.self,
            #"{"title":"Renewal","total_fee":10,"discount_fee":0,"pay_fee":10,"ip_result":[]}"#)
        await store.record(Reply(id: id, command: .checkOrder(request), outcome: .done(.quote(quote))))
        ui.receive(await store.current, now: now)
        guard case .text(let shown) = ui.dialog else {
            Issue.record("expected the price without an order step, got \(String(describing: ui.dialog))")
            return
        }
        #expect(shown.lines.contains("Read-only mode: Create order is off."))
        #expect(ips.count == 1)
        // And were a Create order confirmation open anyway, y refuses it with a flash.
        ui.dialog = .confirm(
            ConfirmDialog(profile: "default", title: "x", lines: [], confirmLabel: "Create order", command: .createOrder(request)))
        #expect(writes(press(.character("y"), &ui, data)).isEmpty)
        #expect(ui.flash?.text == "Read-only mode: Create order is off; nothing was sent.")
    }
}
