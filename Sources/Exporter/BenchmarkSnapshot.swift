import Foundation
import Monitor
import ProxyLiteAPI

/// A made-up account of `accounts` sub-accounts, `accounts / 2` static IPs and `accounts / 20`
/// packages, the same for the same arguments, for measuring a scrape.
enum BenchmarkSnapshot {
    static func make(accounts count: Int, round: Int, now: Date) -> Snapshot {
        var snapshot = Snapshot(source: "benchmark")
        var rows: [AccountRow] = []
        rows.reserveCapacity(count)
        for index in 0..<count {
            // Usage spread over four orders of magnitude, growing each round as a live account's does.
            let usage = Int64((index * 7_919) % 1_000_003) * 40_960 + Int64(round) * Int64(index % 97) * 1_048_576
            let account = SubAccount(
                id: index + 1, username: "user\(index)", password: "benchmark", createdAt: nil, remark: "remark \(index)",
                productType: .dynamicResidentialTraffic, usageBytes: usage, limitGB: index % 4 == 0 ? 0 : Int64(50 + index % 200),
                isEnabled: index % 10 != 0)
            let rate = Double(index % 97 + round) * 1_048_576 / 60
            rows.append(AccountRow(account: account, rate: rate))
        }
        snapshot.accounts = ResourceState(value: rows, fetchedAt: now)
        snapshot.staticIPs = ResourceState(value: staticIPs(count / 2, now: now), fetchedAt: now)
        snapshot.packages = ResourceState(value: packages(count / 20, now: now), fetchedAt: now)
        var summary = PackageSummary()
        summary.totalBytes = 5 << 40
        summary.effectiveBytes = 2 << 40
        summary.usedBytes = 3 << 40
        snapshot.summary = ResourceState(value: summary, fetchedAt: now)
        return snapshot
    }

    /// Through the API's decoder, the only way to make these models.
    private static func staticIPs(_ count: Int, now: Date) -> [StaticIP] {
        let items = (0..<count).map { index in
            let expires = APIDate.providerString(now.addingTimeInterval(Double(index % 400 - 30) * 86_400), offset: 8 * 3600)
            return #"{"id":\#(index + 1),"ip":"10.\#(index >> 16 & 255).\#(index >> 8 & 255).\#(index & 255)","port":8000,"#
                + #""country_code":"US","status":1,"expired_at":"\#(expires)","product_type":14}"#
        }
        return decode("[" + items.joined(separator: ",") + "]")
    }

    private static func packages(_ count: Int, now: Date) -> [PurchasedPackage] {
        let items = (0..<count).map { index in
            let expires = APIDate.providerString(now.addingTimeInterval(Double(index % 90 - 10) * 86_400), offset: 8 * 3600)
            return #"{"id":\#(index + 1),"expired_at":"\#(expires)","product_type":9,"trade_no":"T\#(index)"}"#
        }
        return decode("[" + items.joined(separator: ",") + "]")
    }

    private static func decode<T: Decodable>(_ json: String) -> [T] {
        let decoder = JSONDecoder()
        decoder.userInfo[.providerOffset] = 8 * 3600
        // The JSON is made above from numbers and fixed text; failing to decode it is a bug here.
        do {
            return try decoder.decode([T].self, from: Data(json.utf8))
        } catch {
            preconditionFailure("the benchmark's own records do not decode: \(error)")
        }
    }
}
