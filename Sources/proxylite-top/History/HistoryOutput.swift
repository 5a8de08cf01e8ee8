import Foundation
import History
import Monitor

/// `proxylite-top history` as CSV, JSON or a text table. CSV and JSON carry plain numbers and
/// ISO 8601 times, for scripts; text is for people.
enum HistoryOutput {
    static func render(_ rows: [HistoryRow], resolution: HistoryResolution, format: SnapshotFormat, account: String?) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let iso = formatter.string(from:)
        switch format {
        case .csv:
            var text = "time,username,usage_bytes,delta_bytes,rate_bytes_per_second\n"
            for row in rows {
                text +=
                    "\(iso(row.time)),\(SnapshotCSV.field(row.username)),\(row.usageBytes.map(String.init) ?? ""),\(row.deltaBytes),\(rate(row))\n"
            }
            return text
        case .json:
            let items = rows.map { row in
                "    {\"time\": \"\(iso(row.time))\", \"username\": \(jsonString(row.username)), \"usage_bytes\": \(row.usageBytes.map(String.init) ?? "null"), \"delta_bytes\": \(row.deltaBytes), \"rate_bytes_per_second\": \(rate(row))}"
            }
            return """
                {
                  "account": \(account.map(jsonString) ?? "null"),
                  "resolution": "\(resolution.rawValue)",
                  "rows": [
                \(items.joined(separator: ",\n"))
                  ]
                }

                """
        case .text:
            var lines = [
                "\(account.map { "Account \($0)" } ?? "Whole account") · \(rows.count) rows · resolution \(resolution.rawValue)"
            ]
            lines.append(pad("TIME", 25) + pad("USAGE", 11, right: true) + pad("DELTA", 11, right: true) + pad("RATE", 13, right: true))
            for row in rows {
                lines.append(
                    pad(iso(row.time), 25) + pad(row.usageBytes.map(ByteFormat.human) ?? "-", 11, right: true)
                        + pad(ByteFormat.human(row.deltaBytes), 11, right: true)
                        + pad(ByteFormat.rate(row.rateBytesPerSecond), 13, right: true))
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func rate(_ row: HistoryRow) -> String { String(format: "%.1f", row.rateBytesPerSecond) }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let gap = String(repeating: " ", count: max(1, width - text.count))
        return right ? gap + text : text + gap
    }

    private static func jsonString(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
