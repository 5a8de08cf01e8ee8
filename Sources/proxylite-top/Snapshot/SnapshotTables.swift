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

    init(
        _ title: String, right: Bool = false, maxWidth: Int = 40, text: @escaping (Row) -> String,
        raw: ((Row) -> String)? = nil
    ) {
        self.title = title
        self.rightAligned = right
        self.maxWidth = maxWidth
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

    init<Row>(name: String, rows: [Row], columns: [SnapshotColumn<Row>]) {
        self.name = name
        self.columns = columns.map { ($0.title, $0.rightAligned, $0.maxWidth) }
        textRows = rows.map { row in columns.map { $0.text(row) } }
        rawRows = rows.map { row in columns.map { $0.raw(row) } }
    }
}

/// The tables of each pane, shared by the text and CSV output.
enum SnapshotTables {
    static func tables(_ data: SnapshotData, offset: Int) -> [SnapshotTable] {
        var tables: [SnapshotTable] = []
        let now = data.fetchedAt
        func local(_ date: Date?) -> String { date.map { APIDate.providerString($0, offset: offset) } ?? "" }
        func iso(_ date: Date?) -> String { date.map(APIDate.isoString) ?? "" }

        if let accounts = data.accounts {
            tables.append(
                SnapshotTable(
                    name: "accounts", rows: accounts,
                    columns: [
                        SnapshotColumn("USERNAME", text: { $0.username }),
                        SnapshotColumn("STATUS", text: { $0.isEnabled ? "enabled" : "disabled" }),
                        SnapshotColumn(
                            "TYPE", maxWidth: 28, text: { $0.typeLabel },
                            raw: { String($0.productType.code) }),
                        SnapshotColumn(
                            "USAGE", right: true, text: { ByteFormat.human($0.usageBytes) },
                            raw: { String($0.usageBytes) }),
                        SnapshotColumn(
                            "LIMIT", right: true, text: { $0.limitBytes.map(ByteFormat.human) ?? "∞" },
                            raw: { $0.limitBytes.map(String.init) ?? "" }),
                        SnapshotColumn(
                            "USE%", right: true, text: { $0.usagePercent.map { String(format: "%.1f", $0) } ?? "-" },
                            raw: { $0.usagePercent.map { String(format: "%.2f", $0) } ?? "" }),
                        SnapshotColumn("REMARK", maxWidth: 32, text: { DisplayWidth.displaySafe($0.remark) }, raw: { $0.remark }),
                        SnapshotColumn("CREATED", text: { local($0.createdAt) }, raw: { iso($0.createdAt) }),
                    ]))
        }
        if let flow = data.flow {
            tables.append(
                SnapshotTable(
                    name: "flow", rows: flow,
                    columns: [
                        SnapshotColumn("DAY", text: { $0.day }),
                        SnapshotColumn("TRAFFIC", right: true, text: { ByteFormat.human($0.bytes) }, raw: { String($0.bytes) }),
                    ]))
        }
        if let ips = data.staticIPs {
            tables.append(
                SnapshotTable(
                    name: "static-ips", rows: ips,
                    columns: [
                        SnapshotColumn("IP", text: { $0.ip }),
                        SnapshotColumn("PORT", right: true, text: { $0.port.map(String.init) ?? "" }),
                        SnapshotColumn("COUNTRY", text: { $0.countryCode }),
                        SnapshotColumn("CITY", maxWidth: 20, text: { $0.city ?? "" }),
                        SnapshotColumn("STATUS", text: { $0.status?.description ?? "" }),
                        SnapshotColumn(
                            "TYPE", maxWidth: 24, text: { $0.typeLabel ?? "" },
                            raw: { $0.productType.map { String($0.code) } ?? "" }),
                        SnapshotColumn("EXPIRES", text: { local($0.expiresAt) }, raw: { iso($0.expiresAt) }),
                        SnapshotColumn("DAYS LEFT", right: true, text: { $0.expiresAt.map { String($0.daysLeft(from: now)) } ?? "" }),
                    ]))
        }
        if let orders = data.orders {
            tables.append(
                SnapshotTable(
                    name: "orders", rows: orders,
                    columns: [
                        SnapshotColumn("TRADE NO", text: { $0.tradeNo }),
                        SnapshotColumn("TITLE", maxWidth: 30, text: { DisplayWidth.displaySafe($0.title) }, raw: { $0.title }),
                        SnapshotColumn(
                            "TYPE", maxWidth: 24, text: { $0.typeLabel },
                            raw: { $0.productType.map { String($0.code) } ?? "" }),
                        SnapshotColumn("AMOUNT", right: true, text: { String($0.amount) }),
                        SnapshotColumn("PAY FEE", right: true, text: { String(format: "%.2f", $0.payFee) }),
                        SnapshotColumn("STATUS", text: { $0.statusText }, raw: { $0.status.map { String($0.code) } ?? "" }),
                        SnapshotColumn("CREATED", text: { local($0.createdAt) }, raw: { iso($0.createdAt) }),
                        SnapshotColumn("PAID", text: { local($0.paidAt) }, raw: { iso($0.paidAt) }),
                        // New columns go last so that scripts reading columns by position keep working.
                        SnapshotColumn(
                            "PAY FEE STATUS", text: { $0.payFeeText }, raw: { $0.payFeeStatus.map { String($0.code) } ?? "" }),
                        SnapshotColumn(
                            "REFUND", right: true, text: { $0.refundText }, raw: { String(format: "%.2f", $0.refundFee) }),
                    ]))
        }
        if let packages = data.packages {
            tables.append(
                SnapshotTable(
                    name: "packages", rows: packages,
                    columns: [
                        SnapshotColumn("ID", right: true, text: { String($0.id) }),
                        SnapshotColumn(
                            "TYPE", maxWidth: 28, text: { $0.typeLabel },
                            raw: { String($0.productType.code) }),
                        SnapshotColumn("TITLE", maxWidth: 30, text: { DisplayWidth.displaySafe($0.orderTitle) }, raw: { $0.orderTitle }),
                        SnapshotColumn("TRADE NO", text: { $0.tradeNo }),
                        SnapshotColumn("CREATED", text: { local($0.createdAt) }, raw: { iso($0.createdAt) }),
                        SnapshotColumn("EXPIRES", text: { local($0.expiresAt) }, raw: { iso($0.expiresAt) }),
                        SnapshotColumn("DAYS LEFT", right: true, text: { $0.expiresAt.map { String($0.daysLeft(from: now)) } ?? "" }),
                    ]))
        }
        tables += paneTables(data, offset: offset)
        return tables
    }
}
