import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI
import TestSupport
import Testing

/// The action-related views on a cell grid: marks, pending changes, dialogs, the new panes.
@Suite struct ActionScreenTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00 UTC

    func snapshot(readOnly: Bool = false) async -> Snapshot {
        let store = Store(source: "test", readOnly: readOnly) { _ in }
        await store.apply(
            .accounts([
                Fixtures.account("alpha", usageGB: 9, limitGB: 10), Fixtures.account("beta", usageGB: 1, limitGB: 0),
                Fixtures.account("gamma", usageGB: 4, limitGB: 5),
            ]), at: now)
        await store.apply(.summary(Fixtures.summary()), at: now)
        let packages = [("2027-01-18 00:00:00", 1), ("2027-03-01 00:00:00", 2), ("2027-01-01 00:00:00", 3)].map { expires, id in
            Fixtures.decode(
                PurchasedPackage.self,
                #"{"id":\#(id),"created_at":"2026-12-01 00:00:00","expired_at":"\#(expires)","product_type":9,"trade_no":"TN\#(id)","order":{"title":"Business 50 GB"}}"#
            )
        }
        await store.apply(.packages(packages), at: now)
        await store.apply(
            .whitelist([
                Fixtures.decode(
                    WhitelistIP.self, #"{"ip":"203.0.113.10","remark":"office","product_type":9,"created_at":"2026-12-01 00:00:00"}"#)
            ]),
            at: now)
        await store.markPending(.disable(["gamma"]), at: now)
        return await store.current
    }

    func render(_ snapshot: Snapshot, _ ui: UIState = UIState(), width: Int = 120, height: Int = 30) -> CellBuffer {
        renderDashboard(snapshot, ui, now: now, width: width, height: height)
    }

    func text(_ buffer: CellBuffer) -> String { (0..<buffer.height).map(buffer.line).joined(separator: "\n") }

    @Test func pendingAndMarkedRows() async throws {
        var ui = UIState()
        ui.accountMarks = ["beta"]
        let screen = render(await snapshot(), ui)
        #expect(screen.line(2).contains("Accounts 3 / 3  1 marked  1 pending"))
        let gamma = try #require((0..<screen.height).first { screen.line($0).contains("gamma") })
        #expect(screen.line(gamma).contains("  gamma"))
        #expect(screen.line(gamma).contains("→off"))
        let x = try #require(
            screen.line(gamma).range(of: "→off").map { screen.line(gamma).distance(from: screen.line(gamma).startIndex, to: $0.lowerBound) }
        )
        #expect(screen.role(x, gamma) == .pending)
        let beta = try #require((0..<screen.height).first { screen.line($0).contains("beta") })
        #expect(screen.line(beta).contains("● beta"))
    }

    @Test func aConfirmationShowsWhatChangesWithCancelFocused() async throws {
        var ui = UIState()
        ui.dialog = .confirm(
            ConfirmDialog(
                profile: "default", title: "Delete sub-accounts", lines: ["Delete this sub-account:", "  • gamma"], confirmLabel: "Delete",
                command: .delete(["gamma"]), warning: "This cannot be undone."))
        let screen = render(await snapshot(), ui)
        let all = text(screen)
        #expect(all.contains("Delete sub-accounts"))
        #expect(all.contains("This cannot be undone."))
        let row = try #require((0..<screen.height).first { screen.line($0).contains("[ Cancel ]") })
        let line = screen.line(row)
        let cancel = line.distance(from: line.startIndex, to: line.range(of: "[ Cancel ]")!.lowerBound)
        let delete = line.distance(from: line.startIndex, to: line.range(of: "[ Delete ]")!.lowerBound)
        #expect(screen.role(cancel, row) == .selected)
        #expect(screen.role(delete, row) == .dialog)
        #expect(screen.line(29).trimmingCharacters(in: .whitespaces).isEmpty)  // no footer keys under a dialog
    }

    @Test func formsMaskPasswords() async {
        var ui = UIState()
        var form = FormState(
            title: "Add sub-accounts",
            fields: [FormField("password", "Password", .text(.password, maxLength: 16, secret: true), text: "hunter22")], submitLabel: "Add"
        )
        ui.dialog = .form(form, .addAccounts)
        #expect(!text(render(await snapshot(), ui)).contains("hunter22"))
        form.revealSecrets = true
        ui.dialog = .form(form, .addAccounts)
        #expect(text(render(await snapshot(), ui)).contains("hunter22"))
    }

    @Test func packagesSoonestExpiryFirstWithDaysLeft() async throws {
        var ui = UIState()
        ui.tab = .packages
        let screen = render(await snapshot(), ui)
        #expect(screen.line(2).contains("Packages 3 / 3"))
        #expect(screen.line(2).contains("1 expire within 7 days"))
        #expect(screen.line(3).contains("total 1 GB (5)"))
        let rows = (5..<8).map(screen.line)
        #expect(rows[0].contains("TN3") && rows[0].contains("expired"))
        #expect(rows[1].contains("TN1") && rows[1].contains("2d"))
        #expect(rows[2].contains("TN2"))
        let date = try #require(rows[1].range(of: "2027-01-17"))  // midnight at the provider (UTC+8)
        let x = rows[1].distance(from: rows[1].startIndex, to: date.lowerBound)
        #expect(screen.role(x, 6) == .warning)
    }

    @Test func whitelistSaysWhetherTheSSHClientIsListed() async {
        var ui = UIState()
        ui.tab = .whitelist
        ui.sshClientIP = "198.51.100.23"
        let screen = render(await snapshot(), ui)
        #expect(screen.line(2).contains("your IP 198.51.100.23 is not listed"))
        #expect(text(screen).contains("203.0.113.10"))
    }

    @Test func readOnlyHelpAndFooterListNoWrites() async {
        var ui = UIState()
        ui.overlay = .help
        let readOnly = text(render(await snapshot(readOnly: true), ui, height: 40))
        #expect(readOnly.contains("[RO]"))
        #expect(!readOnly.contains("delete selected"))
        #expect(!readOnly.contains("disable"))
        let writable = text(render(await snapshot(), ui, height: 40))
        #expect(writable.contains("delete selected"))
    }
}

extension ActionScreenTests {
    @Test func passwordsShowOnlyWhenAsked() async {
        let data = await snapshot()
        var ui = UIState()
        let layout = ScreenLayout(width: 120, height: 30)
        _ = ui.handle(.enter, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now, layout: layout)
        #expect(!text(render(data, ui)).contains("secret99"))
        _ = ui.handle(
            .character("p"), snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now, layout: layout)
        #expect(text(render(data, ui)).contains("secret99"))
        _ = ui.handle(
            .escape, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now, layout: layout)
        #expect(!ui.revealPassword)
    }
}

extension ActionScreenTests {
    @Test func aChangeNotVisibleAfterTenMinutesTurnsToAWarning() async throws {
        let data = await snapshot()
        let ui = UIState()
        let lists = VisibleLists.compute(data, ui)
        let late = RenderContext(snapshot: data, ui: ui, lists: lists, now: now.addingTimeInterval(601), zone: TimeZone(identifier: "UTC")!)
        let screen = DashboardScreen.render(late, width: 120, height: 30)
        let y = try #require((0..<screen.height).first { screen.line($0).contains("gamma") })
        let line = screen.line(y)
        let x = try #require(line.range(of: "→off").map { line.distance(from: line.startIndex, to: $0.lowerBound) })
        #expect(screen.role(x, y) == .warning)
    }
}

extension ActionScreenTests {
    @Test func onASmallTerminalTheFocusedFieldStaysVisible() async {
        let data = await snapshot()
        var ui = UIState()
        let layout = ScreenLayout(width: 60, height: 12)
        _ = ui.handle(
            .character("a"), snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now, layout: layout)
        guard case .form(var form, let purpose) = ui.dialog else {
            Issue.record("expected the add form")
            return
        }
        form.focus = form.fields.count - 1  // the remark, last
        ui.dialog = .form(form, purpose)
        let screen = text(render(data, ui, width: 60, height: 12))
        #expect(screen.contains("│ Remark    "))  // the field itself, not only its hint
        #expect(screen.contains("[ Cancel ]"))
    }
}

extension ActionScreenTests {
    @Test func detailsListPendingChanges() async {
        var ui = UIState()
        ui.overlay = .accountDetail(username: "gamma")
        let screen = text(render(await snapshot(), ui))
        #expect(screen.contains("pending    disable gamma, accepted 08:00:00"))
    }
}

extension ActionScreenTests {
    @Test func theWarningOfAnOrderIsShownWhole() async {
        var ui = UIState()
        let warning = "Create order makes an unpaid order of 6.00; pay it in the provider's console."
        ui.dialog = .confirm(
            ConfirmDialog(
                profile: "default", title: "Renewal price of 1 IP", lines: ["short"], confirmLabel: "Create order",
                command: .createOrder(OrderRequest(productID: 1, paymentMethodID: 1)), warning: warning))
        #expect(text(render(await snapshot(), ui)).contains(warning))
    }
}
