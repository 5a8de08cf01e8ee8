import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI
import TestSupport
import Testing

@testable import proxylite_top

/// Each pane's columns are defined once (`PaneColumn`): the dashboard's header shows their titles,
/// `snapshot`'s CSV header is made from their ids in their order, and an unreadable field is `?` on
/// the dashboard and in the text, and empty in the CSV, in the same column.
@Suite struct PaneColumnsTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A column as the test sees it, whatever its row type.
    struct Column {
        let id: String
        let title: String
        let header: String
        let right: Bool
        let fields: [String]
        let liveOnly: Bool
    }

    /// A pane with one row whose unreadable fields the test chooses.
    struct PaneCase {
        let name: String
        let tab: Tab
        let columns: [Column]
        /// The store's outcome and `snapshot`'s data for one row with these unreadable fields.
        let row: (UnreadableFields) -> (Store.Outcome, SnapshotData)
    }

    static func columns<Row>(_ columns: [PaneColumn<Row>]) -> [Column] {
        columns.map {
            Column(id: $0.id, title: $0.title, header: $0.header, right: $0.alignment == .right, fields: $0.fields, liveOnly: $0.liveOnly)
        }
    }

    func data(_ fill: (inout SnapshotData) -> Void) -> SnapshotData {
        var data = SnapshotData(fetchedAt: now, source: "t")
        fill(&data)
        return data
    }

    var panes: [PaneCase] {
        [
            PaneCase(name: "accounts", tab: .accounts, columns: Self.columns(AccountsColumns.all)) { bad in
                var a = Fixtures.account("shop1", remark: "office")
                a.unreadable = bad
                return (.accounts([a]), data { $0.accounts = [a] })
            },
            PaneCase(name: "static-ips", tab: .staticIPs, columns: Self.columns(StaticIPsColumns.all)) { bad in
                var ip = Fixtures.staticIP("203.0.113.5", expires: "2027-06-01 00:00:00")
                ip.unreadable = bad
                return (.staticIPs([ip]), data { $0.staticIPs = [ip] })
            },
            PaneCase(name: "orders", tab: .orders, columns: Self.columns(OrdersColumns.all)) { bad in
                var o = Fixtures.order("T100", status: 1)
                o.unreadable = bad
                return (.orders([o]), data { $0.orders = [o] })
            },
            PaneCase(name: "packages", tab: .packages, columns: Self.columns(PackagesColumns.all)) { bad in
                var p = Fixtures.decode(
                    PurchasedPackage.self,
                    #"{"id":5000,"product_type":9,"trade_no":"T1","created_at":"2026-01-01 00:00:00","expired_at":"2027-06-01 00:00:00","order":{"title":"Business 50 GB"}}"#
                )
                p.unreadable = bad
                return (.packages([p]), data { $0.packages = [p] })
            },
            PaneCase(name: "whitelist", tab: .whitelist, columns: Self.columns(WhitelistColumns.all)) { bad in
                var ip = Fixtures.decode(
                    WhitelistIP.self, #"{"ip":"203.0.113.10","remark":"office","product_type":9,"created_at":"2026-12-01 00:00:00"}"#)
                ip.unreadable = bad
                return (.whitelist([ip]), data { $0.whitelist = [ip] })
            },
            PaneCase(name: "products", tab: .products, columns: Self.columns(ProductsColumns.all)) { bad in
                var p = Fixtures.decode(
                    Product.self,
                    #"{"id":101,"title":"Starter 5 GB","type":9,"status":1,"show_type":1,"usd_price":15,"time_days":30,"flow_value":5,"total_count":0,"remain_count":0}"#
                )
                p.unreadable = bad
                let catalogue = CatalogueData(products: [p], paymentGroups: [], rechargeRatios: [])
                return (.catalogue(catalogue), data { $0.catalogue = catalogue })
            },
        ]
    }

    func dashboard(_ outcome: Store.Outcome, tab: Tab) async -> CellBuffer {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(outcome, at: now)
        let snapshot = await store.current
        var ui = UIState()
        ui.tab = tab
        ui.accountColumns = AccountColumn.allCases  // the trend column too (not shown by default)
        let (width, height) = (260, 20)
        let lists = VisibleLists.compute(snapshot, ui)
        ui.clamp(lists, bodyRows: ScreenLayout(width: width, height: height).body.height)
        let context = RenderContext(snapshot: snapshot, ui: ui, lists: lists, now: now, zone: TimeZone(identifier: "UTC")!)
        return DashboardScreen.render(context, width: width, height: height)
    }

    /// Where each title starts in the table's header row, left to right; nil when one is missing.
    func titles(_ titles: [String], in buffer: CellBuffer) -> (row: Int, x: [Int])? {
        for y in 0..<buffer.height {
            var x: [Int] = []
            var from = 0
            for title in titles {
                let letters = title.map(String.init)
                guard
                    let at = (from...max(from, buffer.width - letters.count)).first(where: { x in
                        x + letters.count <= buffer.width && letters.indices.allSatisfy { buffer[x + $0, y].text == letters[$0] }
                            && (x == 0 || buffer[x - 1, y].text.trimmingCharacters(in: .whitespaces).isEmpty)
                    })
                else { break }
                x.append(at)
                from = at + letters.count
            }
            if x.count == titles.count { return (y, x) }
        }
        return nil
    }

    @Test func csvHeadersAreTodaysAndMadeFromTheColumnIdsInOrder() {
        // Today's headers; trade_no (static IPs), traffic and skus (products), trend (accounts: the
        // 24 hours' total from history, empty without it) were added at the end
        // when the dashboard and `snapshot` started sharing their columns.
        let expected = [
            "accounts": "USERNAME,STATUS,TYPE,USAGE,LIMIT,USE%,REMARK,CREATED,TREND",
            "flow": "DAY,TRAFFIC",
            "static-ips": "IP,PORT,COUNTRY,CITY,STATUS,TYPE,EXPIRES,DAYS LEFT,TRADE NO",
            "orders": "TRADE NO,TITLE,TYPE,AMOUNT,PAY FEE,STATUS,CREATED,PAID,PAY FEE STATUS,REFUND",
            "packages": "ID,TYPE,TITLE,TRADE NO,CREATED,EXPIRES,DAYS LEFT",
            "whitelist": "IP,TYPE,REMARK,CREATED",
            "products": "ID,TITLE,TYPE,PRICE,CURRENCY,DAYS,SALE,STOCK,TRAFFIC,SKUS",
            "regions": "SOURCE,COUNTRY,STATE,CITY,COUNT",
        ]
        let ids = [
            "accounts": AccountsColumns.all.snapshotColumns().map(\.id), "flow": FlowColumns.all.snapshotColumns().map(\.id),
            "static-ips": StaticIPsColumns.all.snapshotColumns().map(\.id), "orders": OrdersColumns.all.snapshotColumns().map(\.id),
            "packages": PackagesColumns.all.snapshotColumns().map(\.id), "whitelist": WhitelistColumns.all.snapshotColumns().map(\.id),
            "products": ProductsColumns.all.snapshotColumns().map(\.id), "regions": RegionColumns.all.snapshotColumns().map(\.id),
        ]
        let all = data {
            $0.accounts = []
            $0.flow = []
            $0.staticIPs = []
            $0.orders = []
            $0.packages = []
            $0.whitelist = []
            $0.catalogue = CatalogueData(products: [], paymentGroups: [], rechargeRatios: [])
            $0.regions = SnapshotRegions()
        }
        let tables = SnapshotTables.tables(all, offset: 8 * 3600)
        #expect(tables.map(\.name) == SnapshotPane.each.map(\.rawValue))
        for table in tables {
            let header = SnapshotCSV.render(table).components(separatedBy: "\r\n").first
            #expect(header == expected[table.name], "\(table.name)")
            // The header is the ids in order: `trade_no` is TRADE NO; only USE% (id `percent`, the
            // config's name) predates the ids.
            let fromIds = (ids[table.name] ?? []).map { $0 == "percent" ? "USE%" : PaneColumn<Int>.header($0) }
            #expect(header == fromIds.joined(separator: ","), "\(table.name)")
        }
        // The accounts' ids are the config's `columns` names.
        #expect(AccountColumn.allCases.map(\.configName) == AccountsColumns.all.map(\.id))
        #expect(
            AccountsColumns.all.map(\.id) == [
                "username", "status", "type", "usage", "limit", "percent", "rate", "to_limit", "remark", "created", "trend",
            ])
    }

    @Test func theDashboardHeaderAndTheTextHeaderShowTheColumnTitles() async throws {
        for pane in panes {
            let (outcome, data) = pane.row(UnreadableFields())
            let buffer = await dashboard(outcome, tab: pane.tab)
            #expect(titles(pane.columns.map(\.title), in: buffer) != nil, "\(pane.name): \(pane.columns.map(\.title))")
            // `snapshot`'s text: the same titles, less the live-only columns.
            let table = try #require(SnapshotTables.tables(data, offset: 0).first)
            let line = try #require(SnapshotText.render(table).split(separator: "\n").first)
            let words = line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(words == pane.columns.filter { !$0.liveOnly }.map(\.title), "\(pane.name)")
        }
    }

    /// Every wire field a column is made from, and the whole row: `?` in that column on the
    /// dashboard and in `snapshot`'s text, empty in its CSV.
    @Test func anUnreadableFieldIsAQuestionMarkOnTheDashboardAndInSnapshot() async throws {
        for pane in panes {
            for (index, column) in pane.columns.enumerated() {
                for field in column.fields + ["row"] {
                    let (outcome, data) = pane.row(UnreadableFields([field]))
                    let what = "\(pane.name).\(column.id) with \(field) unreadable"
                    let buffer = await dashboard(outcome, tab: pane.tab)
                    let header = try #require(titles(pane.columns.map(\.title), in: buffer), "\(what)")
                    let x = column.right ? header.x[index] + column.title.count - 1 : header.x[index]
                    #expect(buffer[x, header.row + 1].text == "?", "\(what): \(buffer.line(header.row + 1))")

                    let table = try #require(SnapshotTables.tables(data, offset: 0).first)
                    guard !column.liveOnly else {
                        #expect(!table.columns.contains { $0.header == column.header }, "\(what)")
                        continue
                    }
                    let at = try #require(table.columns.firstIndex { $0.header == column.header }, "\(what)")
                    #expect(table.textRows[0][at] == "?", "\(what): \(table.textRows[0])")
                    #expect(table.rawRows[0][at] == "", "\(what): \(table.rawRows[0])")
                    #expect(table.unreadableCount == 1)
                }
            }
        }
        // A price chosen among fields is `?` when the one it is read from could not be read.
        let products = try #require(panes.first { $0.name == "products" })
        let (outcome, data) = products.row(UnreadableFields(["local_price"]))
        let table = try #require(SnapshotTables.tables(data, offset: 0).first)
        #expect(table.textRows[0][3] == "?" && table.textRows[0][4] == "?" && table.rawRows[0][3] == "")
        let buffer = await dashboard(outcome, tab: .products)
        let header = try #require(titles(products.columns.map(\.title), in: buffer))
        #expect(buffer[header.x[3] + "PRICE".count - 1, header.row + 1].text == "?")
    }

    /// Rate and time to the limit are measured by the running dashboard; `snapshot` fetches once.
    @Test func liveOnlyColumnsAreOnTheDashboardOnly() throws {
        #expect(AccountsColumns.all.filter(\.liveOnly).map(\.id) == ["rate", "to_limit"])
        let table = try #require(SnapshotTables.tables(data { $0.accounts = [Fixtures.account("a")] }, offset: 0).first)
        #expect(!table.columns.contains { $0.title == "RATE" || $0.title == "TO LIMIT" })
    }

    /// A title never needs more than its dashboard column's fixed width.
    @Test func titlesFitTheirColumns() {
        let widths =
            AccountsColumns.all.map(\.tableColumn) + StaticIPsColumns.all.map(\.tableColumn) + OrdersColumns.all.map(\.tableColumn)
            + PackagesColumns.all.map(\.tableColumn) + WhitelistColumns.all.map(\.tableColumn) + ProductsColumns.all.map(\.tableColumn)
        for column in widths {
            switch column.width {
            case .fixed(let n), .flex(min: let n): #expect(DisplayWidth.columns(column.title) <= n, "\(column.title)")
            }
        }
    }
}
