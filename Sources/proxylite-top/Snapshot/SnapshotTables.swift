import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI

/// A pane as a table of strings, ready for the text or CSV writer.
struct SnapshotTable {
    let name: String
    /// `title` heads the text form (as on the dashboard), `header` the CSV.
    let columns: [(title: String, header: String, right: Bool, maxWidth: Int)]
    let textRows: [[String]]
    let rawRows: [[String]]
    /// Values the API sent that could not be read, over all rows.
    let unreadableCount: Int

    /// The pane's columns (the dashboard's, `PaneColumn`) less the live-only ones: a snapshot
    /// fetches once and measures no rate, so it has nothing to put in them.
    ///
    /// Text from the API reaches no terminal raw: every text cell has its controls escaped, and
    /// names their invisible characters too. (CSV escapes its own way, in `SnapshotCSV`.)
    /// `unreadableCount`, when given, stands for the sum over the rows (a pane whose rows are
    /// made from nested lists counts the lists' values, each once).
    init<Row>(
        name: String, rows: [Row], columns: [PaneColumn<Row>], context: ColumnContext,
        unreadable: (Row) -> UnreadableFields = { _ in UnreadableFields() }, unreadableCount: Int? = nil
    ) {
        let columns = columns.snapshotColumns()
        self.name = name
        self.columns = columns.map { ($0.title, $0.header, $0.alignment == .right, $0.maxWidth) }
        textRows = rows.map { row in
            let bad = unreadable(row)
            return columns.map { column in
                let text = column.cell(row, bad, context).text
                return column.isName ? SafeText.visible(text) : SafeText.escapingControls(text)
            }
        }
        rawRows = rows.map { row in
            let bad = unreadable(row)
            return columns.map { $0.rawValue(row, bad, context) }
        }
        self.unreadableCount = unreadableCount ?? rows.reduce(0) { $0 + unreadable($1).count }
    }
}

/// The tables of each pane, shared by the text and CSV output: the same columns as the dashboard.
enum SnapshotTables {
    static func tables(_ data: SnapshotData, offset: Int) -> [SnapshotTable] {
        let context = ColumnContext.snapshot(fetchedAt: data.fetchedAt, offset: offset)
        var tables: [SnapshotTable] = []
        if let accounts = data.accounts {
            tables.append(
                SnapshotTable(
                    name: "accounts", rows: accounts.map { AccountRow(account: $0, rate: nil) }, columns: AccountsColumns.all,
                    context: context, unreadable: AccountsColumns.unreadable))
        }
        if let flow = data.flow {
            tables.append(
                SnapshotTable(name: "flow", rows: flow, columns: FlowColumns.all, context: context, unreadable: FlowColumns.unreadable))
        }
        if let ips = data.staticIPs {
            tables.append(
                SnapshotTable(
                    name: "static-ips", rows: ips, columns: StaticIPsColumns.all, context: context, unreadable: StaticIPsColumns.unreadable)
            )
        }
        if let orders = data.orders {
            tables.append(
                SnapshotTable(
                    name: "orders", rows: orders, columns: OrdersColumns.all, context: context, unreadable: OrdersColumns.unreadable))
        }
        if let packages = data.packages {
            tables.append(
                SnapshotTable(
                    name: "packages", rows: packages, columns: PackagesColumns.all, context: context, unreadable: PackagesColumns.unreadable
                ))
        }
        if let whitelist = data.whitelist {
            tables.append(
                SnapshotTable(
                    name: "whitelist", rows: whitelist, columns: WhitelistColumns.all, context: context,
                    unreadable: WhitelistColumns.unreadable))
        }
        if let catalogue = data.catalogue, case .success(let products) = catalogue.productsResult {
            tables.append(
                SnapshotTable(
                    name: "products", rows: products, columns: ProductsColumns.all, context: context, unreadable: ProductsColumns.unreadable
                ))
        }
        if let regions = data.regions {
            tables.append(
                SnapshotTable(
                    name: "regions", rows: regionRows(regions), columns: RegionColumns.all, context: context, unreadable: { $0.unreadable },
                    unreadableCount: SnapshotUnreadable.regions(regions).count))
        }
        return tables
    }
}
