import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// Switching profiles: what the user did on one profile's data never acts on another's, every
/// command goes to the profile whose data was on screen when it was confirmed, and every
/// confirmation says which that is.
@Suite struct ProfileSwitchTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let t0 = ContinuousClock.now
    let layout = ScreenLayout(width: 120, height: 30)

    /// One read of `keys` at `second`, after a frame (which shows, and lets settle, a dialog
    /// opened by an earlier read): a user who reads before answering.
    func press(_ app: inout DashboardDriver, _ keys: [Key], at second: Int) -> [Effect] {
        let uptime = t0 + .seconds(second)
        _ = app.frame(width: 120, height: 30, now: now, uptime: uptime)
        return app.handle(.keys(keys, layout: layout), at: AppMoment(now: now, uptime: uptime))
    }

    func arrive(_ app: inout DashboardDriver, _ snapshot: Snapshot, at second: Int) -> [Effect] {
        app.handle(.snapshot(snapshot), at: AppMoment(now: now, uptime: t0 + .seconds(second)))
    }

    func press(_ keys: [Key], _ ui: inout UIState, _ data: Snapshot) -> [Effect] {
        keys.flatMap { key in
            ui.handle(key, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now, layout: layout)
        }
    }

    func sent(_ effects: [Effect]) -> [(Command, String)] {
        effects.compactMap { if case .run(_, let command, let profile) = $0 { (command, profile) } else { nil } }
    }

    /// The name of the first account row the Accounts pane shows.
    func top(_ app: DashboardDriver) -> String {
        (app.snapshot.accounts.value ?? [])[app.lists.accounts[0]].account.username
    }

    @Test func markAllThenSwitchThenDisableNeverReachesTheOtherProfile() async throws {
        let two = await twoProfiles(at: now)
        var app = DashboardDriver(ui: UIState(), snapshot: two.main)
        _ = press(&app, [.character("*")], at: 1)
        #expect(app.ui.accountMarks == ["alpha", "beta"])
        _ = press(&app, [.character("P")], at: 2)
        #expect(press(&app, [.down, .enter], at: 3).contains(.switchProfile("reseller")))
        #expect(app.ui.accountMarks.isEmpty)
        // Until the other profile's data arrives, main's is on screen: d takes its focused row
        // (the marks are gone), and the confirmation says it is main's.
        _ = press(&app, [.character("d")], at: 4)
        guard case .confirm(let onMain) = app.ui.dialog else {
            Issue.record("d opened \(String(describing: app.ui.dialog))")
            return
        }
        #expect(onMain.heading == "profile main: Disable sub-accounts")
        #expect(onMain.command == .disable(["alpha"]))
        _ = press(&app, [.escape], at: 5)
        // Marks made meanwhile, on main's rows, go when reseller's data arrives.
        _ = press(&app, [.character("*")], at: 6)
        #expect(!app.ui.accountMarks.isEmpty)
        _ = arrive(&app, two.reseller, at: 7)
        #expect(app.ui.accountMarks.isEmpty)
        _ = press(&app, [.character("d")], at: 8)
        guard case .confirm(let onReseller) = app.ui.dialog else {
            Issue.record("d opened \(String(describing: app.ui.dialog))")
            return
        }
        #expect(onReseller.heading == "profile reseller: Disable sub-accounts")
        let effects = press(&app, [.character("y")], at: 9)
        let commands = sent(effects)
        #expect(commands.count == 1)
        #expect(commands.first?.0 == .disable([top(app)]) && commands.first?.1 == "reseller", "\(commands)")
        #expect(!"\(commands)".contains("alpha") && !"\(commands)".contains("beta"))
    }

    @Test func theNextCommandAfterSwitchingCarriesTheNewProfile() async {
        let two = await twoProfiles(at: now)
        var app = DashboardDriver(ui: UIState(), snapshot: two.main)
        let onMain = sent(press(&app, [.character("y")], at: 1))  // the raw record: a read, sent at once
        #expect(onMain.map(\.1) == ["main"])
        _ = press(&app, [.escape], at: 2)
        _ = press(&app, [.character("O")], at: 3)
        #expect(press(&app, [.down, .enter], at: 3) == [.switchProfile("reseller")])
        _ = arrive(&app, two.reseller, at: 4)
        _ = press(&app, [.character("1")], at: 5)
        let onReseller = sent(press(&app, [.character("y")], at: 6))
        #expect(onReseller.map(\.1) == ["reseller"])
        #expect(onReseller.first?.0 == .inspect(.account(username: top(app))))
    }

    /// A confirmation of main's accounts still open when reseller's data arrives is closed; and
    /// one answered while another profile is on screen sends nothing.
    @Test func aConfirmationNeverActsOnAnotherProfileThanItNames() async {
        let two = await twoProfiles(at: now)
        var app = DashboardDriver(ui: UIState(), snapshot: two.main)
        _ = press(&app, [.character("d")], at: 1)
        #expect(app.ui.dialog != nil)
        _ = arrive(&app, two.reseller, at: 2)
        #expect(app.ui.dialog == nil)
        #expect(sent(press(&app, [.character("y")], at: 3)).allSatisfy { !$0.0.isWrite })  // y: only the raw record now

        var ui = UIState()
        ui.dialog = .confirm(
            ConfirmDialog(profile: "main", title: "Disable sub-accounts", lines: [], confirmLabel: "Disable", command: .disable(["alpha"])))
        #expect(press([.character("y")], &ui, two.reseller).isEmpty)
        #expect(ui.flash?.text == "That was for profile main, and reseller is shown now: nothing was sent.")
        ui.dialog = .typed(
            TypedConfirmation(profile: "main", title: "Delete sub-accounts", prompt: "", expected: "alpha", command: .delete(["alpha"])))
        #expect(press(KeyAction.chars("alpha") + [.enter], &ui, two.reseller).isEmpty)
        #expect(ui.dialog == nil)
    }

    /// Every key of every pane, with every kind of record of a profile named reseller on screen:
    /// whatever confirmation opens names reseller, on screen, and whatever is sent goes there.
    @Test func everyConfirmationNamesTheProfileItActsOn() async throws {
        let data = named("reseller", try await everyKindOfRecord(at: now), others: ["main"], now: now)
        var confirmations = 0
        for tab in Tab.allCases {
            for key in KeyTableTests.keys {
                var ui = UIState()
                ui.tab = tab
                var effects = press([key], &ui, data)
                if case .confirm(let confirm) = ui.dialog {
                    confirmations += 1
                    #expect(confirm.heading.hasPrefix("profile reseller: "), "\(tab) \(key)")
                    let screen = renderDashboard(data, ui, now: now, width: 120, height: 30)
                    #expect(screen.lines.contains { $0.contains("profile reseller: ") }, "\(tab) \(key)")
                }
                effects += press([.character("y")], &ui, data)
                if case .typed(let typed) = ui.dialog {
                    #expect(typed.heading.hasPrefix("profile reseller: "), "\(tab) \(key)")
                    effects += press(KeyAction.chars(typed.expected) + [.enter], &ui, data)
                }
                #expect(sent(effects).allSatisfy { $0.1 == "reseller" }, "\(tab) \(key): \(sent(effects))")
            }
        }
        #expect(confirmations >= 4)  // disable, delete, close order, remove whitelisted IPs
        // Those behind a form: the limit, and the verification code the provider may ask for.
        var ui = UIState()
        _ = press([.character("l"), .control("u")] + KeyAction.chars("5") + [.enter, .enter], &ui, data)
        guard case .confirm(let limit) = ui.dialog else {
            Issue.record("no limit confirmation: \(String(describing: ui.dialog))")
            return
        }
        #expect(limit.heading == "profile reseller: Change limit")
        ui.openVerification(["192.0.2.1"], reason: "code needed", profile: "reseller")
        guard case .form(let form, _) = ui.dialog else {
            Issue.record("no verification form")
            return
        }
        #expect(form.title == "profile reseller: Verification needed")
    }

    @Test func switchingKeepsTheViewAndDropsWhatWasDoneOnTheData() async {
        let two = await twoProfiles(at: now)
        var ui = UIState()
        ui.receive(two.main, now: now)
        ui.accountSort = AccountSort(column: .username, descending: true)
        ui.accountFilter = "a"
        ui.staticIPFilter = "US"
        ui.accounts.selected = 1
        ui.staticIPs.selected = 2
        ui.accountMarks = ["alpha"]
        ui.ipMarks = ["id 7"]
        ui.whitelistMarks = ["203.0.113.10"]
        ui.overlay = .accountDetail(username: "alpha")
        ui.revealPassword = true
        ui.receive(two.reseller, now: now)
        #expect(ui.accountMarks.isEmpty && ui.ipMarks.isEmpty && ui.whitelistMarks.isEmpty)
        #expect(ui.overlay == .none && !ui.revealPassword)
        #expect(ui.accounts == TableState() && ui.staticIPs == TableState())
        #expect(ui.accountSort == AccountSort(column: .username, descending: true))
        #expect(ui.accountFilter == "a" && ui.staticIPFilter == "US")
        // Help is about the keys, not the data: it stays.
        ui.overlay = .help
        ui.receive(two.main, now: now)
        #expect(ui.overlay == .help)
        // A snapshot of the same profile changes none of it.
        ui.accountMarks = ["alpha"]
        ui.receive(two.main, now: now)
        #expect(ui.accountMarks == ["alpha"])
    }

    /// An order whose creation got no answer, a provider that asks for a code, extracted
    /// endpoints: each account's, kept for its return and never shown on the other.
    @Test func whatBelongsToAnAccountWaitsForItsReturn() async {
        let two = await twoProfiles(at: now)
        var ui = UIState()
        ui.receive(two.main, now: now)
        let unsettled = UnsettledOrder(productID: 3, since: now, reason: "timeout")
        ui.unsettledOrder = unsettled
        ui.whitelistDeletesNeedCode = true
        ui.extraction.endpoints = ["1.2.3.4:8000:u:p"]
        ui.receive(two.reseller, now: now)
        #expect(ui.unsettledOrder == nil && !ui.whitelistDeletesNeedCode && ui.extraction.endpoints.isEmpty)
        ui.receive(two.main, now: now)
        #expect(ui.unsettledOrder == unsettled && ui.whitelistDeletesNeedCode)
        #expect(ui.extraction.endpoints == ["1.2.3.4:8000:u:p"])
    }

    @Test func readOnlyIsThatOfTheProfileShown() async {
        let two = await twoProfiles(at: now, resellerReadOnly: true)
        var ui = UIState()
        _ = press([.character("d")], &ui, two.main)
        #expect(ui.dialog != nil)
        _ = press([.escape], &ui, two.main)
        ui.receive(two.reseller, now: now)
        _ = press([.character("d")], &ui, two.reseller)
        #expect(ui.dialog == nil && ui.flash?.text.hasPrefix("Read-only mode") == true)
        let onReseller = renderDashboard(two.reseller, ui, now: now, width: 120, height: 30)
        #expect(onReseller.line(0).hasSuffix("[RO]") && !onReseller.line(29).contains("add sub-accounts"))
        ui.receive(two.main, now: now)
        let onMain = renderDashboard(two.main, ui, now: now, width: 120, height: 30)
        #expect(!onMain.line(0).contains("[RO]") && onMain.line(29).contains("add sub-accounts"))
        _ = press([.character("d")], &ui, two.main)
        #expect(ui.dialog != nil)
    }

    /// Each profile's alerts ring for themselves: a profile's count is not compared with another's.
    @Test func eachProfileRingsForItsOwnAlerts() async {
        let two = await twoProfiles(at: now)
        let alert = sampleAlerts(at: now)[0]
        /// The screen as the hub makes it: the shown profile's snapshot, and both profiles' rows
        /// carrying what each raised last.
        func state(showing shown: Snapshot, main: Int, reseller: Int) -> Snapshot {
            var snapshot = shown
            let sequences = ["main": main, "reseller": reseller]
            snapshot.alerts.all = [alert]
            snapshot.alerts.raised = [alert]
            snapshot.alerts.raisedSequence = sequences[snapshot.profiles.active] ?? 0
            for index in snapshot.profiles.rows.indices {
                snapshot.profiles.rows[index].raisedSequence = sequences[snapshot.profiles.rows[index].name] ?? 0
                snapshot.profiles.rows[index].raised = [alert]
            }
            return snapshot
        }
        func rings(_ effects: [Effect]) -> Int { effects.count { if case .notify = $0 { true } else { false } } }
        var app = DashboardDriver(ui: UIState(), snapshot: state(showing: two.main, main: 5, reseller: 2))
        #expect(rings(arrive(&app, state(showing: two.reseller, main: 5, reseller: 2), at: 1)) == 0)  // first seen: nothing new
        #expect(rings(arrive(&app, state(showing: two.reseller, main: 5, reseller: 3), at: 2)) == 1)
        #expect(rings(arrive(&app, state(showing: two.main, main: 5, reseller: 3), at: 3)) == 0)
        #expect(rings(arrive(&app, state(showing: two.main, main: 6, reseller: 3), at: 4)) == 1)
        // A profile not on screen rings too, from its overview row.
        #expect(rings(arrive(&app, state(showing: two.main, main: 6, reseller: 4), at: 5)) == 1)
        #expect(rings(arrive(&app, state(showing: two.main, main: 6, reseller: 4), at: 6)) == 0)
    }

    /// Replies are taken per profile: an answer on one profile never makes another profile's
    /// later answer look already taken.
    @Test func aReplyOnOneProfileDoesNotHideAnotherProfilesReply() async {
        let two = await twoProfiles(at: now)
        // Request 5 goes to main; request 6 to reseller; reseller's answer comes first.
        var ui = UIState()
        ui.requests.record(5, .flash("main's answer"))
        ui.requests.record(6, .flash("reseller's answer"))
        var app = DashboardDriver(ui: ui, snapshot: two.main)
        var reseller = two.reseller
        reseller.replies = [Reply(id: 6, command: .states(countryCode: "US"), outcome: .done(.none))]
        _ = arrive(&app, reseller, at: 1)
        #expect(app.ui.requests.awaiting(6) == nil)
        var main = two.main
        main.version += 100
        main.replies = [Reply(id: 5, command: .states(countryCode: "US"), outcome: .done(.none))]
        _ = arrive(&app, main, at: 2)
        #expect(app.ui.requests.awaiting(5) == nil, "main's reply was skipped")
    }

    /// The new profile has its own poller and history: what the screen needs is asked of it too.
    @Test func whatTheScreenNeedsIsAskedAgainOfTheNewProfile() async {
        let two = await twoProfiles(at: now)
        var app = DashboardDriver(ui: UIState(), snapshot: two.main)
        #expect(press(&app, [.character("6")], at: 1).contains(.need(.whitelist)))
        #expect(!arrive(&app, two.main, at: 2).contains(.need(.whitelist)))
        #expect(arrive(&app, two.reseller, at: 3).contains(.need(.whitelist)))
        _ = press(&app, [.character("2")], at: 4)
        let flow = arrive(&app, two.main, at: 5)
        #expect(flow.contains(.showFlow("alpha")), "\(flow)")
    }
}
