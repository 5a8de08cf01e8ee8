/// The built-in panes' names in the catalogue, by tab; a pane added from outside keeps the title
/// it declares.
enum TabTitles {
    static func keys(_ tab: Tab) -> (full: UIText, short: UIText)? {
        switch tab {
        case .accounts: return (.tabAccounts, .tabAccountsShort)
        case .flow: return (.tabFlow, .tabFlowShort)
        case .staticIPs: return (.tabStaticIPs, .tabStaticIPsShort)
        case .orders: return (.tabOrders, .tabOrdersShort)
        case .packages: return (.tabPackages, .tabPackagesShort)
        case .whitelist: return (.tabWhitelist, .tabWhitelistShort)
        case .extract: return (.tabExtract, .tabExtractShort)
        case .products: return (.tabProducts, .tabProductsShort)
        case .alerts: return (.tabAlerts, .tabAlertsShort)
        case .profiles: return (.tabProfiles, .tabProfilesShort)
        default: return nil
        }
    }
}
