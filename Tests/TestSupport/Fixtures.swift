import Foundation
import ProxyLiteAPI

/// Builds API models from JSON, the way the client does, so fixtures go through the real decoders.
public enum Fixtures {
    public static func decode<T: Decodable>(_ type: T.Type, _ json: String) -> T {
        let decoder = JSONDecoder()
        decoder.userInfo[.providerOffset] = 8 * 3600
        do {
            return try decoder.decode(T.self, from: Data(json.utf8))
        } catch {
            fatalError("fixture does not decode: \(error)\n\(json)")
        }
    }

    public static func account(
        _ username: String, usageGB: Double = 1, limitGB: Int = 10, enabled: Bool = true, remark: String = "",
        type: Int = 9, created: String = "2026-01-02 03:04:05"
    ) -> SubAccount {
        decode(
            SubAccount.self,
            """
            {"id":1,"username":"\(username)","password":"secret99","created_at":"\(created)","remark":"\(remark)",
            "product_type":\(type),"usage_flow":\(Int64(usageGB * 1024 * 1024)),"limit_flow":\(limitGB),"status":\(enabled ? 1 : 0)}
            """)
    }

    public static func staticIP(
        _ ip: String, expires: String, status: Int = 1, country: String = "US", extra: String = "", id: Int = 7
    )
        -> StaticIP
    {
        decode(
            StaticIP.self,
            """
            {"id":\(id),"ip":"\(ip)","port":8000,"username":"u","password":"p","country_code":"\(country)","city":"Austin",
            "status":\(status),"created_at":"2026-01-01 00:00:00","expired_at":"\(expires)","trade_no":"T1","product_type":14\(extra)}
            """)
    }

    public static func order(
        _ tradeNo: String, status: Int, title: String = "Business 50 GB", created: String = "2026-11-01T00:00:00Z"
    )
        -> Order
    {
        decode(
            Order.self,
            """
            {"id":1,"trade_no":"\(tradeNo)","product_type":9,"amount":1,"pay_fee":12.5,"status":\(status),"title":"\(title)",
            "created_at":"\(created)","pay_at":null}
            """)
    }

    public static func summary() -> PackageSummary {
        decode(
            PackageSummary.self,
            #"{"total":1048576,"total_count":5,"effective":524288,"effective_count":3,"effective_total":786432,"effective_used":262144,"temporary":102400,"temporary_count":1,"expired":51200,"expired_count":1,"used":473088}"#
        )
    }
}
