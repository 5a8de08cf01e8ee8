import Foundation
import ProxyLiteAPI

@testable import TerminalUI

/// The Expiring pane's columns.
enum ExpiringColumns {
    static let table = [TableColumn("IP", .flex(min: 15)), TableColumn("CC", .fixed(2)), TableColumn("EXPIRES", .fixed(10))]

    static func cells(_ ip: StaticIP, zone: TimeZone) -> [String] {
        [ip.ip, ip.countryCode, ip.expiresAt.map { TimeText.day($0, zone: zone) } ?? ""]
    }
}
