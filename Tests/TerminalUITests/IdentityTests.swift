import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI
import TestSupport
import Testing

/// Dialogs, overlays and marks hold identities: a poll that reorders a list under them changes
/// nothing about what they show or act on.
@Suite struct IdentityTests {
    let layout = ScreenLayout(width: 120, height: 40)
    let now = Date()

    func staticIPs(_ ips: [StaticIP]) async -> Snapshot {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.staticIPs(ips), at: now)
        return await store.current
    }

    func press(_ keys: [Key], _ ui: inout UIState, _ data: Snapshot) {
        for key in keys {
            _ = ui.handle(key, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: 36, now: now, layout: layout)
        }
    }

    func text(_ data: Snapshot, _ ui: UIState) -> String {
        let buffer = renderDashboard(data, ui, now: now, width: 120, height: 40)
        return (0..<buffer.height).map(buffer.line).joined(separator: "\n")
    }

    @Test func theStaticIPDetailsFollowTheIPWhenAPollReordersTheList() async {
        let a = Fixtures.staticIP("1.1.1.1", expires: "2027-01-01 00:00:00", id: 1)
        let b = Fixtures.staticIP("2.2.2.2", expires: "2027-02-01 00:00:00", id: 2)
        let before = await staticIPs([a, b])
        var ui = UIState()
        press([.character("3")], &ui, before)
        let lists = VisibleLists.compute(before, ui)
        let selected = before.staticIPs.value![lists.staticIPs[ui.staticIPs.selected]]
        press([.enter], &ui, before)
        #expect(ui.overlay == .staticIPDetail(identity: "id \(selected.id!)"))
        // The next poll lists them the other way round, and then without the other one.
        let other = selected.ip == a.ip ? b : a
        for after in [await staticIPs([b, a]), await staticIPs([other, selected]), await staticIPs([selected])] {
            let screen = text(after, ui)
            #expect(screen.contains("Static IP \(selected.ip) · as the API sent it"))
            #expect(!screen.contains("Static IP \(other.ip) ·"))
        }
        #expect(text(await staticIPs([other]), ui).contains("This static IP is no longer listed."))
    }

    @Test func anIPWithoutAnIdIsKnownByAddressAndPort() {
        let ip = Fixtures.decode(StaticIP.self, #"{"ip":"9.9.9.9","port":3128,"country_code":"US"}"#)
        #expect(ip.identity == "9.9.9.9:3128")
        #expect(Fixtures.staticIP("9.9.9.9", expires: "2027-01-01 00:00:00", id: 12).identity == "id 12")
    }

    @Test func marksOfStaticIPsAreIdentitiesToo() async {
        // Two IPs on one address, on different ports: marking one does not mark the other.
        let one = Fixtures.decode(StaticIP.self, #"{"id":1,"ip":"9.9.9.9","port":1,"country_code":"US"}"#)
        let two = Fixtures.decode(StaticIP.self, #"{"id":2,"ip":"9.9.9.9","port":2,"country_code":"US"}"#)
        let data = await staticIPs([one, two])
        var ui = UIState()
        press([.character("3"), .character(" ")], &ui, data)
        #expect(ui.ipMarks.count == 1)
        #expect(ui.ipMarks.isSubset(of: ["id 1", "id 2"]))
    }

    @Test func twoAccountsWithOneNameAreBothNamedInTheConfirmation() async {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(
            .accounts([
                Fixtures.account("shared", usageGB: 9), Fixtures.account("shared", usageGB: 1), Fixtures.account("solo", usageGB: 5),
            ]), at: now)
        let data = await store.current
        var ui = UIState()
        press([.character("d")], &ui, data)  // the first row: shared, the larger
        guard case .confirm(let dialog) = ui.dialog else {
            Issue.record("expected a confirmation, got \(String(describing: ui.dialog))")
            return
        }
        #expect(dialog.command == .disable(["shared"]))
        #expect(dialog.lines.contains("2 sub-accounts are named shared; the provider applies this to all of them."))
        // A mark is the name: it marks both, the command names it once, and says the same.
        press([.escape, .character(" "), .character("D")], &ui, data)
        guard case .confirm(let delete) = ui.dialog else {
            Issue.record("expected a confirmation")
            return
        }
        #expect(delete.command == .delete(["shared"]))
        #expect(delete.typeToConfirm == "shared")
        #expect(delete.lines.contains("2 sub-accounts are named shared; the provider applies this to all of them."))
        // The limit form and its confirmation too.
        press([.escape, .character("u"), .home, .character("l")], &ui, data)
        guard case .form(let form, .changeLimit(["shared"])) = ui.dialog else {
            Issue.record("expected the limit form, got \(String(describing: ui.dialog))")
            return
        }
        #expect(form.intro.contains("2 sub-accounts are named shared; the provider applies this to all of them."))
    }
}
