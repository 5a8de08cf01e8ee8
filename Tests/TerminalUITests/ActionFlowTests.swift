import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI
import TestSupport
import Testing

/// From a key to the command sent, through forms and confirmations, and from the reply back to
/// what the user sees; pure UI state, no terminal.
@Suite struct ActionFlowTests {
    let layout = ScreenLayout(width: 120, height: 40)
    let now = Date()

    func snapshot(readOnly: Bool = false) async -> Snapshot {
        let store = Store(source: "t", readOnly: readOnly) { _ in }
        await store.apply(
            .accounts(
                (1...20).map {
                    Fixtures.account("user\($0)", usageGB: Double($0), limitGB: 50, enabled: $0 % 5 != 0, type: $0 == 3 ? 14 : 9)
                }), at: now)
        return await store.current
    }

    @discardableResult
    func press(_ keys: [Key], _ ui: inout UIState, _ snapshot: Snapshot) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            effects += ui.handle(
                key, snapshot: snapshot, lists: VisibleLists.compute(snapshot, ui), bodyRows: layout.body.height, now: now, layout: layout)
        }
        return effects
    }

    func typed(_ text: String) -> [Key] { text.map { .character($0) } }

    func sent(_ effects: [Effect]) -> Command? {
        for case .run(_, let command, _) in effects { return command }
        return nil
    }

    @Test func disableMarkedRowsSaysHowManyTheFilterHides() async throws {
        let data = await snapshot()
        var ui = UIState()
        // Sorted by usage, descending: user20 first. Mark the first two, then filter one of them away.
        press([.character(" "), .character(" ")], &ui, data)
        #expect(ui.accountMarks == ["user20", "user19"])
        let marked = ui.accountMarks
        press([.character("/")] + typed("user19") + [.enter], &ui, data)
        press([.character("d")], &ui, data)
        guard case .confirm(let dialog) = ui.dialog else {
            Issue.record("expected a confirmation, got \(String(describing: ui.dialog))")
            return
        }
        #expect(dialog.lines.contains { $0.contains("1 of them is hidden by the current filter") })
        #expect(!dialog.confirmFocused)
        let effects = press([.character("y")], &ui, data)
        // user20 is already disabled: it is left out, and the dialog said so.
        #expect(dialog.lines.contains { $0.contains("1 already disabled are left out") })
        #expect(sent(effects) == .disable(["user19"]))
        #expect(ui.dialog == nil)
        #expect(ui.flash?.text.contains("Sending") == true)
        #expect(ui.accountMarks == marked)  // marks survive until the user clears them
    }

    @Test func cancelSendsNothing() async {
        let data = await snapshot()
        var ui = UIState()
        // user20, the selected row, is disabled.
        var effects = press([.character("e"), .enter], &ui, data)  // Enter presses the focused Cancel
        #expect(sent(effects) == nil)
        effects = press([.character("e"), .escape], &ui, data)
        #expect(sent(effects) == nil)
        effects = press([.character("e"), .character("n")], &ui, data)
        #expect(sent(effects) == nil)
        #expect(ui.flash?.text.contains("nothing was changed") == true)
    }

    @Test func deleteAsksForTheNameTyped() async {
        let data = await snapshot()
        var ui = UIState()
        let name = ui.focusedAccount(data, VisibleLists.compute(data, ui))!.account.username
        press([.character("D"), .character("y")], &ui, data)
        guard case .typed = ui.dialog else {
            Issue.record("expected the typed confirmation")
            return
        }
        var effects = press(typed("nope") + [.enter], &ui, data)
        #expect(sent(effects) == nil)
        effects = press([.control("u")] + typed(name) + [.enter], &ui, data)
        #expect(sent(effects) == .delete([name]))
    }

    @Test func deletingManyAsksForTheCount() async {
        let data = await snapshot()
        var ui = UIState()
        press([.character(" "), .character(" "), .character(" "), .character("D"), .character("y")], &ui, data)
        guard case .typed(let typed) = ui.dialog else {
            Issue.record("expected the typed confirmation")
            return
        }
        #expect(typed.expected == "3")
    }

    @Test func changeLimitThroughTheForm() async {
        let data = await snapshot()
        var ui = UIState()
        press([.character("l"), .control("u")] + typed("75") + [.enter, .enter], &ui, data)
        guard case .confirm(let dialog) = ui.dialog else {
            Issue.record("expected a confirmation, got \(String(describing: ui.dialog))")
            return
        }
        #expect(dialog.lines.first?.contains("75 GB") == true)
        let effects = press([.character("y")], &ui, data)
        #expect(sent(effects) == .changeLimit(["user20"], gigabytes: 75))
    }

    @Test func theEditFormPicksTheEndpointThatFits() async {
        let data = await snapshot()
        var ui = UIState()
        // Only the remark: whitelist-account/change-remark.
        press([.character("c"), .tab, .control("u")] + typed("新备注") + [.tab, .tab, .tab, .tab, .enter], &ui, data)
        guard case .confirm(let remarkOnly) = ui.dialog else {
            Issue.record("expected a confirmation, got \(String(describing: ui.dialog))")
            return
        }
        #expect(remarkOnly.command == .changeRemark("user20", to: "新备注"))
        press([.escape], &ui, data)
        // Remark and limit and daily limit: one proxy-account/change.
        press(
            [.character("c"), .tab, .control("u")] + typed("r") + [.tab, .control("u")] + typed("9") + [.tab] + typed("2") + [
                .tab, .tab, .enter,
            ], &ui, data)
        guard case .confirm(let several) = ui.dialog else {
            Issue.record("expected a confirmation")
            return
        }
        #expect(several.command == .change("user20", AccountChange(remark: "r", limitGB: 9, dailyLimitGB: 2)))
        #expect(several.lines.contains { $0.contains("limit: 50 GB → 9 GB") })
    }

    @Test func addAccountsOneOrManyAndRefusesTakenNames() async {
        let data = await snapshot()
        var ui = UIState()
        press([.character("a")] + typed("newbie") + [.tab] + typed("secret123") + [.tab] + typed("b1:pass1234,b2:pass5678"), &ui, data)
        press([.tab, .tab, .tab, .tab, .enter], &ui, data)
        guard case .confirm(let dialog) = ui.dialog, case .addAccounts(let new, _, let type) = dialog.command else {
            Issue.record("expected a confirmation, got \(String(describing: ui.dialog))")
            return
        }
        #expect(new.map(\.username) == ["newbie", "b1", "b2"])
        #expect(type == 9)
        press(
            [.escape, .character("a")] + typed("user3") + [.tab] + typed("secret123") + [.tab, .tab, .tab, .tab, .tab, .enter], &ui, data)
        guard case .form(let form, _) = ui.dialog else {
            Issue.record("expected the form back")
            return
        }
        #expect(form.message == "user3 already exists")
    }

    @Test func readOnlyTurnsWriteKeysIntoAnExplanation() async {
        let data = await snapshot(readOnly: true)
        var ui = UIState()
        for key in ["a", "e", "d", "D", "l", "c"] {
            let effects = press([.character(Character(key))], &ui, data)
            #expect(ui.dialog == nil, "\(key) opened a dialog")
            #expect(effects.isEmpty)
            #expect(ui.flash?.text.contains("Read-only") == true)
        }
        for tab in ["3": "R", "4": "c", "6": "a"] {
            press([.character(Character(tab.key)), .character(Character(tab.value))], &ui, data)
            #expect(ui.dialog == nil)
        }
        #expect(KeyBinding.available(readOnly: true).allSatisfy { !$0.writes })
        #expect(KeyBinding.footer(for: .accounts, readOnly: true).allSatisfy { !$0.writes })
    }

    @Test func repliesBecomeFlashesOrTheNextDialog() async throws {
        let store = Store(source: "t", readOnly: false) { _ in }
        var ui = UIState()
        let data = await snapshot()
        press([.character("e"), .character("y")], &ui, data)  // user20 is disabled
        let id = try #require(ui.requests.open.keys.first)
        await store.record(
            Reply(id: id, command: .enable(["user20"]), outcome: .rejected(ProxyLiteError(.badParameters, endpoint: "e", message: "账户不存在")))
        )
        ui.receive(await store.current, now: now)
        #expect(ui.flash?.text.contains("账户不存在") == true)
        #expect(ui.flash?.role == .error)
        #expect(ui.requests.isEmpty)
        // A reply seen twice is handled once.
        ui.flash = nil
        ui.receive(await store.current, now: now)
        #expect(ui.flash == nil)
    }

    @Test func aWhitelistRemovalThatNeedsACodeOpensTheVerificationForm() async throws {
        let store = Store(source: "t", readOnly: false) { _ in }
        var ips: [WhitelistIP] = []
        for ip in ["203.0.113.9", "2001:db8::9"] {
            ips.append(
                Fixtures.decode(WhitelistIP.self, #"{"ip":"\#(ip)","remark":"","product_type":9,"created_at":"2026-01-01 00:00:00"}"#))
        }
        await store.apply(.whitelist(ips), at: now)
        let data = await store.current
        var ui = UIState()
        press([.character("6"), .character("D"), .character("y")], &ui, data)
        let id = try #require(ui.requests.open.keys.first)
        let refusal = ProxyLiteError(.badParameters, endpoint: "proxy-ip/delete", message: "参数错误", fieldErrors: ["verify_type": ["需要验证"]])
        await store.record(Reply(id: id, command: .deleteWhitelistIPs(["203.0.113.9"], nil), outcome: .rejected(refusal)))
        ui.receive(await store.current, now: now)
        guard case .form(_, .verifyWhitelistDelete(let pending)) = ui.dialog else {
            Issue.record("expected the verification form, got \(String(describing: ui.dialog))")
            return
        }
        #expect(pending == ["203.0.113.9"])
        let effects = press([.right, .tab] + typed("246810") + [.enter, .enter], &ui, data)
        #expect(sent(effects) == .deleteWhitelistIPs(["203.0.113.9"], DeletionVerification(kind: .email, code: "246810")))
        // The next removal asks for the code before sending anything.
        let next = press([.character("D"), .character("y")], &ui, data)
        #expect(sent(next) == nil)
        guard case .form(_, .verifyWhitelistDelete) = ui.dialog else {
            Issue.record("expected the verification form first, got \(String(describing: ui.dialog))")
            return
        }
    }

    @Test func theSSHClientAddressIsOneKeyAway() async {
        let data = await snapshot()
        var ui = UIState()
        ui.sshClientIP = "198.51.100.23"
        press([.character("6"), .character("a")], &ui, data)
        guard case .form(let form, _) = ui.dialog else {
            Issue.record("expected the whitelist form")
            return
        }
        #expect(form.intro.contains { $0.contains("198.51.100.23") })
        press([.control("g"), .enter, .enter, .enter, .enter, .enter], &ui, data)
        guard case .confirm(let dialog) = ui.dialog else {
            Issue.record("expected a confirmation, got \(String(describing: ui.dialog))")
            return
        }
        #expect(dialog.command == .addWhitelistIPs(["198.51.100.23"], remark: ""))
    }
}

extension ActionFlowTests {
    @Test func extractionRegionsForAnAccountComeFromDal4() async throws {
        let store = Store(source: "t", readOnly: false) { _ in }
        let countries = [
            Fixtures.decode(
                CountryRegions.self,
                #"{"name_en":"Germany","name_zh_cn":"德国","country_code":"DE","continent_code":"EU","items":[{"state":"bavaria","country_code":"DE"},{"state":"berlin","country_code":"DE"}]}"#
            )
        ]
        await store.apply(.regions(RegionData(countries: countries, hostPool: [], staticStock: [])), at: now)
        var data = await store.current
        var ui = UIState()
        press([.character("7"), .enter], &ui, data)
        guard case .form(let form, .extract) = ui.dialog else {
            Issue.record("expected the extraction form")
            return
        }
        #expect(form["country"].options == ["any", "DE · Germany"])
        // Naming an account asks ip/dal4 for its regions.
        let effects = press(typed("shop1") + [.tab], &ui, data)
        #expect(sent(effects) == .areas(username: "shop1"))
        let id = try #require(ui.requests.open.first { $0.value.awaiting == .areas("shop1") }?.key)
        let area = Fixtures.decode(AreaV4.self, #"{"area":"US","states":[{"state":"texas","cities":["austin","dallas"]}]}"#)
        await store.record(Reply(id: id, command: .areas(username: "shop1"), outcome: .done(.areas([area]))))
        data = await store.current
        ui.receive(data, now: now)
        press([.right, .tab, .right, .tab, .right, .tab, .tab, .tab, .tab, .right, .right, .tab, .tab], &ui, data)
        guard case .form(let chosen, .extract) = ui.dialog else {
            Issue.record("expected the extraction form")
            return
        }
        #expect(chosen["country"].choice == "US")
        #expect(chosen["city"].options == ["any", "austin", "dallas"])
        let extract = press([.enter], &ui, data)
        #expect(
            sent(extract)
                == .extract(
                    ExtractionRequest(countryCode: "US", state: "texas", city: "austin", count: 10, lifetimeMinutes: 30, network: .us),
                    .text(separator: ",")))
        // Saved as the format separates them.
        ui.extraction.endpoints = ["1.1.1.1:1", "2.2.2.2:2"]
        let save = press([.character("w"), .enter, .enter], &ui, data)
        guard case .writeFile(_, let contents) = save.first else {
            Issue.record("expected a file write, got \(save)")
            return
        }
        #expect(contents == "1.1.1.1:1,2.2.2.2:2\n")
    }
}

extension ActionFlowTests {
    @Test func marksOfDeletedAccountsGoWithThem() async {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.accounts([Fixtures.account("a1"), Fixtures.account("a2")]), at: now)
        var ui = UIState()
        ui.accountMarks = ["a1", "a2"]
        await store.apply(.accounts([Fixtures.account("a2")]), at: now)
        ui.receive(await store.current, now: now)
        #expect(ui.accountMarks == ["a2"])
    }
}

extension ActionFlowTests {
    @Test func starMarksEveryRowShownAndAgainUnmarksThem() async {
        let data = await snapshot()
        var ui = UIState()
        press([.character("/")] + typed("user1") + [.enter, .character("*")], &ui, data)
        #expect(ui.accountMarks.count == 11)  // user1, user10…user19
        press([.character("l"), .enter, .enter], &ui, data)
        guard case .confirm(let dialog) = ui.dialog else {
            Issue.record("expected a confirmation")
            return
        }
        #expect(dialog.lines.contains { $0.contains("One call per account, about 5 s") })
        press([.escape, .character("*")], &ui, data)
        #expect(ui.accountMarks.isEmpty)
    }
}

extension ActionFlowTests {
    @Test func whitelistingForTypeElevenNamesItsPackage() async throws {
        let store = Store(source: "t", readOnly: false) { _ in }
        let package = Fixtures.decode(
            PurchasedPackage.self, #"{"id":42,"product_type":11,"trade_no":"T42","order":{"title":"Unlimited global V2"}}"#)
        await store.apply(.packages([package]), at: now)
        await store.apply(.whitelist([]), at: now)
        let data = await store.current
        var ui = UIState()
        // Type 11 without a package is refused before anything is sent.
        press(
            [.character("6"), .character("a")] + typed("203.0.113.7") + [.tab, .right, .right, .tab, .tab, .tab, .tab, .enter], &ui, data)
        guard case .form(let form, _) = ui.dialog else {
            Issue.record("expected the form back, got \(String(describing: ui.dialog))")
            return
        }
        #expect(form.message?.contains("needs the package") == true)
        press([.right, .enter, .enter, .enter], &ui, data)  // Enter moves on, then presses Continue
        guard case .confirm(let dialog) = ui.dialog else {
            Issue.record("expected a confirmation, got \(String(describing: ui.dialog))")
            return
        }
        #expect(dialog.command == .addWhitelistIPs(["203.0.113.7"], remark: "", productType: 11, userProductID: 42))
    }
}

extension ActionFlowTests {
    @Test func quittingWhileAChangeIsSendingAsksFirst() async throws {
        let store = Store(source: "t", readOnly: false) { _ in }
        let data = await snapshot()
        var ui = UIState()
        press([.character("e"), .character("y")], &ui, data)  // enable user20: sent, no reply yet
        #expect(press([.character("q")], &ui, data).isEmpty)
        guard case .quit = ui.dialog else {
            Issue.record("expected the quit question, got \(String(describing: ui.dialog))")
            return
        }
        #expect(press([.enter], &ui, data).isEmpty)  // Cancel is focused
        #expect(ui.dialog == nil)
        #expect(press([.character("q"), .character("y")], &ui, data) == [.quit])
        // Once the reply is in, q quits at once.
        ui.dialog = nil
        let id = try #require(ui.requests.writesInFlight.first)
        await store.record(Reply(id: id, command: .enable(["user20"]), outcome: .done(.none)))
        ui.receive(await store.current, now: now)
        #expect(press([.character("q")], &ui, data) == [.quit])
    }
}
