import Foundation
import Monitor
import ProxyLiteAPI

/// Everything about the screen that is not data: the pane, selections, filters, sort, overlays.
/// It changes only through `handle(_:…)`, and is clamped before each render so that drawing
/// never needs to change it.
public struct UIState: Sendable {
    public enum Overlay: Sendable, Equatable {
        case none, help
        case accountDetail(username: String)
        /// A static IP by `StaticIP.identity`.
        case staticIPDetail(identity: String)
    }

    /// A filter being typed; Enter applies it, Esc puts the old one back.
    public struct FilterPrompt: Sendable, Equatable {
        public var tab: Tab
        public var text: String
        public var previous: String
    }

    public struct Flash: Sendable, Equatable {
        public var text: String
        public var role: ColorRole
        public var until: Date
    }

    public var tab: Tab = .accounts
    /// The language every text on screen is written in (flash messages too, when they are made).
    public var language: Language = .en
    /// Each pane's own state, declared in its folder (`Panes/<Name>/<Name>State.swift`).
    public var accountsPane = AccountsState()
    public var flowPane = FlowState()
    public var staticIPsPane = StaticIPsState()
    public var ordersPane = OrdersState()
    public var packagesPane = PackagesState()
    public var whitelistPane = WhitelistState()
    public var extractPane = ExtractState()
    public var productsPane = ProductsState()
    public var alertsPane = AlertsState()
    public var profilesPane = ProfilesState()
    /// Filtered lists asked of the provider (`F`), shown in their panes until cleared.
    public var serverQueries = ServerQueries()
    /// What covers the panes, bottom to top: an overlay (help, details), a filter being typed, a
    /// dialog (forms, confirmations, waiting, text, the pane picker). Keys go to the top one and
    /// the screen draws them in order; `overlay`, `prompt` and `dialog` read and set their layer.
    public private(set) var modals: [Modal] = []

    public enum Modal: Sendable, Equatable {
        case overlay(Overlay)
        case prompt(FilterPrompt)
        case dialog(Dialog)

        /// Where a layer sits: overlays lowest, dialogs on top.
        var level: Int {
            switch self {
            case .overlay: return 0
            case .prompt: return 1
            case .dialog: return 2
            }
        }
    }

    /// The filter being typed, if any.
    public var prompt: FilterPrompt? {
        get { modals.lazy.compactMap { if case .prompt(let p) = $0 { p } else { nil } }.last }
        set { setLayer(newValue.map(Modal.prompt), level: 1) }
    }
    /// The keys, with the config's choices (`[keys.<pane>]`) over the built-in ones.
    public var keyMap = KeyMap()
    public var overlay: Overlay {
        get { modals.lazy.compactMap { if case .overlay(let o) = $0 { o } else { nil } }.last ?? .none }
        set { setLayer(newValue == .none ? nil : .overlay(newValue), level: 0) }
    }
    public var flash: Flash?
    /// The tables of panes added to the registry from outside (`Panes.added`), by tab.
    public var addedTables: [Tab: TableState] = [:]

    public subscript(table tab: Tab) -> TableState {
        get { addedTables[tab] ?? TableState() }
        set { addedTables[tab] = newValue }
    }
    /// A dialog on top of everything, taking every key until it closes.
    public var dialog: Dialog? {
        get { modals.lazy.compactMap { if case .dialog(let d) = $0 { d } else { nil } }.last }
        set { setLayer(newValue.map(Modal.dialog), level: 2) }
    }
    /// Keeps input typed ahead of the open dialog from answering it.
    public var dialogGuard: DialogGuard?
    /// The address the user's SSH session comes from, for "add my IP" (from SSH_CLIENT).
    public var sshClientIP: String?
    /// Commands sent and not answered yet, with what to do with each answer.
    public var requests = RequestLedger()

    public init() {}

    /// Puts `modal` in its layer (one per layer), or clears the layer; the stack stays in order.
    private mutating func setLayer(_ modal: Modal?, level: Int) {
        modals.removeAll { $0.level == level }
        guard let modal else { return }
        let at = modals.firstIndex { $0.level > level } ?? modals.endIndex
        modals.insert(modal, at: at)
    }

    /// The account whose traffic the flow pane and the detail view show.
    public func focusedAccount(_ snapshot: Snapshot, _ lists: VisibleLists) -> AccountRow? {
        if case .accountDetail(let name) = overlay { return snapshot.accounts.value?.first { $0.account.username == name } }
        // As the screen will show it: a selection past the end of a list that shrank is the last row.
        guard let rows = snapshot.accounts.value, !lists.accounts.isEmpty else { return nil }
        let index = lists.accounts[min(max(0, accounts.selected), lists.accounts.count - 1)]
        return rows.indices.contains(index) ? rows[index] : nil
    }

    /// Keeps selections within the lists and visible in a body of `bodyRows` rows.
    public mutating func clamp(_ lists: VisibleLists, bodyRows: Int) {
        // The pane title and the table header, and a server query's banner where one is shown.
        let visible = max(0, bodyRows - 2 - (serverQueries.isShown(tab) ? 1 : 0))
        for pane in Panes.all {
            if let table = pane.table { self[keyPath: table].clamp(count: pane.rowCount(lists), visible: visible) }
        }
        if let current = flash, current.until <= Date() { flash = nil }
    }

    mutating func say(_ text: String, role: ColorRole = .flash, now: Date, seconds: TimeInterval = 4) {
        flash = Flash(text: text, role: role, until: now.addingTimeInterval(seconds))
    }
}

/// What a key asks of the world outside the UI state.
public enum Effect: Sendable, Equatable {
    case quit
    case refresh
    case repaint
    /// Follow this account's daily traffic (nil: none).
    case showFlow(String?)
    /// Send a command to `profile`'s account: the profile whose snapshot was on screen when the
    /// user confirmed it. Its reply comes back in that profile's snapshot, under `id`.
    case run(id: Int, Command, profile: String)
    /// Show the profile of this name from now on; until its snapshot arrives the old one stays.
    case switchProfile(String)
    /// Start polling data a pane needs (once; later calls do nothing).
    case need(Resource)
    /// Write `contents` to `path` (the extracted endpoints); the loop reports how it went.
    case writeFile(path: String, contents: String)
    /// The accounts the Accounts pane shows now: history computes their sparklines.
    case sparklines([String])
    /// The account whose details are open (nil: none): history computes its intraday series.
    case intraday(String?)
    /// The user acknowledged this alert.
    /// (Alert ids are per profile's database: the profile the alert was shown for goes with it.)
    case acknowledge(alertID: Int64, profile: String)
    /// Alerts were raised since the last snapshot: ring the bell and/or send a desktop
    /// notification, as the options say (the terminal backend does; nothing else needs to).
    case notify([Alert])
}

/// What to do with the reply to a command.
public enum Awaiting: Sendable, Equatable {
    /// Say how it went in the flash line.
    case flash(String)
    /// A renewal preview: show the price and offer to create the order.
    case quote(OrderRequest, ips: [String])
    /// A purchase or package-renewal preview: show the price and offer to create the order.
    case orderPreview(PricePreview)
    /// An order created: show its trade number.
    case order
    case inspect(String)
    case extract
    case cities
    case areas(String)
    /// A whitelist removal that may come back asking for a verification code.
    case whitelistDelete([String])
    /// A server query: its rows replace the pane's list.
    case serverQuery(ServerQuery)
}
