import Monitor

/// Where each part of the dashboard goes at a given size.
public struct ScreenLayout: Sendable {
    public static let minimumWidth = 60
    public static let minimumHeight = 12

    public let width: Int
    public let height: Int
    public let header: Rect
    public let tabs: Rect
    public let body: Rect
    public let flash: Rect
    public let footer: Rect
    /// The first row of table data in the body (below the pane title and the column header).
    public var tableRowsTop: Int { body.y + 2 }
    /// Columns of each tab label on the tab row, for mouse clicks.
    public let tabHits: [(tab: Tab, range: Range<Int>)]

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// Counts shown in tab labels (`Alerts (2)`), by tab: clicks on the tab row must find the
    /// labels where they were drawn.
    public let badges: [Tab: String]
    /// Tabs the tab row leaves out unless they are current (the overview with one profile).
    public let hidden: Set<Tab>

    /// The layout the screen is drawn in for `snapshot`: its tab labels' counts and hidden tabs.
    public init(width: Int, height: Int, snapshot: Snapshot) {
        self.init(width: width, height: height, badges: Panes.badges(snapshot), hidden: Panes.hidden(snapshot))
    }

    public init(width: Int, height: Int, badges: [Tab: String] = [:], hidden: Set<Tab> = []) {
        self.badges = badges
        self.hidden = hidden
        self.width = width
        self.height = height
        header = Rect(x: 0, y: 0, width: width, height: 1)
        tabs = Rect(x: 0, y: 1, width: width, height: 1)
        body = Rect(x: 0, y: 2, width: width, height: max(0, height - 4))
        flash = Rect(x: 0, y: max(0, height - 2), width: width, height: 1)
        footer = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
        let bar = TabBar(current: Tab.allCases[0], width: width, badges: badges, hidden: hidden)
        labelStyle = bar.style
        tabHits = bar.hits
    }

    /// The tab row with `current` in view.
    public func tabBar(current: Tab) -> TabBar { TabBar(current: current, width: width, badges: badges, hidden: hidden) }

    public enum TabLabelStyle: Sendable { case full, short }
    public let labelStyle: TabLabelStyle

    static func labelsWidth(_ style: TabLabelStyle, badges: [Tab: String] = [:], tabs: [Tab] = Tab.allCases) -> Int {
        tabs.reduce(0) { $0 + DisplayWidth.columns(tabLabel($1, style, badge: badges[$1])) + 1 }
    }

    static func tabLabel(_ tab: Tab, _ style: TabLabelStyle = .full, badge: String? = nil) -> String {
        let count = badge.map { style == .full ? " (\($0))" : " \($0)" } ?? ""
        switch style {
        case .full: return " \(tab.rawValue) \(tab.title)\(count) "
        case .short: return " \(tab.rawValue) \(tab.shortTitle)\(count) "
        }
    }
}
