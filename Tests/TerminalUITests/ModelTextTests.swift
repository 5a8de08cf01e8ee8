import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// The API models' words in table cells, details and flashes: Chinese in the Chinese interface,
/// the models' own English (byte for byte) in the English one, and the CSV's raw text unchanged.
@Suite struct ModelTextTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func snapshot(_ client: ProxyLiteClient) async throws -> Snapshot {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.accounts([Fixtures.account("alpha", usageGB: 9.6, limitGB: 10)]), at: now)
        await store.apply(.staticIPs(try await client.allStaticIPs()), at: now)
        await store.apply(.orders(try await client.allOrders()), at: now)
        await store.apply(.packages(try await client.allPackages()), at: now)
        let catalogue = CatalogueData(
            products: try await client.products(), paymentGroups: try await client.paymentGroups(),
            rechargeRatios: try await client.rechargeGiftRatios())
        await store.apply(.catalogue(catalogue), at: now)
        return await store.current
    }

    func screen(_ data: Snapshot, _ tab: Tab, _ language: Language) -> [String] {
        var ui = UIState()
        ui.language = language
        ui.tab = tab
        return renderDashboard(data, ui, now: now, width: 120, height: 30).lines
    }

    static let orderStatuses: [OrderStatus] = [.unpaid, .paid, .cancelled, .refunded, .other(9)]
    static let ipStatuses: [StaticIPStatus] = [.valid, .invalid, .expiringSoon, .maintenance, .other(9)]
    static let payStatuses: [PayFeeStatus] = [.normal, .overpaid, .underpaid, .other(9)]

    // MARK: The words.

    @Test func englishIsTheModelsOwnText() {
        Language.$current.withValue(.en) {
            for s in Self.orderStatuses { #expect(ModelText.orderStatus(s) == s.description) }
            for s in Self.ipStatuses { #expect(ModelText.ipStatus(s) == s.description) }
            for s in Self.payStatuses { #expect(ModelText.payFeeStatus(s) == s.description) }
            let sections: [ProductType.Section] = [.account, .order, .product, .summary, .staticIP]
            for section in sections {
                for code in 0...30 {
                    let type = ProductType(code)
                    #expect(ModelText.productType(type, section: section) == type.label(in: section))
                }
            }
        }
    }

    /// The English table's entries match the models' words, so the catalogue never disagrees with
    /// what English screens show.
    @Test func theEnglishTableMatchesTheModels() {
        let en = Language.en
        #expect(UIText.mOrderPaid.text(in: en) == OrderStatus.paid.description)
        #expect(UIText.mOrderUnpaid.text(in: en) == OrderStatus.unpaid.description)
        #expect(UIText.mOrderCancelled.text(in: en) == OrderStatus.cancelled.description)
        #expect(UIText.mOrderRefunded.text(in: en) == OrderStatus.refunded.description)
        #expect(UIText.mStatusN.text(in: en, 9) == OrderStatus.other(9).description)
        #expect(UIText.mIPValid.text(in: en) == StaticIPStatus.valid.description)
        #expect(UIText.mIPInvalid.text(in: en) == StaticIPStatus.invalid.description)
        #expect(UIText.mIPExpiring.text(in: en) == StaticIPStatus.expiringSoon.description)
        #expect(UIText.mIPMaintenance.text(in: en) == StaticIPStatus.maintenance.description)
        #expect(UIText.mPayNormal.text(in: en) == PayFeeStatus.normal.description)
        #expect(UIText.mPayOverpaid.text(in: en) == PayFeeStatus.overpaid.description)
        #expect(UIText.mPayUnderpaid.text(in: en) == PayFeeStatus.underpaid.description)
        #expect(UIText.mPayStatusN.text(in: en, 9) == PayFeeStatus.other(9).description)
        #expect(UIText.mTypeN.text(in: en, 99) == ProductType(99).label(in: .order))
    }

    @Test func chineseWordsFromTheReference() {
        Language.$current.withValue(.zhCN) {
            #expect(Self.orderStatuses.map { ModelText.orderStatus($0) } == ["待支付", "已支付", "已取消", "已退款", "状态 9"])
            #expect(Self.ipStatuses.map { ModelText.ipStatus($0) } == ["有效", "无效", "即将过期", "维护中", "状态 9"])
            #expect(ModelText.productType(ProductType(9), section: .order) == "动态流量套餐")
            #expect(ModelText.productType(ProductType(9), section: .product) == "动态住宅流量套餐")
            #expect(ModelText.productType(ProductType(25), section: .order) == "住宅静态IP套餐")
            #expect(ModelText.productType(ProductType(25), section: .product) == "静态IP速率套餐")
            #expect(ModelText.productType(ProductType(25), section: .staticIP) == "静态住宅IP")
            #expect(ModelText.productType(ProductType(14), section: .staticIP) == "数据中心IP")
            #expect(ModelText.productType(ProductType(99), section: .account) == "类型 99")
        }
    }

    /// Every section's Chinese table names the same codes as its English one.
    @Test func chineseProductTypesCoverTheEnglishCodes() {
        let sections: [ProductType.Section] = [.account, .order, .product, .summary, .staticIP]
        for section in sections {
            for code in 0...40 {
                let english = ProductType(code).knownLabel(in: section) != nil
                #expect(english == (ChineseTypeNames.chinese(section)[code] != nil), "\(section) \(code)")
            }
        }
    }

    // MARK: The cells.

    /// The line of the row whose first cell is `key`.
    func row(_ lines: [String], _ key: String) -> String? { lines.first { $0.hasPrefix(key + " ") } }

    @Test func ordersStatusesAndTypesInChinese() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            let lines = screen(data, .orders, .zhCN)
            var seen: Set<String> = []
            for order in data.orders.value ?? [] {
                guard let line = row(lines, order.tradeNo), let status = order.status else { continue }
                let word = Language.$current.withValue(.zhCN) { ModelText.orderStatus(status) }
                #expect(line.contains(" \(word) "), "\(order.tradeNo) \(status): \(line)")
                #expect(!line.contains(" \(status.description) "), "\(line)")
                seen.insert(word)
            }
            #expect(seen.contains("已支付") && seen.contains("待支付"), "\(seen)")
            let all = lines.joined(separator: "\n")
            #expect(all.contains("动态流量") || all.contains("住宅静态") || all.contains("数据中心"), "\(all)")
        }
    }

    @Test func staticIPStatusesInChinese() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            let lines = screen(data, .staticIPs, .zhCN)
            var checked = 0
            for ip in data.staticIPs.value ?? [] {
                guard let line = row(lines, ip.ip), let status = ip.status else { continue }
                let word = Language.$current.withValue(.zhCN) { ModelText.ipStatus(status) }
                #expect(line.contains(" \(word) "), "\(ip.ip) \(status): \(line)")
                checked += 1
            }
            #expect(checked > 0)
            let all = lines.joined(separator: "\n")
            #expect(all.contains("静态住宅IP") || all.contains("数据中心IP"), "\(all)")
        }
    }

    @Test func productsSaleAndTypeInChinese() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            let all = screen(data, .products, .zhCN).joined(separator: "\n")
            let products = data.catalogue.value?.products ?? []
            let words = Language.$current.withValue(.zhCN) { products.map { ModelText.saleText($0) } }
            #expect(!words.isEmpty)
            for word in Set(words) { #expect(all.contains(" \(word) "), "\(word): \(all)") }
            #expect(!all.contains(" yes ") && !all.contains(" custom only "), "\(all)")
            #expect(!all.contains("Dynamic residential"), "\(all)")
        }
    }

    /// The same cells in English are the models' words, as before.
    @Test func theSameCellsInEnglishAreUnchanged() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            let orders = screen(data, .orders, .en)
            for order in data.orders.value ?? [] {
                guard let line = row(orders, order.tradeNo), let status = order.status else { continue }
                #expect(line.contains(" \(status.description) "), "\(line)")
            }
            let ips = screen(data, .staticIPs, .en)
            for ip in data.staticIPs.value ?? [] {
                guard let line = row(ips, ip.ip), let status = ip.status else { continue }
                #expect(line.contains(" \(status.description) "), "\(line)")
            }
            let products = screen(data, .products, .en).joined(separator: "\n")
            for product in data.catalogue.value?.products ?? [] {
                #expect(products.contains(" \(product.saleText) "), "\(product.saleText): \(products)")
            }
            #expect(!products.contains("上架") && !orders.joined().contains("已支付"))
        }
    }

    /// CSV takes `raw`: the English words whatever the language.
    @Test func rawCellsStayEnglish() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            let context = ColumnContext(now: now, dates: .provider(offset: 28_800))
            func raws<Row>(_ columns: [PaneColumn<Row>], _ rows: [Row], _ language: Language) -> [[String]] {
                Language.$current.withValue(language) { rows.map { row in columns.map { $0.raw(row, context) } } }
            }
            let ips = data.staticIPs.value ?? []
            #expect(raws(StaticIPsColumns.all, ips, .zhCN) == raws(StaticIPsColumns.all, ips, .en))
            let products = data.catalogue.value?.products ?? []
            #expect(raws(ProductsColumns.all, products, .zhCN) == raws(ProductsColumns.all, products, .en))
            let orders = data.orders.value ?? []
            #expect(raws(OrdersColumns.all, orders, .zhCN) == raws(OrdersColumns.all, orders, .en))
            let sale = ProductsColumns.all.first { $0.id == "sale" }
            for product in products { #expect(sale.map { $0.raw(product, context) } == product.saleText) }
        }
    }
}
