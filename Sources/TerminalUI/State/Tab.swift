/// The panes of the dashboard, in tab order.
public enum Tab: Int, Sendable, Hashable, CaseIterable {
    case accounts = 1, flow, staticIPs, orders

    public var title: String {
        switch self {
        case .accounts: return "Accounts"
        case .flow: return "Flow"
        case .staticIPs: return "Static IPs"
        case .orders: return "Orders"
        }
    }

    public var next: Tab { Tab(rawValue: rawValue % Tab.allCases.count + 1)! }  // 1…4 wraps to 1
    public var previous: Tab { Tab(rawValue: (rawValue + Tab.allCases.count - 2) % Tab.allCases.count + 1)! }  // wraps to 4
}
