import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI

/// Aligned tables for people: columns measured in terminal columns, so CJK remarks line up.
enum SnapshotText {
    static func render(_ data: SnapshotData, tables: [SnapshotTable]) -> String {
        var out = "proxylite-top snapshot · \(APIDate.isoString(data.fetchedAt)) · \(data.source)\n"
        for table in tables {
            out += "\n" + title(table, data: data) + "\n"
            out += render(table)
            if table.name == "flow", let flow = data.flow {
                let total = flow.reduce(Int64(0)) { $0 + $1.bytes }
                out += "total \(ByteFormat.human(total)) over \(flow.count) days; the last ~5 minutes are not counted yet\n"
            }
            if table.name == "packages", let s = data.summary {
                out +=
                    "summary: total \(ByteFormat.human(s.totalBytes)) in \(s.totalCount) packages · "
                    + "left \(ByteFormat.human(s.effectiveBytes)) in \(s.effectiveCount) valid · "
                    + "expiring within 7 days \(ByteFormat.human(s.expiringBytes)) (\(s.expiringCount)) · "
                    + "expired \(ByteFormat.human(s.expiredBytes)) (\(s.expiredCount)) · used \(ByteFormat.human(s.usedBytes))\n"
            }
            if table.name == "products", let catalogue = data.catalogue { out += SnapshotCatalogueText.render(catalogue) }
        }
        if data.catalogue?.productsResult.failure != nil, let catalogue = data.catalogue {
            // No products table to hang them on: the payment methods and bonuses still print.
            out += "\n== Products ==\n" + SnapshotCatalogueText.render(catalogue)
        }
        for failure in data.errors {
            out += "\n!! \(failure.pane.rawValue) failed: \(failure.error.description)\n"
        }
        return out
    }

    private static func title(_ table: SnapshotTable, data: SnapshotData) -> String {
        let names = [
            "accounts": "Sub-accounts", "flow": "Daily traffic, whole account", "static-ips": "Static IPs",
            "orders": "Orders", "packages": "Packages", "whitelist": "Whitelisted IPs", "products": "Products",
            "regions": "Regions",
        ]
        return "== \(names[table.name] ?? table.name) (\(table.textRows.count)) =="
    }

    static func render(_ table: SnapshotTable) -> String {
        if table.textRows.isEmpty { return "(none)\n" }
        var widths = table.columns.map { DisplayWidth.columns($0.title) }
        for row in table.textRows {
            for (i, cell) in row.enumerated() {
                widths[i] = max(widths[i], min(DisplayWidth.columns(cell), table.columns[i].maxWidth))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let last = i == cells.count - 1
                let alignment: DisplayWidth.Alignment = table.columns[i].right ? .right : .left
                var fitted = DisplayWidth.fit(cell, to: widths[i], alignment: alignment)
                if last, alignment == .left { fitted = DisplayWidth.truncate(cell, to: widths[i]) }
                parts.append(fitted)
            }
            return parts.joined(separator: "  ") + "\n"
        }
        var out = line(table.columns.map(\.title))
        for row in table.textRows { out += line(row) }
        return out
    }
}

/// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
enum SnapshotCSV {
    static func render(_ table: SnapshotTable) -> String {
        var out = table.columns.map { field($0.title) }.joined(separator: ",") + "\r\n"
        for row in table.rawRows { out += row.map(field).joined(separator: ",") + "\r\n" }
        return out
    }

    static func field(_ text: String) -> String {
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
