import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// The Orders, Static IPs, Packages, Products and Flow panes, the buying and renewal forms, the
/// price preview and the server query in Simplified Chinese, as cell grids at 80 and 120
/// columns. A CellBuffer clips at its width, so measuring its lines proves nothing: these tests
/// look for whole texts instead (a footer item, a banner's keys, a dialog's buttons), and measure
/// the catalogue's labels against the room they are drawn in, so a label that is too long fails.
@Suite struct ChinesePaneScreenTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func snapshot(_ client: ProxyLiteClient) async throws -> Snapshot {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.accounts([Fixtures.account("alpha", usageGB: 9.6, limitGB: 10)]), at: now)
        await store.apply(.summary(Fixtures.summary()), at: now)
        await store.apply(.flow(whole: [], account: nil), at: now)
        await store.apply(.staticIPs(try await client.allStaticIPs()), at: now)
        await store.apply(.orders(try await client.allOrders()), at: now)
        await store.apply(.packages(try await client.allPackages()), at: now)
        let catalogue = CatalogueData(
            products: try await client.products(), paymentGroups: try await client.paymentGroups(),
            rechargeRatios: try await client.rechargeGiftRatios())
        await store.apply(.catalogue(catalogue), at: now)
        return await store.current
    }

    func chinese(_ tab: Tab) -> UIState {
        var ui = UIState()
        ui.language = .zhCN
        ui.tab = tab
        return ui
    }

    func press(_ keys: [Key], _ ui: inout UIState, _ snapshot: Snapshot, width: Int) -> [Effect] {
        let layout = ScreenLayout(width: width, height: 30)
        var effects: [Effect] = []
        for key in keys {
            effects += ui.handle(
                key, snapshot: snapshot, lists: VisibleLists.compute(snapshot, ui), bodyRows: layout.body.height, now: now, layout: layout)
        }
        return effects
    }

    func text(_ screen: CellBuffer) -> String { screen.lines.joined(separator: "\n") }

    /// The footer's pane items as drawn: `keys action`, whole.
    func footerItems(_ tab: Tab, in language: Language) -> [String] {
        Language.$current.withValue(language) {
            KeyBinding.footer(for: tab).filter { $0.scope != .global }.map { $0.keys + " " + $0.action }
        }
    }

    // MARK: The budgets: a label cut off fails here whatever the screen shows.

    /// Every column's title fits the column at its narrowest, in every language: a fixed column
    /// is never wider than its width, and a flexible one may be drawn at its minimum.
    @Test(arguments: Language.allCases)
    func everyColumnTitleFitsItsColumn(language: Language) {
        func check<Row>(_ columns: [PaneColumn<Row>], _ table: String) {
            for column in columns {
                let room: Int
                switch column.width {
                case .fixed(let width): room = width
                case .flex(let minimum): room = minimum
                }
                let title = Language.$current.withValue(language) { column.title }
                #expect(DisplayWidth.columns(title) <= room, "\(table).\(column.id): “\(title)” in \(room) columns")
            }
        }
        check(OrdersColumns.all, "orders")
        check(StaticIPsColumns.all, "static-ips")
        check(PackagesColumns.all, "packages")
        check(ProductsColumns.all, "products")
        check(FlowColumns.all, "flow")
        check(WhitelistColumns.all, "whitelist")
        check(AlertsColumns.all, "alerts")
    }

    /// The fixed status columns hold every Chinese word whole (a CJK character takes two columns).
    @Test func chineseStatusWordsFitTheirColumns() {
        func room<Row>(_ columns: [PaneColumn<Row>], _ id: String) -> Int {
            guard case .fixed(let width)? = columns.first(where: { $0.id == id })?.width else { return 0 }
            return width
        }
        Language.$current.withValue(.zhCN) {
            for s in ModelTextTests.orderStatuses {
                #expect(DisplayWidth.columns(ModelText.orderStatus(s)) <= room(OrdersColumns.all, "status"))
            }
            for s in ModelTextTests.payStatuses {
                #expect(DisplayWidth.columns(ModelText.payFeeStatus(s)) <= room(OrdersColumns.all, "pay_fee_status"))
            }
            #expect(DisplayWidth.columns(UIText.mRefunded()) <= room(OrdersColumns.all, "refund"))
            for s in ModelTextTests.ipStatuses {
                #expect(DisplayWidth.columns(ModelText.ipStatus(s)) <= room(StaticIPsColumns.all, "status"))
            }
            for key: UIText in [.mSaleCustomOnly, .mSaleYes, .mSaleNo, .mStatusUnknown] {
                #expect(DisplayWidth.columns(key()) <= room(ProductsColumns.all, "sale"))
            }
        }
    }

    /// Every footer item the English footer shows whole at this width, the Chinese one shows
    /// whole too: the footer drops an item that does not fit, so a long label would vanish.
    @Test(arguments: [80, 120])
    func everyFooterItemShownInEnglishIsShownInChinese(width: Int) async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            for pane in Panes.all {
                var english = UIState()
                english.tab = pane.tab
                let englishFooter = renderDashboard(data, english, now: now, width: width, height: 30).line(29)
                let shown = zip(footerItems(pane.tab, in: .en), footerItems(pane.tab, in: .zhCN)).filter { englishFooter.contains($0.0) }
                #expect(!shown.isEmpty, "\(pane.tab): no English footer item at \(width): \(englishFooter)")
                let footer = renderDashboard(data, chinese(pane.tab), now: now, width: width, height: 30).line(29)
                for (en, zh) in shown {
                    #expect(footer.contains(zh), "\(pane.tab) at \(width): “\(zh)” (for “\(en)”) is not whole in: \(footer)")
                }
                #expect(footer.contains("? 帮助") && footer.contains("q 退出"), "\(pane.tab): \(footer)")
            }
        }
    }

    /// A batch's counts, as the flash line reports them, come from the catalogue too.
    @Test func aBatchSummaryInEitherLanguage() {
        var batch = BatchOutcome()
        batch.accepted = ["a", "b"]
        batch.notSent = ["c"]
        #expect(Language.$current.withValue(.en) { CommandText.batchSummary(batch) } == "2 accepted, 1 not sent")
        #expect(Language.$current.withValue(.zhCN) { CommandText.batchSummary(batch) } == "2 个已接受，1 个未发送")
    }

    // MARK: The panes.

    @Test(arguments: [80, 120])
    func ordersStaticIPsAndPackagesInChinese(width: Int) async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            let orders = renderDashboard(data, chinese(.orders), now: now, width: width, height: 30)
            let orderCount = data.orders.value?.count ?? 0
            #expect(orders.line(2).hasPrefix(" 订单 \(orderCount) / \(orderCount)"), "\(orders.line(2))")
            #expect(orders.line(3).hasPrefix("交易号") && orders.line(3).contains("标题"), "\(orders.line(3))")
            #expect(!text(orders).contains("TRADE NO"))

            let ips = renderDashboard(data, chinese(.staticIPs), now: now, width: width, height: 30)
            let ipCount = data.staticIPs.value?.count ?? 0
            #expect(ips.line(2).hasPrefix(" 静态IP \(ipCount) / \(ipCount)"), "\(ips.line(2))")
            #expect(ips.line(2).contains("个7天内到期"), "\(ips.line(2))")
            #expect(ips.line(3).contains("端口") && ips.line(3).contains("城市"), "\(ips.line(3))")
            // Shorter than the English, the Chinese keys leave room for more of them at 80.
            #expect(ips.line(29).contains("/ 筛选IP/国家/状态/类型  Enter y 全部字段（原样）"), "\(ips.line(29))")

            let packages = renderDashboard(data, chinese(.packages), now: now, width: width, height: 30)
            #expect(packages.line(2).hasPrefix(" 套餐 "), "\(packages.line(2))")
            #expect(packages.line(3).hasPrefix(" 总计 "), "\(packages.line(3))")
            #expect(text(packages).contains("交易号") && !text(packages).contains("EXPIRES"))
        }
    }

    @Test(arguments: [80, 120])
    func productsAndFlowInChinese(width: Int) async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            let products = renderDashboard(data, chinese(.products), now: now, width: width, height: 30)
            #expect(products.line(2).hasPrefix(" 产品 "), "\(products.line(2))")
            #expect(products.line(3).contains("标题") && products.line(3).contains("价格"), "\(products.line(3))")
            if width >= 110 { #expect(text(products).contains("支付方式") && text(products).contains("充值赠送")) }

            let flow = renderDashboard(data, chinese(.flow), now: now, width: width, height: 30)
            #expect(flow.line(2).hasPrefix(" 流量 · 最近 30 天 · 总计 "), "\(flow.line(2))")
            #expect(text(flow).contains(" 整个账户"))
        }
    }

    // MARK: Buying, renewing, the server query.

    @Test(arguments: [80, 120])
    func theBuyFormAndThePricePreviewInChinese(width: Int) async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            var ui = chinese(.products)
            ui.products.selected = try #require(data.catalogue.value?.products.firstIndex { $0.id == 102 })
            _ = press([.character("b")], &ui, data, width: width)
            guard case .form(let form, _)? = ui.dialog else {
                Issue.record("b opened no form: \(ui.flash?.text ?? "")")
                return
            }
            let screen = renderDashboard(data, ui, now: now, width: width, height: 30)
            #expect(text(screen).contains("购买 Business 50 GB"), "\(text(screen))")
            #expect(text(screen).contains("数量") && text(screen).contains("优惠码") && text(screen).contains("支付方式"))
            #expect(text(screen).contains("[ 预览价格 ]"), "\(text(screen))")
            // Enter through the fields to the button: the price preview is asked for.
            var effects: [Effect] = []
            for _ in 0...form.fields.count { effects += press([.enter], &ui, data, width: width) }
            var sent: (Int, Command)?
            for case .run(let id, let command, _) in effects { sent = (id, command) }
            let (id, command) = try #require(sent)
            guard case .checkOrder(let request) = command else {
                Issue.record("not a price preview: \(command)")
                return
            }
            let store = Store(source: "t", readOnly: false) { _ in }
            await store.record(Reply(id: id, command: command, outcome: .done(.quote(try await client.checkOrder(request)))))
            let answered = await store.current
            // The dashboard takes replies inside its language, as `DashboardDriver` does.
            Language.$current.withValue(.zhCN) { ui.receive(answered, now: now) }
            let preview = renderDashboard(data, ui, now: now, width: width, height: 30)
            let lines = text(preview)
            #expect(lines.contains("总价 ") && lines.contains("应付 "), "\(lines)")
            #expect(lines.contains("尚未下单。"))
            #expect(lines.contains("[ 取消 ]") && lines.contains("[ 创建订单 ]"), "\(lines)")
        }
    }

    @Test(arguments: [80, 120])
    func thePackageRenewalFormInChinese(width: Int) async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            var ui = chinese(.packages)
            _ = press([.character("R")], &ui, data, width: width)
            guard case .form(let form, _)? = ui.dialog else {
                Issue.record("R opened no form: \(ui.flash?.text ?? "")")
                return
            }
            #expect(form.title.hasPrefix("续费套餐 "))
            let lines = text(renderDashboard(data, ui, now: now, width: width, height: 30))
            #expect(lines.contains("续费产品") && lines.contains("支付方式"), "\(lines)")
            #expect(lines.contains("先预览价格；尚未下单。"))
            #expect(lines.contains("[ 取消 ]") && lines.contains("[ 预览价格 ]"), "\(lines)")
        }
    }

    @Test(arguments: [80, 120])
    func theServerQueryFormAndBannerInChinese(width: Int) async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            var ui = chinese(.orders)
            _ = press([.character("F")], &ui, data, width: width)
            let form = text(renderDashboard(data, ui, now: now, width: width, height: 30))
            #expect(form.contains("查询订单") && form.contains("起始日") && form.contains("交易号"), "\(form)")
            #expect(form.contains("[ 取消 ]") && form.contains("[ 查询 ]"), "\(form)")

            ui.dialog = nil
            let query = ServerQuery.orders(OrderQuery(status: .paid, days: DayRange(from: ProviderDay("2020-01-01"))))
            let paid = (data.orders.value ?? []).filter { $0.status == .paid }
            ui.serverQueries.ask(query, profile: data.profiles.active)
            let accepted = ui.serverQueries.show(query, .orders(paid), profile: data.profiles.active, at: now)
            #expect(accepted)
            let screen = renderDashboard(data, ui, now: now, width: width, height: 30)
            let banner = screen.line(2)
            #expect(banner.hasPrefix(" 服务端查询：status paid"), "\(banner)")
            // Whatever the width, the way back is drawn whole at the banner's end.
            #expect(banner.trimmingCharacters(in: .whitespaces).hasSuffix("— F 修改 · Esc 清除"), "\(banner)")
            if width >= 120 { #expect(banner.contains("\(paid.count) 行"), "\(banner)") }
        }
    }
}
