import Foundation
import Monitor
import ProxyLiteAPI

/// The whitelist table's columns, for the dashboard and `snapshot`, in CSV order.
public enum WhitelistColumns {
    public static let all: [PaneColumn<WhitelistIP>] = [
        PaneColumn(
            "ip", title: .key(.colIP), width: .flex(min: 17), fields: ["ip"],
            text: { ip, _ in ip.ip.isEmpty ? UnreadableText.mark : ip.ip },
            raw: { ip, _ in ip.ip }),
        PaneColumn(
            "type", title: .key(.colType), width: .fixed(16), maxWidth: 28, fields: ["product_type"],
            text: { ip, _ in ModelText.productType(ip.productType, section: WhitelistIP.productTypeSection) },
            raw: { ip, _ in String(ip.productType.code) }),
        PaneColumn(
            "remark", title: .key(.colRemark), width: .flex(min: 10), maxWidth: 32, fields: ["remark"],
            text: { ip, _ in DisplayWidth.displaySafe(ip.remark) }, raw: { ip, _ in ip.remark }),
        PaneColumn(
            "created", title: .key(.colCreated), width: .fixed(16), fields: ["created_at"], text: { ip, c in c.minute(ip.createdAt) },
            raw: { ip, _ in ColumnContext.iso(ip.createdAt) }),
    ]

    public static func unreadable(_ ip: WhitelistIP) -> UnreadableFields { ip.unreadable }
}
