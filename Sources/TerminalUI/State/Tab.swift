import Monitor

/// The panes of the dashboard, in tab order.
public enum Tab: Int, Sendable, Hashable, CaseIterable {
    case accounts = 1, flow, staticIPs, orders, packages, whitelist, extract, products

    public var title: String {
        switch self {
        case .accounts: return "Accounts"
        case .flow: return "Flow"
        case .staticIPs: return "Static IPs"
        case .orders: return "Orders"
        case .packages: return "Packages"
        case .whitelist: return "Whitelist"
        case .extract: return "Extract"
        case .products: return "Products"
        }
    }

    /// For narrow terminals.
    public var shortTitle: String {
        switch self {
        case .accounts: return "Accts"
        case .staticIPs: return "IPs"
        case .packages: return "Pkgs"
        case .whitelist: return "White"
        case .extract: return "Extr"
        case .products: return "Prod"
        default: return title
        }
    }

    /// Data polled only once this pane has been opened.
    public var onDemand: [Resource] {
        switch self {
        case .packages: return [.packages]
        case .whitelist: return [.whitelist, .packages]  // packages: type 11 whitelisting names one
        case .extract: return [.regions]
        case .products, .staticIPs: return [.catalogue]  // static IPs: the renewal product and payment methods
        default: return []
        }
    }

    public var next: Tab { Tab(rawValue: rawValue % Tab.allCases.count + 1)! }  // wraps to 1
    public var previous: Tab { Tab(rawValue: (rawValue + Tab.allCases.count - 2) % Tab.allCases.count + 1)! }  // wraps to the last
}
