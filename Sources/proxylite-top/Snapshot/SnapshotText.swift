import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI

/// Aligned tables for people: columns measured in terminal columns, so CJK remarks line up.
enum SnapshotText {
    /// Every table of `data` in `language`: the tables' cells and titles are made in it too.
    static func render(_ data: SnapshotData, offset: Int, language: Language) -> String {
        Language.$current.withValue(language) { render(data, tables: SnapshotTables.tables(data, offset: offset)) }
    }

    static func render(_ data: SnapshotData, tables: [SnapshotTable]) -> String {
        var out = UIText.snapshotHeader(APIDate.isoString(data.fetchedAt), data.source) + "\n"
        if let query = data.query { out += SnapshotQueryText.line(query) }
        for table in tables {
            out += "\n" + title(table, data: data) + "\n"
            out += render(table)
            if table.name == "flow", let flow = data.flow {
                let total = flow.lazy.map(\.bytes).saturatingSum()
                out += UIText.snapshotFlowTotal(ByteFormat.human(total), flow.count) + "\n"
            }
            if table.name == "packages", let s = data.summary {
                out +=
                    UIText.snapshotSummary(
                        ByteFormat.human(s.totalBytes), s.totalCount, ByteFormat.human(s.effectiveBytes), s.effectiveCount,
                        ByteFormat.human(s.expiringBytes), s.expiringCount, ByteFormat.human(s.expiredBytes), s.expiredCount,
                        ByteFormat.human(s.usedBytes)) + "\n"
            }
            if table.name == "products", let catalogue = data.catalogue { out += SnapshotCatalogueText.render(catalogue) }
        }
        if data.catalogue?.productsResult.failure != nil, let catalogue = data.catalogue {
            // No products table to hang them on: the payment methods and bonuses still print.
            out += "\n== \(UIText.snapshotProducts()) ==\n" + SnapshotCatalogueText.render(catalogue)
        }
        for failure in data.errors {
            out +=
                "\n" + UIText.snapshotFailed(failure.pane.rawValue, "\(failure.error.endpoint): \(ErrorText.message(failure.error))") + "\n"
        }
        return out
    }

    private static func title(_ table: SnapshotTable, data: SnapshotData) -> String {
        let names: [String: UIText] = [
            "accounts": .snapshotAccounts, "flow": .snapshotFlow, "static-ips": .snapshotStaticIPs, "orders": .snapshotOrders,
            "packages": .snapshotPackages, "whitelist": .snapshotWhitelist, "products": .snapshotProducts, "regions": .snapshotRegions,
        ]
        let count = table.unreadableCount
        let unreadable = count == 0 ? "" : count == 1 ? UIText.snapshotUnreadableOne() : UIText.snapshotUnreadableMany(count)
        return "== \(names[table.name].map { $0() } ?? table.name) (\(table.textRows.count))\(unreadable) =="
    }

    static func render(_ table: SnapshotTable) -> String {
        if table.textRows.isEmpty { return UIText.snapshotNone() + "\n" }
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

/// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, tab or line break.
/// TAB, CR and LF stay (inside quotes, as RFC 4180 allows); every other control character (C0,
/// DEL, C1) is written as `\u{…}`, so that a CSV shown in a terminal cannot drive it.
enum SnapshotCSV {
    static func render(_ table: SnapshotTable) -> String {
        var out = table.columns.map { field($0.header) }.joined(separator: ",") + "\r\n"
        for row in table.rawRows { out += row.map(field).joined(separator: ",") + "\r\n" }
        return out
    }

    static func field(_ raw: String) -> String {
        let text = escapingControls(raw)
        if text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\t" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    /// Controls other than TAB, CR and LF written as `\u{…}`.
    static func escapingControls(_ text: String) -> String {
        let kept: Set<Unicode.Scalar> = ["\t", "\r", "\n"]
        guard text.unicodeScalars.contains(where: { SafeText.isControl($0) && !kept.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if SafeText.isControl(scalar), !kept.contains(scalar) {
                out.append(contentsOf: SafeText.escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
