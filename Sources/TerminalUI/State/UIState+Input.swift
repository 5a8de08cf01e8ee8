import Foundation
import Monitor
import ProxyLiteAPI

extension UIState {
    /// Applies one key. `bodyRows` is the height of the pane area, for page moves; `tabAt` maps a
    /// mouse column on the tab row to a tab.
    public mutating func handle(
        _ key: Key, snapshot: Snapshot, lists: VisibleLists, bodyRows: Int, now: Date, layout: ScreenLayout
    ) -> [Effect] {
        if case .paste(let text) = key { return handlePaste(text, snapshot: snapshot, lists: lists, bodyRows: bodyRows, now: now) }
        if dialog != nil { return handleDialog(key, snapshot: snapshot, bodyRows: bodyRows, now: now) }
        if prompt != nil { return handlePrompt(key, now: now, lists: lists, snapshot: snapshot) }
        if overlay != .none {
            switch key {
            case .escape, .enter, .character("q"), .character("?"), .mouse:
                overlay = .none
                revealPassword = false
            case .character("p"):
                if case .accountDetail = overlay { revealPassword.toggle() }
            default: break
            }
            return focusEffect(snapshot, lists)
        }
        let page = max(1, bodyRows - 3)
        switch key {
        case .character("q"):
            if !writesSending.isEmpty {
                dialog = .quit(ConfirmQuit(sending: writesSending.count))
                return []
            }
            return [.quit]
        case .character("?"): overlay = .help
        case .character("r"):
            say("Refreshing…", now: now, seconds: 2)
            return [.refresh]
        case .control("l"): return [.repaint]
        case .character(let c) where ("1"..."8").contains(c):
            tab = Tab(rawValue: Int(String(c))!)!  // 1…8 checked above
            return focusEffect(snapshot, lists)
        case .tab:
            tab = tab.next
            return focusEffect(snapshot, lists)
        case .backTab:
            tab = tab.previous
            return focusEffect(snapshot, lists)
        case .up: move(-1, lists)
        case .down: move(1, lists)
        case .pageUp: move(-page, lists)
        case .pageDown: move(page, lists)
        case .home: move(-Int.max / 2, lists)
        case .end: move(Int.max / 2, lists)
        case .mouse(let event): return handleMouse(event, snapshot: snapshot, lists: lists, layout: layout)
        default:
            let effects = handlePaneKey(key, snapshot: snapshot, lists: lists, now: now)
            refuseWriteDialog(snapshot, now: now)
            return effects
        }
        return tab == .flow || tab == .accounts ? focusEffect(snapshot, lists) : []
    }

    private mutating func handlePaneKey(_ key: Key, snapshot: Snapshot, lists: VisibleLists, now: Date) -> [Effect] {
        if let binding = Self.writeBinding(key, tab), snapshot.readOnly {
            say("Read-only mode: \(binding) is off (started with --read-only or read_only = true).", role: .warning, now: now)
            return []
        }
        if let refusal = identityRefusal(key, snapshot: snapshot, lists: lists) {
            say(refusal, role: .warning, now: now)
            return []
        }
        switch (tab, key) {
        case (.accounts, .character(" ")):
            toggleMark(focusedAccount(snapshot, lists)?.account.username, lists: lists)
        case (.accounts, .character("*")):
            let rows = snapshot.accounts.value ?? []
            // Rows without a readable username are left out: they cannot be acted on.
            let named = lists.accounts.lazy.map { rows[$0].account }.filter(\.hasIdentity).map(\.username)
            say(Self.toggleAll(Array(named), in: &accountMarks), now: now)
        case (.staticIPs, .character("*")):
            let ips = snapshot.staticIPs.value ?? []
            say(Self.toggleAll(lists.staticIPs.lazy.map { ips[$0] }.filter(\.hasIdentity).map(\.identity), in: &ipMarks), now: now)
        case (.whitelist, .character("*")):
            let ips = snapshot.whitelist.value ?? []
            say(Self.toggleAll(lists.whitelist.lazy.map { ips[$0] }.filter(\.hasIdentity).map(\.ip), in: &whitelistMarks), now: now)
        case (.accounts, .character("u")):
            accountMarks.removeAll()
            say("Marks cleared.", now: now)
        case (.accounts, .character("a")): openAddForm(snapshot: snapshot)
        case (.accounts, .character("e")): setEnabled(true, snapshot: snapshot, lists: lists, now: now)
        case (.accounts, .character("d")): setEnabled(false, snapshot: snapshot, lists: lists, now: now)
        case (.accounts, .character("D")): deleteAccounts(snapshot: snapshot, lists: lists, now: now)
        case (.accounts, .character("l")): openLimitForm(snapshot: snapshot, lists: lists, now: now)
        case (.accounts, .character("c")): openEditForm(snapshot: snapshot, lists: lists, now: now)
        case (_, .character("y")): return inspect(snapshot, lists, now: now)
        case (.staticIPs, .character(" ")):
            if staticIPs.selected < lists.staticIPs.count, let ips = snapshot.staticIPs.value {
                let ip = ips[lists.staticIPs[staticIPs.selected]].identity
                if ipMarks.remove(ip) == nil { ipMarks.insert(ip) }
                move(1, lists)
            }
        case (.staticIPs, .character("u")), (.whitelist, .character("u")):
            ipMarks.removeAll()
            whitelistMarks.removeAll()
            say("Marks cleared.", now: now)
        case (.staticIPs, .character("R")): openRenewal(snapshot, lists, now: now)
        case (.orders, .character("c")): closeOrder(snapshot, lists, now: now)
        case (.packages, .character("f")): cyclePackageType(snapshot, now: now)
        case (.whitelist, .character("a")): openWhitelistForm(snapshot)
        case (.whitelist, .character("D")): deleteWhitelisted(snapshot, lists, now: now)
        case (.whitelist, .character(" ")):
            if whitelist.selected < lists.whitelist.count, let ips = snapshot.whitelist.value {
                let ip = ips[lists.whitelist[whitelist.selected]].ip
                if whitelistMarks.remove(ip) == nil { whitelistMarks.insert(ip) }
                move(1, lists)
            }
        case (.extract, .enter), (.extract, .character("e")): openExtractionForm(snapshot)
        case (.extract, .character("w")): openSaveForm(now: now)
        case (.products, .enter): openProductDetail(snapshot, lists)
        case (.accounts, .character("/")):
            prompt = FilterPrompt(tab: .accounts, text: accountFilter, previous: accountFilter)
        case (.staticIPs, .character("/")):
            prompt = FilterPrompt(tab: .staticIPs, text: staticIPFilter, previous: staticIPFilter)
        case (.accounts, .escape):
            if !accountFilter.isEmpty {
                accountFilter = ""
                say("Filter cleared", now: now)
            }
        case (.staticIPs, .escape):
            if !staticIPFilter.isEmpty {
                staticIPFilter = ""
                say("Filter cleared", now: now)
            }
        case (.accounts, .character("s")):
            let next = AccountColumn(rawValue: (accountSort.column.rawValue + 1) % AccountColumn.allCases.count)!  // wraps
            accountSort = AccountSort(column: next)
            say("Sorted by \(next.title) \(accountSort.descending ? "↓" : "↑")", now: now)
        case (.accounts, .character("S")):
            accountSort.descending.toggle()
            say("Sorted by \(accountSort.column.title) \(accountSort.descending ? "↓" : "↑")", now: now)
        case (.accounts, .enter):
            if let row = focusedAccount(snapshot, lists) {
                overlay = .accountDetail(username: row.account.username)
                return [.showFlow(row.account.username)]
            }
        case (.staticIPs, .enter):
            if staticIPs.selected < lists.staticIPs.count, let ips = snapshot.staticIPs.value {
                overlay = .staticIPDetail(identity: ips[lists.staticIPs[staticIPs.selected]].identity)
            }
        case (.orders, .character("f")):
            let cycle: [OrderStatus?] = [nil, .unpaid, .paid, .cancelled, .refunded]
            let index = cycle.firstIndex { $0 == orderStatusFilter } ?? 0
            orderStatusFilter = cycle[(index + 1) % cycle.count]
            say("Orders: \(orderStatusFilter?.description ?? "all statuses")", now: now)
        case (.flow, .character("[")):
            flowDays = flowDays == 90 ? 30 : 7
        case (.flow, .character("]")):
            flowDays = flowDays == 7 ? 30 : 90
        default: break
        }
        return []
    }

    mutating func handlePrompt(_ key: Key, now: Date, lists: VisibleLists, snapshot: Snapshot) -> [Effect] {
        guard var current = prompt else { return [] }
        switch key {
        case .enter:
            apply(current.text, to: current.tab)
            prompt = nil
            if current.tab == .accounts { accounts = TableState() } else { staticIPs = TableState() }
            say(current.text.isEmpty ? "Filter cleared" : "Filter: \(current.text)", now: now)
        case .escape:
            apply(current.previous, to: current.tab)
            prompt = nil
        case .backspace, .delete:
            if !current.text.isEmpty { current.text.removeLast() }
            prompt = current
            apply(current.text, to: current.tab)
        case .control("u"):
            current.text = ""
            prompt = current
            apply("", to: current.tab)
        case .character(let c) where !c.isNewline && current.text.count < 64:
            current.text.append(c)
            prompt = current
            apply(current.text, to: current.tab)
        default: break
        }
        return []
    }

    /// Filters apply as they are typed, so the count in the title answers before Enter.
    private mutating func apply(_ text: String, to tab: Tab) {
        if tab == .accounts { accountFilter = text } else { staticIPFilter = text }
    }

    mutating func move(_ delta: Int, _ lists: VisibleLists) {
        switch tab {
        case .accounts, .flow: accounts.move(by: delta, count: lists.accounts.count)
        case .staticIPs: staticIPs.move(by: delta, count: lists.staticIPs.count)
        case .orders: orders.move(by: delta, count: lists.orders.count)
        case .packages: packages.move(by: delta, count: lists.packages.count)
        case .whitelist: whitelist.move(by: delta, count: lists.whitelist.count)
        case .products: products.move(by: delta, count: lists.products.count)
        case .extract: break
        }
    }

    /// `*`: marks every row shown, or, when they all are, unmarks them; says which it did.
    private static func toggleAll(_ shown: [String], in marks: inout Set<String>) -> String {
        if !shown.isEmpty, shown.allSatisfy(marks.contains) {
            marks.subtract(shown)
            return "Unmarked \(shown.count)."
        }
        marks.formUnion(shown)
        return "Marked \(shown.count) shown; \(marks.count) in all."
    }

    /// The action a key would take in `tab` if it is a write, from the binding table.
    static func writeBinding(_ key: Key, _ tab: Tab) -> String? {
        guard case .character(let c) = key else { return nil }
        return KeyBinding.all.first { $0.writes && $0.scope == .pane(tab) && $0.keys.split(separator: " ").contains(Substring(String(c))) }?
            .action
    }

    private mutating func handleMouse(
        _ event: MouseEvent, snapshot: Snapshot, lists: VisibleLists, layout: ScreenLayout
    )
        -> [Effect]
    {
        switch event.kind {
        case .wheelUp: move(-3, lists)
        case .wheelDown: move(3, lists)
        case .press:
            if event.y == layout.tabs.y, let hit = layout.tabHits.first(where: { $0.range.contains(event.x) }) {
                tab = hit.tab
            } else if event.y >= layout.tableRowsTop, event.y < layout.body.maxY {
                let line = event.y - layout.tableRowsTop
                switch tab {
                case .accounts: accounts.selected = accounts.offset + line
                case .staticIPs: staticIPs.selected = staticIPs.offset + line
                case .orders: orders.selected = orders.offset + line
                case .packages: packages.selected = packages.offset + line
                case .whitelist: whitelist.selected = whitelist.offset + line
                case .products: products.selected = products.offset + line
                case .flow, .extract: break
                }
                move(0, lists)
            }
        }
        return focusEffect(snapshot, lists)
    }

    private func focusEffect(_ snapshot: Snapshot, _ lists: VisibleLists) -> [Effect] {
        guard tab == .flow || overlay != .none else { return [] }
        return [.showFlow(focusedAccount(snapshot, lists)?.account.username)]
    }
}
