import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI

/// One column of a pane: how a row reads to a person (`text`) and to a program (`raw`, for CSV).
struct SnapshotColumn<Row> {
    let title: String
    let rightAligned: Bool
    /// Cap for the text form; longer cells end in `…`.
    let maxWidth: Int
    let text: (Row) -> String
    let raw: (Row) -> String
    /// The wire fields the cell is made from: when one could not be read the cell is `?` in text
    /// and empty in CSV.
    let fields: [String]
    /// Names (usernames, titles): shown with invisible and reordering characters written out.
    let isName: Bool

    init(
        _ title: String, right: Bool = false, maxWidth: Int = 40, fields: [String] = [], name: Bool = false,
        text: @escaping (Row) -> String, raw: ((Row) -> String)? = nil
    ) {
        self.title = title
        self.rightAligned = right
        self.maxWidth = maxWidth
        self.fields = fields
        self.isName = name
        self.text = text
        self.raw = raw ?? text
    }
}

/// A pane as a table of strings, ready for the text or CSV writer.
struct SnapshotTable {
    let name: String
    let columns: [(title: String, right: Bool, maxWidth: Int)]
    let textRows: [[String]]
    let rawRows: [[String]]
    /// Values the API sent that could not be read, over all rows.
    let unreadableCount: Int

    /// Text from the API reaches no terminal raw: every text cell has its controls escaped, and
    /// names their invisible characters too. (CSV escapes its own way, in `SnapshotCSV`.)
    /// `unreadableCount`, when given, stands for the sum over the rows (a pane whose rows are
    /// made from nested lists counts the lists' values, each once).
    init<Row>(
        name: String, rows: [Row], columns: [SnapshotColumn<Row>], unreadable: (Row) -> UnreadableFields = { _ in UnreadableFields() },
        unreadableCount: Int? = nil
    ) {
        self.name = name
        self.columns = columns.map { ($0.title, $0.rightAligned, $0.maxWidth) }
        func lost(_ column: SnapshotColumn<Row>, _ fields: UnreadableFields) -> Bool {
            !fields.isEmpty && (fields.contains("row") || column.fields.contains(where: fields.contains))
        }
        textRows = rows.map { row in
            let bad = unreadable(row)
            return columns.map { column in
                if lost(column, bad) { return "?" }
                let text = column.text(row)
                return column.isName ? SafeText.visible(text) : SafeText.escapingControls(text)
            }
        }
        rawRows = rows.map { row in
            let bad = unreadable(row)
            return columns.map { lost($0, bad) ? "" : $0.raw(row) }
        }
        self.unreadableCount = unreadableCount ?? rows.reduce(0) { $0 + unreadable($1).count }
    }
}

/// The tables of each pane, shared by the text and CSV output.
enum SnapshotTables {
    static func tables(_ data: SnapshotData, offset: Int) -> [SnapshotTable] {
        var tables: [SnapshotTable] = []
        let now = data.fetchedAt
        func local(_ date: Date?) -> String { date.map { $0.isNever ? "never" : APIDate.providerString($0, offset: offset) } ?? "" }
        func iso(_ date: Date?) -> String { date.map { $0.isNever ? "never" : APIDate.isoString($0) } ?? "" }
        func days(_ date: Date?) -> String { date.map { $0.isNever ? "never" : String($0.daysLeft(from: now)) } ?? "" }

        if let accounts = data.accounts {
            tables.append(
                SnapshotTable(
                    name: "accounts", rows: accounts,
                    columns: [
                        SnapshotColumn("USERNAME", fields: ["username"], name: true, text: { $0.username }),
                        SnapshotColumn("STATUS", fields: ["status"], text: { $0.isEnabled ? "enabled" : "disabled" }),
                        SnapshotColumn(
                            "TYPE", maxWidth: 28, fields: ["product_type"], text: { $0.typeLabel },
                            raw: { String($0.productType.code) }),
                        SnapshotColumn(
                            "USAGE", right: true, fields: ["usage_flow"], text: { ByteFormat.human($0.usageBytes) },
                            raw: { String($0.usageBytes) }),
                        SnapshotColumn(
                            "LIMIT", right: true, fields: ["limit_flow"], text: { $0.limitBytes.map(ByteFormat.human) ?? "∞" },
                            raw: { $0.limitBytes.map(String.init) ?? "" }),
                        SnapshotColumn(
                            "USE%", right: true, fields: ["usage_flow", "limit_flow"],
                            text: { $0.usagePercent.map { String(format: "%.1f", $0) } ?? "-" },
                            raw: { $0.usagePercent.map { String(format: "%.2f", $0) } ?? "" }),
                        SnapshotColumn(
                            "REMARK", maxWidth: 32, fields: ["remark"], text: { DisplayWidth.displaySafe($0.remark) }, raw: { $0.remark }),
                        SnapshotColumn("CREATED", fields: ["created_at"], text: { local($0.createdAt) }, raw: { iso($0.createdAt) }),
                    ], unreadable: { $0.unreadable }))
        }
        if let flow = data.flow {
            tables.append(
                SnapshotTable(
                    name: "flow", rows: flow,
                    columns: [
                        SnapshotColumn("DAY", fields: ["day"], text: { $0.day }),
                        SnapshotColumn(
                            "TRAFFIC", right: true, fields: ["flow"], text: { ByteFormat.human($0.bytes) }, raw: { String($0.bytes) }),
                    ], unreadable: { $0.unreadable }))
        }
        if let ips = data.staticIPs {
            tables.append(
                SnapshotTable(
                    name: "static-ips", rows: ips,
                    columns: [
                        SnapshotColumn("IP", fields: ["ip"], text: { $0.ip }),
                        SnapshotColumn("PORT", right: true, fields: ["port"], text: { $0.port.map(String.init) ?? "" }),
                        SnapshotColumn("COUNTRY", fields: ["country_code", "country"], text: { $0.countryCode }),
                        SnapshotColumn("CITY", maxWidth: 20, fields: ["city"], text: { $0.city ?? "" }),
                        SnapshotColumn("STATUS", fields: ["status"], text: { $0.status?.description ?? "" }),
                        SnapshotColumn(
                            "TYPE", maxWidth: 24, fields: ["product_type"], text: { $0.typeLabel ?? "" },
                            raw: { $0.productType.map { String($0.code) } ?? "" }),
                        SnapshotColumn(
                            "EXPIRES", fields: ["expired_at", "expire_at"], text: { local($0.expiresAt) }, raw: { iso($0.expiresAt) }),
                        SnapshotColumn("DAYS LEFT", right: true, fields: ["expired_at", "expire_at"], text: { days($0.expiresAt) }),
                    ], unreadable: { $0.unreadable }))
        }
        if let orders = data.orders {
            tables.append(
                SnapshotTable(
                    name: "orders", rows: orders,
                    columns: [
                        SnapshotColumn("TRADE NO", fields: ["trade_no"], text: { $0.tradeNo }),
                        SnapshotColumn(
                            "TITLE", maxWidth: 30, fields: ["title"], name: true, text: { DisplayWidth.displaySafe($0.title) },
                            raw: { $0.title }),
                        SnapshotColumn(
                            "TYPE", maxWidth: 24, fields: ["product_type"], text: { $0.typeLabel },
                            raw: { $0.productType.map { String($0.code) } ?? "" }),
                        SnapshotColumn("AMOUNT", right: true, fields: ["amount"], text: { String($0.amount) }),
                        SnapshotColumn("PAY FEE", right: true, fields: ["pay_fee"], text: { String(format: "%.2f", $0.payFee) }),
                        SnapshotColumn(
                            "STATUS", fields: ["status"], text: { $0.statusText }, raw: { $0.status.map { String($0.code) } ?? "" }),
                        SnapshotColumn("CREATED", fields: ["created_at"], text: { local($0.createdAt) }, raw: { iso($0.createdAt) }),
                        SnapshotColumn("PAID", fields: ["pay_at"], text: { local($0.paidAt) }, raw: { iso($0.paidAt) }),
                        // New columns go last so that scripts reading columns by position keep working.
                        SnapshotColumn(
                            "PAY FEE STATUS", fields: ["pay_fee_status"], text: { $0.payFeeText },
                            raw: { $0.payFeeStatus.map { String($0.code) } ?? "" }),
                        SnapshotColumn(
                            "REFUND", right: true, fields: ["refund_fee"], text: { $0.refundText },
                            raw: { String(format: "%.2f", $0.refundFee) }),
                    ], unreadable: { $0.unreadable }))
        }
        if let packages = data.packages {
            tables.append(
                SnapshotTable(
                    name: "packages", rows: packages,
                    columns: [
                        SnapshotColumn("ID", right: true, fields: ["id"], text: { String($0.id) }),
                        SnapshotColumn(
                            "TYPE", maxWidth: 28, fields: ["product_type"], text: { $0.typeLabel },
                            raw: { String($0.productType.code) }),
                        SnapshotColumn(
                            "TITLE", maxWidth: 30, fields: ["order", "order.title"], name: true,
                            text: { DisplayWidth.displaySafe($0.orderTitle) }, raw: { $0.orderTitle }),
                        SnapshotColumn("TRADE NO", fields: ["trade_no"], text: { $0.tradeNo }),
                        SnapshotColumn("CREATED", fields: ["created_at"], text: { local($0.createdAt) }, raw: { iso($0.createdAt) }),
                        SnapshotColumn("EXPIRES", fields: ["expired_at"], text: { local($0.expiresAt) }, raw: { iso($0.expiresAt) }),
                        SnapshotColumn("DAYS LEFT", right: true, fields: ["expired_at"], text: { days($0.expiresAt) }),
                    ], unreadable: { $0.unreadable }))
        }
        tables += paneTables(data, offset: offset)
        return tables
    }
}
