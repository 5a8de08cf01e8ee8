import Foundation
import ProxyLiteAPI

/// Everything one `snapshot` run fetched; nil for panes that were not asked for.
struct SnapshotData {
    var fetchedAt: Date
    var source: String
    var accounts: [SubAccount]?
    var summary: PackageSummary?
    var flow: [DailyFlow]?
    var staticIPs: [StaticIP]?
    var orders: [Order]?
    var packages: [PurchasedPackage]?

    /// Days of account-wide traffic the flow pane shows.
    static let flowDays = 30

    /// Fetches the panes in `panes`, every page of the paginated ones.
    static func fetch(_ panes: [SnapshotPane], client: ProxyLiteClient, source: String) async throws -> SnapshotData {
        let now = Date()
        var data = SnapshotData(fetchedAt: now, source: source)
        for pane in panes {
            switch pane {
            case .accounts: data.accounts = try await client.accounts()
            case .flow:
                data.flow = try await client.dailyFlow(from: now.addingTimeInterval(-Double(flowDays - 1) * 86_400), to: now)
            case .staticIPs: data.staticIPs = try await client.allStaticIPs()
            case .orders: data.orders = try await client.allOrders()
            case .packages:
                data.packages = try await client.allPackages()
                data.summary = try await client.packageSummary()
            case .all: break
            }
        }
        return data
    }
}

extension SubAccount {
    /// Share of the cap used, in percent; nil when unlimited.
    var usagePercent: Double? {
        guard let limit = limitBytes, limit > 0 else { return nil }
        return Double(usageBytes) / Double(limit) * 100
    }
}

extension Date {
    /// Whole days from `now` until this date, negative when past.
    func daysLeft(from now: Date) -> Int { Int((timeIntervalSince(now) / 86_400).rounded(.down)) }
}
