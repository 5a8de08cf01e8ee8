import Foundation
import Monitor
import ProxyLiteAPI

/// The columns of the daily traffic: the dashboard draws it as bar charts, `snapshot` as a table.
public enum FlowColumns {
    public static let all: [PaneColumn<DailyFlow>] = [
        PaneColumn("day", title: .key(.colDay), width: .fixed(10), fields: ["day"], text: { d, _ in d.day }),
        PaneColumn(
            "traffic", title: .key(.colTraffic), width: .fixed(9), .right, fields: ["flow"], text: { d, _ in ByteFormat.human(d.bytes) },
            raw: { d, _ in String(d.bytes) }),
    ]

    public static func unreadable(_ day: DailyFlow) -> UnreadableFields { day.unreadable }
}
