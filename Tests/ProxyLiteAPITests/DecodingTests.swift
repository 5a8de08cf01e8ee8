import Foundation
import Testing

@testable import ProxyLiteAPI

/// Decoding without HTTP: every response example of the reference, and each quirk the reference
/// leaves unsaid.
@Suite struct DecodingTests {
    let client = ProxyLiteClient(configuration: .init(appKey: AppKey("k")))

    func decode<P: APIPayload>(_ json: String, as: P.Type, status: Int = 200, endpoint: Endpoint = .accountList) throws -> P {
        try client.decode(P.self, from: Data(json.utf8), status: status, endpoint: endpoint)
    }

    // MARK: - The reference's examples

    @Test func accountListExample() throws {
        let list = try decode(
            """
            {"code":200,"msg":"string","data":{"list":[{"id":0,"username":"string","password":"string",
            "created_at":"string","remark":"string","product_type":9,"usage_flow":0,"limit_flow":102400,"status":0}]}}
            """, as: ListPayload<SubAccount>.self
        ).list
        #expect(list.count == 1)
        // The reference's example date is the word "string": unreadable dates become nil, not a failure.
        #expect(list[0].createdAt == nil)
        #expect(list[0].limitBytes == Int64(102_400) * 1_073_741_824)
        #expect(list[0].isEnabled == false && list[0].productType == 9)
    }

    @Test func writeExampleWithNullData() throws {
        _ = try decode(#"{"code":200,"msg":"string","data":null}"#, as: NoContent.self)
    }

    @Test func orderListExample() throws {
        let page = try decode(
            """
            {"code":0,"message":"操作成功","data":{"list":[{"id":0,"trade_no":"string","out_trade_no":"string",
            "product_id":0,"product_type":0,"amount":0,"unit_price":0.1,"total_fee":0.1,"goods_fee":0.1,"pay_fee":0.1,
            "discount_fee":0.1,"handling_fee":0.1,"refund_fee":0.1,"pm_id":0,"pm_title":"string","pm_logo":"string",
            "status":0,"title":"string","detail":"string","region_desc":"string","pay_at":"2019-08-24T14:15:22Z",
            "pay_timestamp":0,"created_at":"2019-08-24T14:15:22Z","pay_fee_status":0,"invoice":{"name":"string",
            "org_name":"string","first_name":"string","last_name":"string","phone":"string","email":"[email protected]",
            "role_type":0,"vat_id":"string","address_country":"string","address_city":"string",
            "address_line1":"string","address_line2":"string","address_postal_code":"string"}}],
            "pagination":{"total":0,"page_no":0,"page_size":0,"total_pages":0}}}
            """, as: OrderPage.self, endpoint: .orderList)
        #expect(page.list.count == 1 && page.totalPages == 0)
        #expect(page.list[0].createdAt == Date(timeIntervalSince1970: 1_566_656_122))
        #expect(page.list[0].payFee == 0.1 && page.list[0].invoice?.email == "[email protected]")
    }

    @Test func orderCheckExample() throws {
        let result = try decode(
            """
            {"code":0,"message":"操作成功","data":{"product_id":0,"amount":0,"discount_fee":0.1,"total_fee":0.1,
            "pay_fee":0.1,"product_type":0,"title":"string","detail":"string","ip_result":[{"ip":"string","price":0.1,
            "country_code":"string","current_time":"2019-08-24T14:15:22Z","renewal_time":"2019-08-24T14:15:22Z",
            "country":{"name_zh_cn":"string","flag":"string","square_flag":"string"}}]}}
            """, as: OrderCheckResult.self, endpoint: .orderCheck)
        #expect(result.ipPrices.count == 1 && result.ipPrices[0].countryName == "string")
    }

    @Test func closeExampleWithEmptyObject() throws {
        _ = try decode(#"{"code":0,"message":"操作成功","data":{}}"#, as: NoContent.self, endpoint: .orderClose)
    }

    @Test func whitelistAndFlowExamples() throws {
        let ips = try decode(
            #"{"code":200,"msg":"string","data":{"list":[{"ip":"1.1.1.1","remark":"string","product_type":0,"created_at":"2022-05-13 12:14:15"}]}}"#,
            as: ListPayload<WhitelistIP>.self)
        #expect(ips.list[0].ip == "1.1.1.1")
        let flow = try decode(
            #"{"code":200,"msg":"string","data":{"list":[{"day":"2022-08-01","flow":0}]}}"#, as: ListPayload<DailyFlow>.self)
        #expect(flow.list[0].day == "2022-08-01")
    }

    @Test func packageExamples() throws {
        let page = try decode(
            """
            {"code":200,"msg":"string","data":{"list":[{"id":0,"created_at":"2022-05-13 12:14:15",
            "expired_at":"2022-05-13 12:14:15","product_type":9,"trade_no":"2022051312134339861461465434",
            "order":{"created_at":"2022-05-13 12:13:43","pay_at":"2022-05-13 12:13:43","title":"入门级"}}],
            "page":1,"page_size":20,"total_count":0,"total_page":0}}
            """, as: SizedPage<PurchasedPackage>.self)
        #expect(page.list[0].orderTitle == "入门级" && page.totalPages == 0)
        // 12:14:15 at UTC+8 is 04:14:15 UTC.
        #expect(page.list[0].createdAt == Date(timeIntervalSince1970: 1_652_415_255))
        let summary = try decode(
            """
            {"code":200,"msg":"成功","data":{"total":1048576,"total_count":5,"effective":524288,"effective_count":3,
            "effective_total":786432,"effective_used":262144,"temporary":102400,"temporary_count":1,"expired":51200,
            "expired_count":1,"used":473088}}
            """, as: PackageSummary.self)
        #expect(summary.totalBytes == 1_073_741_824 && summary.expiringCount == 1 && summary.usedBytes == 473_088 * 1024)
    }

    @Test func extractionAndRegionExamples() throws {
        let list = try decode(
            #"{"code":200,"msg":"string","data":{"list":[["150.109.114.72:1140","150.109.114.72:1141"]]}}"#,
            as: ListPayload<JSONValue>.self)
        #expect(list.list.count == 1)
        let v4 = try decode(
            #"{"code":200,"msg":"string","data":{"cache":true,"list":[{"City":"Los Angeles","Area":"US","State":"California"}]}}"#,
            as: RegionListV4<RegionV4>.self)
        #expect(v4.cached && v4.list[0].state == "California")
        let dal4 = try decode(
            #"{"code":200,"msg":"string","data":{"cache":true,"list":[{"Area":"US","states":[{"State":"California","cities":["Los Angeles"]}]}]}}"#,
            as: RegionListV4<AreaV4>.self)
        #expect(dal4.list[0].states[0].cities == ["Los Angeles"])
        let cities = try decode(
            #"{"code":200,"msg":"string","data":{"list":[{"name_zh_cn":"美国","name_en":"United States","continent_code":"NA","country_code":"US","items":[{"city":"Arlington","state":"alabama","continent_code":"NA","country_code":"US"}]}]}}"#,
            as: ListPayload<CountryRegions>.self)
        #expect(cities.list[0].items[0].city == "Arlington")
        let search = try decode(#"{"code":200,"msg":"string","data":{"list":["string"]}}"#, as: ListPayload<String>.self)
        #expect(search.list == ["string"])
        let stock = try decode(
            #"{"code":200,"msg":"请求成功","data":{"list":[{"code":"US","number":55,"name_zh_cn":"美国","name_en":"United States","square_flag":"https://example.com/static/flags/us.png"}]}}"#,
            as: ListPayload<RegionStock>.self)
        #expect(stock.list[0].count == 55 && stock.list[0].nameEnglish == "United States")
    }

    @Test func catalogueExamples() throws {
        let groups = try decode(
            #"{"code":0,"message":"操作成功","data":{"list":[{"name":"string","logos":["string"],"items":[{"id":0,"title":"string","logo":"string","group":"string","disabled":false,"min":0,"max":0}]}]}}"#,
            as: ListPayload<PaymentGroup>.self, endpoint: .paymentGroups)
        #expect(groups.list[0].methods.count == 1)
        let ratios = try decode(
            #"{"code":0,"message":"操作成功","data":{"list":[null]}}"#, as: ListPayload<JSONValue>.self,
            endpoint: .rechargeGiftRatio)
        #expect(ratios.list == [.null])
        let products = try decode(
            """
            {"code":0,"message":"操作成功","data":[{"id":0,"title":"string","type":0,"show_type":0,"status":0,"price":0.1,
            "usd_price":0.1,"price_hkd":0.1,"original_price":0.1,"original_usd_price":0.1,"original_price_hkd":0.1,
            "local_price":0.1,"local_original_price":0.1,"preferred_currency":"string","support_currencies":"string",
            "flow_value":0.1,"flow_give":0.1,"balance_give":0.1,"balance_value":0.1,"time_validity":0.1,"time_price":0.1,
            "time_days":0,"tip1":"string","tip2":"string","introduce":["string"],"region_list_id":0,
            "renew_product_list":"string","parent_product_type":0,"total_count":0,"remain_count":0,
            "extension_of_time_days":[0],"time_days_price_rate":0.1,"desc":{"subtitle":"string","flow_value":0.1,
            "flow_give":0.1,"balance_give":0.1,"time_validity":0.1,"time_price":0.1,"tip1":"string","tip2":"string",
            "introduce":["string"]},"sku":{"bandwidth_list":[{"id":0,"value":0,"price":0.1,"price_usd":0.1,"price_hkd":0.1}],
            "duration_list":[{"id":0,"value":0,"price":0.1,"price_usd":0.1,"price_hkd":0.1}],
            "concurrency_list":[{"id":0,"value":0,"price":0.1,"price_usd":0.1,"price_hkd":0.1}]}}]}
            """, as: ArrayPayload<Product>.self, endpoint: .products)
        #expect(products.items.count == 1 && products.items[0].bandwidthSKUs.count == 1)
        #expect(products.items[0].subtitle == "string")
    }

    @Test func errorExamples() throws {
        let bad = #expect(throws: ProxyLiteError.self) {
            try decode(#"{"code":400,"message":"参数错误","errors":{}}"#, as: NoContent.self, status: 400)
        }
        #expect(bad?.code == .badParameters && bad?.message.contains("参数错误") == true)
        let key = #expect(throws: ProxyLiteError.self) {
            try decode(#"{"code":3,"msg":"app_key 无效","data":null}"#, as: NoContent.self)
        }
        #expect(key?.code == .invalidAppKey)
        let other = #expect(throws: ProxyLiteError.self) {
            try decode(#"{"code":1001,"message":"余额不足"}"#, as: NoContent.self)
        }
        #expect(other?.code == .api(1001) && other?.message.contains("余额不足") == true)
    }

    // MARK: - Quirks

    @Test(arguments: ["null", "{}", "[]"]) func emptyDataMeansNothing(data: String) throws {
        let list = try decode(#"{"code":200,"msg":"ok","data":\#(data)}"#, as: ListPayload<SubAccount>.self)
        #expect(list.list.isEmpty)
        let summary = try decode(#"{"code":200,"msg":"ok","data":\#(data)}"#, as: PackageSummary.self)
        #expect(summary.totalBytes == 0)
    }

    @Test func missingDataMeansNothing() throws {
        #expect(try decode(#"{"code":200,"msg":"ok"}"#, as: ListPayload<SubAccount>.self).list.isEmpty)
    }

    @Test func numbersAsStringsAndMissingFields() throws {
        let list = try decode(
            #"{"code":"200","msg":"ok","data":{"list":[{"id":"7","username":12345,"usage_flow":"1024","limit_flow":"5","status":"1","product_type":"14","extra":{"x":1}},{"username":"bare"}]}}"#,
            as: ListPayload<SubAccount>.self)
        #expect(list.list[0].id == 7 && list.list[0].username == "12345")
        #expect(list.list[0].usageBytes == 1024 * 1024 && list.list[0].limitGB == 5 && list.list[0].isEnabled)
        #expect(list.list[0].productType == .staticDatacenterIP)
        #expect(list.list[1].usageBytes == 0 && list.list[1].limitBytes == nil && list.list[1].createdAt == nil)
    }

    @Test func emptyArrayWhereAnObjectIsMeant() throws {
        let page = try decode(
            #"{"code":0,"message":"ok","data":{"list":[{"trade_no":"1","invoice":[]}],"pagination":[]}}"#, as: OrderPage.self,
            endpoint: .orderList)
        #expect(page.list[0].invoice == nil && page.totalPages == nil)
    }

    @Test func bothDateFormatsAndTheProviderZone() throws {
        let local = try APIDate.parse("2022-05-13 12:14:15", providerOffset: 8 * 3600)
        let iso = try APIDate.parse("2022-05-13T04:14:15Z", providerOffset: 8 * 3600)
        let offset = try APIDate.parse("2022-05-13T12:14:15+08:00", providerOffset: 0)
        let fraction = try APIDate.parse("2022-05-13T04:14:15.500Z", providerOffset: 0)
        #expect(local == iso && iso == offset)
        #expect(fraction == iso!.addingTimeInterval(0.5))
        #expect(try APIDate.parse("2022-05-13 12:14:15", providerOffset: 0) == iso!.addingTimeInterval(8 * 3600))
        #expect(try APIDate.parse("", providerOffset: 0) == nil)
        #expect(try APIDate.parse("0000-00-00 00:00:00", providerOffset: 0) == nil)
        #expect(throws: APIDate.Invalid.self) { try APIDate.parse("13/05/2022", providerOffset: 0) }
        #expect(APIDate.providerString(local!, offset: 8 * 3600) == "2022-05-13 12:14:15")
        #expect(APIDate.isoString(local!) == "2022-05-13T04:14:15Z")
    }

    /// Garbage in a field costs that field (the row stays, the field is noted unreadable);
    /// garbage in place of the list itself is an error naming the endpoint and the member.
    @Test func garbageNamesEndpointAndField() throws {
        let page = try decode(
            #"{"code":200,"msg":"ok","data":{"list":[{"username":"a"},{"usage_flow":"lots"}]}}"#, as: ListPayload<SubAccount>.self)
        #expect(page.list.count == 2 && page.list[1].unreadable.names == ["usage_flow"])
        let error = #expect(throws: ProxyLiteError.self) {
            try decode(#"{"code":200,"msg":"ok","data":{"list":"lots"}}"#, as: ListPayload<SubAccount>.self)
        }
        #expect(error?.code == .decoding && error?.endpoint == "whitelist-account/list")
        #expect(error?.message.contains("list") == true)
    }

    @Test func unknownProductTypesStillDisplay() {
        #expect(ProductType(99).label(in: .account) == "type 99")
        #expect(ProductType(25).label(in: .account) == "Static residential IP")
        #expect(ProductType(25).label(in: .product) == "Static IP rate plan")
        #expect(ProductType(21).knownLabel(in: .account) == nil)
    }

    @Test func staticIPKeepsUnknownFields() throws {
        let page = try decode(
            #"{"code":200,"msg":"ok","data":{"list":[{"id":"9","ip":"1.2.3.4","expire_at":"2030-01-01 00:00:00","mystery":[1,2],"password":"p"}],"total_page":1}}"#,
            as: SizedPage<StaticIP>.self, endpoint: .staticIPList)
        let ip = try #require(page.list.first)
        #expect(ip.id == 9 && ip.expiresAt != nil && ip.raw["mystery"] == [1, 2])
        #expect(ip.maskedRaw["password"] == "••••••" && ip.raw["password"] == "p")
    }
}
