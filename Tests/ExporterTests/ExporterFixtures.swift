import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport

/// Snapshots made by hand, with the models decoded from JSON as the client decodes them.
enum ExporterFixtures {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let gib: Int64 = 1 << 30

    /// A sub-account as the API sends it; `fields` adds or replaces wire fields (e.g. an unreadable value).
    static func account(
        _ username: String, usageGB: Double = 1, limitGB: Int = 10, enabled: Bool = true, remark: String = "", fields: String = ""
    ) -> SubAccount {
        let remarkJSON = String(decoding: (try? JSONEncoder().encode(remark)) ?? Data("\"\"".utf8), as: UTF8.self)
        let usernameJSON = String(decoding: (try? JSONEncoder().encode(username)) ?? Data("\"\"".utf8), as: UTF8.self)
        var members = [
            "\"id\":1", "\"username\":\(usernameJSON)", "\"password\":\"hunter2secret\"", "\"remark\":\(remarkJSON)",
            "\"product_type\":9", "\"usage_flow\":\(Int64(usageGB * 1024 * 1024))", "\"limit_flow\":\(limitGB)",
            "\"status\":\(enabled ? 1 : 0)",
        ]
        if !fields.isEmpty {
            let overridden = Set(fields.split(separator: ",").compactMap { $0.split(separator: ":").first.map(String.init) })
            members.removeAll { member in overridden.contains(String(member.split(separator: ":")[0])) }
            members.append(fields)
        }
        return Fixtures.decode(SubAccount.self, "{" + members.joined(separator: ",") + "}")
    }

    static func row(_ account: SubAccount, rate: Double? = nil) -> AccountRow { AccountRow(account: account, rate: rate) }

    /// A static IP expiring `days` after `now` (negative: expired).
    static func staticIP(_ ip: String, days: Double, id: Int = 7) -> StaticIP {
        Fixtures.staticIP(ip, expires: providerDate(days), id: id)
    }

    static func package(id: Int, days: Double, tradeNo: String = "T100") -> PurchasedPackage {
        Fixtures.decode(
            PurchasedPackage.self,
            #"{"id":\#(id),"created_at":"2026-01-01 00:00:00","expired_at":"\#(providerDate(days))","product_type":9,"#
                + #""trade_no":"\#(tradeNo)","order":{"title":"Business 50 GB","created_at":"2026-01-01 00:00:00"}}"#)
    }

    /// The provider's zone-less time, `days` from `now`, as the fixtures' decoder (+08:00) reads it.
    static func providerDate(_ days: Double) -> String {
        APIDate.providerString(now.addingTimeInterval(days * 86_400), offset: 8 * 3600)
    }

    static func snapshot(
        accounts: [AccountRow]? = nil, staticIPs: [StaticIP]? = nil, packages: [PurchasedPackage]? = nil,
        summary: PackageSummary? = nil
    ) -> Snapshot {
        var snapshot = Snapshot(source: "t")
        if let accounts { snapshot.accounts = ResourceState(value: accounts, fetchedAt: now) }
        if let staticIPs { snapshot.staticIPs = ResourceState(value: staticIPs, fetchedAt: now) }
        if let packages { snapshot.packages = ResourceState(value: packages, fetchedAt: now) }
        if let summary { snapshot.summary = ResourceState(value: summary, fetchedAt: now) }
        return snapshot
    }

    /// One of everything, with known values: what the HTTP, promtool and Prometheus tests scrape.
    static func everything() -> Snapshot {
        snapshot(
            accounts: [
                // 4 GB of 10 at 1 MB/s: 6 GB to go.
                row(account("alpha", usageGB: 4, limitGB: 10, remark: "ads \"team\"\nline two 专用"), rate: 1_048_576),
                row(account("beta", usageGB: 2, limitGB: 0), rate: 2048),
                row(account("gamma", usageGB: 9.5, limitGB: 10, enabled: false), rate: 0),
            ],
            staticIPs: [staticIP("203.0.113.10", days: 2, id: 1), staticIP("203.0.113.11", days: 40, id: 2)],
            packages: [package(id: 501, days: 5), package(id: 502, days: 60, tradeNo: "T200")],
            summary: Fixtures.summary())
    }
}
