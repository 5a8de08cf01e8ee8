import Foundation
import ProxyLiteAPI

@testable import TerminalUI

/// The Expiring pane's columns: the dashboard table and `snapshot` text and CSV all use them.
enum ExpiringColumns {
    static let all: [PaneColumn<StaticIP>] = [
        PaneColumn(
            "ip", title: "IP", width: .flex(min: 15), fields: ["ip"], name: true, text: { ip, _ in ip.ip }),
        PaneColumn("country", title: "CC", width: .fixed(2), fields: ["country_code"], text: { ip, _ in ip.countryCode }),
        PaneColumn(
            "expires", title: "EXPIRES", width: .fixed(10), fields: ["expired_at", "expire_at"],
            text: { ip, c in c.day(ip.expiresAt) }, raw: { ip, _ in ColumnContext.iso(ip.expiresAt) }),
        PaneColumn(
            "days_left", title: "LEFT", width: .fixed(5), .right, fields: ["expired_at", "expire_at"],
            text: { ip, c in c.daysLeft(ip.expiresAt).map { "\($0)d" } ?? "" },
            raw: { ip, c in c.daysLeft(ip.expiresAt).map(String.init) ?? "" }),
    ]
}
