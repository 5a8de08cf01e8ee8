import Foundation
import Monitor
import ProxyLiteAPI

extension UIState {
    /// Applies one key. `bodyRows` is the height of the pane area, for page moves; `tabAt` maps a
    /// mouse column on the tab row to a tab.
    public mutating func handle(
        _ key: Key, snapshot: Snapshot, lists: VisibleLists, bodyRows: Int, now: Date, layout: ScreenLayout
    ) -> [Effect] {
        // What the key says in the flash line is written now, in the language on screen.
        Language.$current.withValue(language) {
            handleInLanguage(key, snapshot: snapshot, lists: lists, bodyRows: bodyRows, now: now, layout: layout)
        }
    }

    private mutating func handleInLanguage(
        _ key: Key, snapshot: Snapshot, lists: VisibleLists, bodyRows: Int, now: Date, layout: ScreenLayout
    ) -> [Effect] {
        // The open pane's keys act on the rows it shows: a server query's, where one is shown.
        let snapshot = serverQueries.overlay(snapshot, tab: tab)
        if case .paste(let text) = key { return handlePaste(text, snapshot: snapshot, lists: lists, bodyRows: bodyRows, now: now) }
        switch modals.last {
        case .dialog: return handleDialog(key, snapshot: snapshot, bodyRows: bodyRows, now: now)
        case .prompt: return handlePrompt(key, now: now, lists: lists, snapshot: snapshot)
        case .overlay, nil: break
        }
        if overlay != .none {
            let closing = GlobalKeys.all.filter { $0.id == "help" || $0.id == "quit" }.flatMap(keyMap.keys)
            switch key {
            case .escape, .enter, .mouse,
                _ where closing.contains(key):
                overlay = .none
                revealPassword = false
            case .character("p"):
                if case .accountDetail = overlay { revealPassword.toggle() }
            case .character("w"):
                if case .accountDetail = overlay { accountsPane.intradayWeek.toggle() }
            default: break
            }
            return focusEffect(snapshot, lists)
        }
        if case .mouse(let event) = key { return handleMouse(event, snapshot: snapshot, lists: lists, layout: layout) }
        var input = KeyInput(key: key, snapshot: snapshot, lists: lists, now: now, bodyRows: bodyRows, layout: layout)
        // The pane's own table first: a pane binds a global key only to give it a meaning there.
        if let (action, slot) = Self.find(key, in: Panes.pane(tab).keys, keyMap) {
            input.slot = slot
            let effects = run(action, input)
            refuseWriteDialog(snapshot, now: now)
            return effects
        }
        if let (action, slot) = Self.find(key, in: GlobalKeys.all, keyMap) {
            input.slot = slot
            return action.run(&self, input)
        }
        return []
    }

    /// The action of `table` that answers to `key` under `map`, and which of its keys it is.
    private static func find(_ key: Key, in table: [KeyAction], _ map: KeyMap) -> (KeyAction, Int)? {
        for action in table {
            if let slot = map.keys(action).firstIndex(of: key) { return (action, slot) }
        }
        return nil
    }

    /// Runs a bound action unless read-only mode or an unreadable row refuses it, saying why.
    private mutating func run(_ action: KeyAction, _ input: KeyInput) -> [Effect] {
        if action.binding.writes, input.snapshot.readOnly {
            say(UIText.readOnlyRefused(action.binding.action), role: .warning, now: input.now)
            return []
        }
        if let refusal = action.refusal(self, input) {
            say(refusal, role: .warning, now: input.now)
            return []
        }
        return action.run(&self, input)
    }

    /// After a move: the Flow pane and the account details follow the focused account.
    func followFocus(_ input: KeyInput) -> [Effect] {
        tab == .flow || tab == .accounts ? focusEffect(input.snapshot, input.lists) : []
    }

    mutating func handlePrompt(_ key: Key, now: Date, lists: VisibleLists, snapshot: Snapshot) -> [Effect] {
        guard var current = prompt else { return [] }
        switch key {
        case .enter:
            apply(current.text, to: current.tab)
            prompt = nil
            if current.tab == .accounts { accounts = TableState() } else { staticIPs = TableState() }
            say(current.text.isEmpty ? UIText.filterCleared() : UIText.filterSet(current.text), now: now)
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
        let pane = Panes.pane(tab)
        guard let table = pane.table else { return }
        self[keyPath: table].move(by: delta, count: pane.rowCount(lists))
    }

    /// `u` in the Static IPs and Whitelist panes: both lists' marks go.
    mutating func clearListMarks(now: Date) {
        ipMarks.removeAll()
        whitelistMarks.removeAll()
        say(UIText.marksCleared(), now: now)
    }

    /// `*`: marks every row shown, or, when they all are, unmarks them; says which it did.
    static func toggleAll(_ shown: [String], in marks: inout Set<String>) -> String {
        if !shown.isEmpty, shown.allSatisfy(marks.contains) {
            marks.subtract(shown)
            return UIText.markAllUnmarked(shown.count)
        }
        marks.formUnion(shown)
        return UIText.markAllMarked(shown.count, marks.count)
    }

    /// The action a key would take in `tab` if it is a write, from the pane's key table.
    static func writeBinding(_ key: Key, _ tab: Tab) -> String? {
        Panes.pane(tab).keys.first { $0.binding.writes && $0.keys.contains(key) }?.binding.action
    }

    private mutating func handleMouse(
        _ event: MouseEvent, snapshot: Snapshot, lists: VisibleLists, layout: ScreenLayout
    )
        -> [Effect]
    {
        let bannerRows = serverQueries.isShown(tab) ? 1 : 0
        switch event.kind {
        case .wheelUp: move(-3, lists)
        case .wheelDown: move(3, lists)
        case .press:
            if event.y == layout.tabs.y, let hit = layout.tabBar(current: tab).hits.first(where: { $0.range.contains(event.x) }) {
                tab = hit.tab
            } else if event.y >= layout.tableRowsTop + bannerRows, event.y < layout.body.maxY {
                let line = event.y - layout.tableRowsTop - bannerRows
                let pane = Panes.pane(tab)
                if pane.rowsClickable, let table = pane.table { self[keyPath: table].selected = self[keyPath: table].offset + line }
                move(0, lists)
            }
        }
        return focusEffect(snapshot, lists)
    }

    func focusEffect(_ snapshot: Snapshot, _ lists: VisibleLists) -> [Effect] {
        guard tab == .flow || overlay != .none else { return [] }
        return [.showFlow(focusedAccount(snapshot, lists)?.account.username)]
    }
}
