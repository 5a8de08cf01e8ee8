import Foundation
import Monitor
import ProxyLiteAPI

/// The static IPs table's columns, for the dashboard and `snapshot`, in CSV order.
public enum StaticIPsColumns {
    public static let all: [PaneColumn<StaticIP>] = [
        PaneColumn(
            "ip", title: .key(.colIP), width: .flex(min: 15), fields: ["ip"],
            text: { ip, _ in ip.ip.isEmpty ? UnreadableText.mark : ip.ip },
            raw: { ip, _ in ip.ip }),
        PaneColumn(
            "port", title: .key(.colPort), width: .fixed(5), .right, fields: ["port"], text: { ip, _ in ip.port.map(String.init) ?? "" }),
        PaneColumn(
            "country", title: .key(.colCC), width: .fixed(2), fields: ["country_code", "country"], text: { ip, _ in ip.countryCode }),
        PaneColumn("city", title: .key(.colCity), width: .flex(min: 8), maxWidth: 20, fields: ["city"], text: { ip, _ in ip.city ?? "" }),
        PaneColumn(
            "status", title: .key(.colStatus), width: .fixed(11), fields: ["status"], unreadableRole: .dim,
            display: { ip, _ in TableCell(ip.status.map { ModelText.ipStatus($0) } ?? "", statusRole(ip.status)) },
            raw: { ip, _ in ip.status?.description ?? "" }),
        PaneColumn(
            "type", title: .key(.colType), width: .flex(min: 10), maxWidth: 24, fields: ["product_type"],
            text: { ip, _ in ip.productType.map { ModelText.productType($0, section: StaticIP.productTypeSection) } ?? "" },
            raw: { ip, _ in ip.productType.map { String($0.code) } ?? "" }),
        PaneColumn(
            "expires", title: .key(.colExpires), width: .fixed(10), fields: ["expired_at", "expire_at"],
            display: { ip, c in TableCell(c.day(ip.expiresAt), soon(ip, c) ? .warning : nil) },
            raw: { ip, _ in ColumnContext.iso(ip.expiresAt) }),
        PaneColumn(
            "days_left", title: .key(.colDaysLeft), width: .fixed(7), .right, fields: ["expired_at", "expire_at"],
            display: { ip, c in TableCell(c.left(ip.expiresAt), soon(ip, c) ? .warning : (c.daysLeft(ip.expiresAt) ?? 0) < 0 ? .error : nil)
            },
            raw: { ip, c in c.rawDaysLeft(ip.expiresAt) }),
        // Not in the CSV before the columns were shared: added at the end.
        PaneColumn("trade_no", title: .key(.colTradeNo), width: .flex(min: 8), fields: ["trade_no"], text: { ip, _ in ip.tradeNo ?? "" }),
    ]

    public static func unreadable(_ ip: StaticIP) -> UnreadableFields { ip.unreadable }

    /// Expiring within 7 days.
    static func soon(_ ip: StaticIP, _ context: ColumnContext) -> Bool {
        context.daysLeft(ip.expiresAt).map { $0 >= 0 && $0 <= 7 } ?? false
    }

    static func statusRole(_ status: StaticIPStatus?) -> ColorRole {
        switch status {
        case .valid?: return .good
        case .expiringSoon?: return .warning
        case .invalid?: return .error
        default: return .dim
        }
    }
}
