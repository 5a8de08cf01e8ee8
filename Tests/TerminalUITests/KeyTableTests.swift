import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// The key tables are the dispatch: every binding has its handler and reaches it, and every key
/// a pane reacts to is in a table (so in help, the footer and the read-only guard).
@Suite struct KeyTableTests {
    let layout = ScreenLayout(width: 120, height: 40)
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Every kind of record, as the simulator serves them.
    func snapshot() async throws -> Snapshot { try await everyKindOfRecord(at: now) }

    /// Every printable key and every special key a keyboard sends.
    static let keys: [Key] =
        (0x20...0x7E).map { .character(Character(UnicodeScalar($0)!)) }
        + [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace, .delete,
            .function(1), .function(5),
        ] + "abcdefghijklmnopqrstuvwxyz".map { .control($0) }

    func press(_ key: Key, _ ui: inout UIState, _ data: Snapshot) -> [Effect] {
        ui.handle(key, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now, layout: layout)
    }

    /// What a key changed, as text: the state after it and the effects it asked for.
    func outcome(_ key: Key, in tab: Tab, _ data: Snapshot, filtered: Bool = false) -> String {
        var ui = UIState()
        ui.tab = tab
        if filtered {
            ui.accountFilter = "x"
            ui.staticIPFilter = "x"
            // And a server query's answer on screen, which Esc clears too.
            if let (query, result) = Self.serverQuery(tab) {
                ui.serverQueries.ask(query, profile: data.profiles.active)
                ui.serverQueries.show(query, result, profile: data.profiles.active, at: now)
            }
        }
        let effects = press(key, &ui, data)
        return String(reflecting: ui) + String(reflecting: effects)
    }

    /// An empty answer to a server query of `tab`'s pane, for the panes that have one.
    static func serverQuery(_ tab: Tab) -> (ServerQuery, ServerQueryResult)? {
        switch tab {
        case .orders: return (.orders(OrderQuery(status: .paid)), .orders([]))
        case .staticIPs: return (.staticIPs(StaticIPFilter(countryCode: "US")), .staticIPs([]))
        case .packages: return (.packages(PackageFilter(tradeNo: "1")), .packages([]))
        case .flow: return (.flow(FlowQuery(productType: .staticDatacenterIP)), .flow([]))
        default: return nil
        }
    }

    @Test func theRegistryListsEveryPaneOnceInTabOrder() {
        // A pane's number is its place in the registry: the number keys and the tab labels say so.
        #expect(Tab.allCases.map(\.rawValue) == Array(1...Panes.all.count))
        #expect(Set(Panes.all.map { $0.id }).count == Panes.all.count)
        // The number keys follow the registry.
        let numbers = GlobalKeys.all.first { $0.id == "switch-pane" }?.keys ?? []
        #expect(numbers == ["1", "2", "3", "4", "5", "6", "7", "8", "9"].map { Key.character(Character($0)) })
    }

    /// A binding whose keys an earlier binding of the same table takes could never run.
    @Test func everyBindingHasKeysAndEachKeyReachesItsOwnHandler() {
        let tables: [(String, [KeyAction])] = [("global", GlobalKeys.all)] + Panes.all.map { ("\($0.tab)", $0.keys) }
        for (name, table) in tables {
            for action in table {
                #expect(!action.keys.isEmpty, "\(name): \(action.binding.action) answers no key")
                for key in action.keys {
                    let first = table.first { $0.keys.contains(key) }
                    #expect(first?.binding == action.binding, "\(name): \(key) is bound twice")
                }
            }
        }
    }

    /// Pane keys are looked up first, so a pane must not take a global key by accident.
    @Test func aPaneTakesAGlobalKeyOnlyWhereItMeansToOverrideIt() {
        let global = Set(GlobalKeys.all.flatMap(\.keys))
        let allowed = { (action: KeyAction) in
            Set(GlobalKeys.all.filter { action.overrides.contains($0.id) }.flatMap(\.keys))
        }
        for pane in Panes.all {
            for action in pane.keys {
                let taken = Set(action.keys).intersection(global).subtracting(allowed(action))
                #expect(taken.isEmpty, "\(pane.tab).\(action.id) takes global keys \(taken)")
            }
        }
        // The one that does: the Flow pane's arrows choose whose traffic is shown.
        #expect(Panes.all.flatMap { $0.keys }.filter { !$0.overrides.isEmpty }.map(\.id) == ["choose"])
    }

    /// The other direction: a key that does anything in a pane is in that pane's table or the
    /// global one. (Before the tables carried the handlers, `y` in Flow and Products acted
    /// without being listed anywhere.)
    @Test func everyKeyThatActsIsBound() async throws {
        let data = try await snapshot()
        for tab in Tab.allCases {
            let idle = outcome(.character("\u{7F}"), in: tab, data)  // DEL: bound nowhere
            let bound = Set((GlobalKeys.all + Panes.pane(tab).keys).flatMap(\.keys))
            for key in Self.keys where !bound.contains(key) {
                #expect(outcome(key, in: tab, data) == idle, "\(tab): \(key) acts but is bound nowhere")
            }
        }
    }

    /// Each binding of each pane does something when pressed with data on screen (and a filter
    /// set, for the keys that clear one).
    @Test func everyBoundKeyDoesSomething() async throws {
        let data = try await snapshot()
        for pane in Panes.all {
            for action in pane.keys {
                let acted = action.keys.contains { key in
                    let filtered = key == .escape
                    return outcome(key, in: pane.tab, data, filtered: filtered)
                        != outcome(.character("\u{7F}"), in: pane.tab, data, filtered: filtered)
                }
                #expect(acted, "\(pane.tab): \(action.binding.keys) (\(action.binding.action)) did nothing")
            }
        }
    }

    /// A pane-specific type (named for its pane) lives in that pane's folder.
    @Test func noPaneSpecificTypeLivesOutsideItsFolder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TerminalUI")
        let prefixes: [String: [String]] = [
            "Accounts": ["Account"], "Flow": ["Flow"], "StaticIPs": ["StaticIP", "Renewal"], "Orders": ["Order"],
            "Packages": ["Package"], "Whitelist": ["Whitelist"], "Extract": ["Extract"], "Products": ["Product"],
            "Alerts": ["Alert"], "Profiles": ["Profile"],
        ]
        let declaration = try Regex(#"(?m)^(?:public |package |private |fileprivate )?(?:final )?(?:struct|enum|class|protocol) (\w+)"#)
        var found = 0
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: declaration) {
                guard let name = match.output[1].substring.map(String.init) else { continue }
                for (folder, names) in prefixes where names.contains(where: name.hasPrefix) {
                    found += 1
                    #expect(file.hasPrefix("Panes/\(folder)/"), "\(name) is declared in \(file), outside Panes/\(folder)/")
                }
            }
        }
        #expect(found >= 8)  // the scan saw the panes' own types
        #expect(!files.contains { ($0 as NSString).lastPathComponent.hasPrefix("UIState+") })
    }
}
