import ArgumentParser

/// What `snapshot --pane` can print.
enum SnapshotPane: String, CaseIterable, ExpressibleByArgument {
    case accounts, flow, staticIPs = "static-ips", orders, packages, all

    /// The panes `all` stands for, in output order.
    static let each: [SnapshotPane] = [.accounts, .flow, .staticIPs, .orders, .packages]

    var expanded: [SnapshotPane] { self == .all ? Self.each : [self] }
}

/// What `snapshot --format` can print.
enum SnapshotFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, csv
}
