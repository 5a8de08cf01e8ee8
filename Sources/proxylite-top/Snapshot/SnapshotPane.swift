import ArgumentParser

/// What `snapshot --pane` can print.
enum SnapshotPane: String, CaseIterable, ExpressibleByArgument {
    case accounts, flow, staticIPs = "static-ips", orders, packages, whitelist, products, regions, all

    /// The panes `all` stands for, in output order. Regions are the catalogues only: `all` never
    /// fans out per account.
    static let each: [SnapshotPane] = [.accounts, .flow, .staticIPs, .orders, .packages, .whitelist, .products, .regions]

    var expanded: [SnapshotPane] { self == .all ? Self.each : [self] }
}

/// What `snapshot --format` can print.
enum SnapshotFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, csv
}
