import Monitor

/// The panes of the dashboard, in tab order.
public enum Tab: Int, Sendable, Hashable, CaseIterable {
    case accounts = 1, flow, staticIPs, orders, packages, whitelist, extract, products

    public var title: String { Panes.pane(self).title }

    /// For narrow terminals.
    public var shortTitle: String { Panes.pane(self).shortTitle }

    /// Data polled only once this pane has been opened.
    public var onDemand: [Resource] { Panes.pane(self).onDemand }

    public var next: Tab { Tab(rawValue: rawValue % Tab.allCases.count + 1)! }  // wraps to 1
    public var previous: Tab { Tab(rawValue: (rawValue + Tab.allCases.count - 2) % Tab.allCases.count + 1)! }  // wraps to the last
}
