import Foundation
import Monitor
import ProxyLiteAPI

/// The packages table's columns, for the dashboard and `snapshot`, in CSV order.
public enum PackagesColumns {
    public static let all: [PaneColumn<PurchasedPackage>] = [
        PaneColumn(
            "id", title: .key(.colID), width: .fixed(7), .right, fields: ["id"],
            text: { p, _ in p.id == 0 ? UnreadableText.mark : String(p.id) },
            raw: { p, _ in String(p.id) }),
        PaneColumn(
            "type", title: .key(.colType), width: .flex(min: 10), maxWidth: 28, fields: ["product_type"],
            text: { p, _ in ModelText.productType(p.productType, section: PurchasedPackage.productTypeSection) },
            raw: { p, _ in String(p.productType.code) }),
        // The title of the order the package came from.
        PaneColumn(
            "title", title: .key(.colOrder), width: .flex(min: 12), maxWidth: 30, fields: ["order", "order.title"], name: true,
            text: { p, _ in DisplayWidth.displaySafe(p.orderTitle) }, raw: { p, _ in p.orderTitle }),
        PaneColumn("trade_no", title: .key(.colTradeNo), width: .fixed(28), fields: ["trade_no"], text: { p, _ in p.tradeNo }),
        PaneColumn(
            "created", title: .key(.colCreated), width: .fixed(10), fields: ["created_at"], text: { p, c in c.day(p.createdAt) },
            raw: { p, _ in ColumnContext.iso(p.createdAt) }),
        PaneColumn(
            "expires", title: .key(.colExpires), width: .fixed(10), fields: ["expired_at"],
            display: { p, c in TableCell(c.day(p.expiresAt), soon(p, c) ? .warning : nil) }, raw: { p, _ in ColumnContext.iso(p.expiresAt) }
        ),
        PaneColumn(
            "days_left", title: .key(.colDaysLeft), width: .fixed(7), .right, fields: ["expired_at"],
            display: { p, c in TableCell(c.left(p.expiresAt), soon(p, c) ? .warning : (c.daysLeft(p.expiresAt) ?? 0) < 0 ? .error : nil) },
            raw: { p, c in c.rawDaysLeft(p.expiresAt) }),
    ]

    public static func unreadable(_ package: PurchasedPackage) -> UnreadableFields { package.unreadable }

    /// Expiring within 7 days.
    static func soon(_ p: PurchasedPackage, _ context: ColumnContext) -> Bool {
        context.daysLeft(p.expiresAt).map { $0 >= 0 && $0 <= 7 } ?? false
    }
}
