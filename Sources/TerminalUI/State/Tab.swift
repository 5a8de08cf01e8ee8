import Monitor

/// A pane's place in the tab row: its number, from the registry (`Panes.all`). A pane added to
/// the registry takes the next number; nothing else lists the panes.
public struct Tab: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: Int

    /// The pane numbered `rawValue` in the registry, or nil when there is none.
    public init?(rawValue: Int) {
        guard Panes.all.contains(where: { $0.tab.rawValue == rawValue }) else { return nil }
        self.rawValue = rawValue
    }

    /// For the panes' own declarations (and panes added from outside, such as tests).
    package init(number: Int) { rawValue = number }

    public static let accounts = Tab(number: 1)
    public static let flow = Tab(number: 2)
    public static let staticIPs = Tab(number: 3)
    public static let orders = Tab(number: 4)
    public static let packages = Tab(number: 5)
    public static let whitelist = Tab(number: 6)
    public static let extract = Tab(number: 7)
    public static let products = Tab(number: 8)
    public static let alerts = Tab(number: 9)
    public static let profiles = Tab(number: 10)

    /// Every pane's tab, in order.
    public static var allCases: [Tab] { Panes.all.map { $0.tab } }

    /// The pane's name in the language being drawn.
    public var title: String { TabTitles.keys(self).map { $0.full() } ?? Panes.pane(self).title }

    /// For narrow terminals.
    public var shortTitle: String { TabTitles.keys(self).map { $0.short() } ?? Panes.pane(self).shortTitle }

    /// Data polled only once this pane has been opened.
    public var onDemand: [Resource] { Panes.pane(self).onDemand }

    public var next: Tab { step(1) }  // wraps to the first
    public var previous: Tab { step(-1) }  // wraps to the last

    private func step(_ by: Int) -> Tab {
        let all = Tab.allCases
        guard let index = all.firstIndex(of: self) else { return all.first ?? self }
        return all[(index + by + all.count) % all.count]
    }

    public var description: String { Panes.all.first { $0.tab == self }.map { $0.id } ?? "tab \(rawValue)" }

    public static func < (a: Tab, b: Tab) -> Bool { a.rawValue < b.rawValue }
}
