import Foundation
import ProxyLiteSimulator
import TestSupport
import Testing

@testable import ProxyLiteAPI

/// No value from the API can trap or cost a row: huge numbers, far-future and impossible dates,
/// NaN and infinity, text where numbers go, missing identities.
@Suite struct HostileValueTests {
    func accounts(_ items: String) -> [SubAccount] {
        Fixtures.decode(ListPayload<SubAccount>.self, #"{"list":[\#(items)]}"#).list
    }

    @Test func byteConversionsAndSumsSaturateInsteadOfTrapping() {
        #expect(ByteUnits.fromKB(.max) == .max)
        #expect(ByteUnits.fromGB(.max / 2) == .max)
        #expect(ByteUnits.fromKB(.min) == .min)
        #expect([Int64.max, 1, 5].saturatingSum() == .max)
        #expect(Int64.min.subtractingSaturated(1) == .min)
        #expect(Int64(saturating: 1e30) == .max && Int64(saturating: -1e30) == .min)
        #expect(Int64(saturating: .nan) == nil && Int64(saturating: .infinity) == .max)
        #expect(Int(clamping: Double.nan) == 0)
    }

    @Test func farFutureDatesReadAsNeverAndImpossibleOnesAreRefused() throws {
        let never = try #require(try APIDate.parse("2199-01-01 00:00:00", providerOffset: 0))
        #expect(never == APIDate.never && never.isNever)
        #expect(try APIDate.parse("9999-12-31T23:59:59Z", providerOffset: 0) == APIDate.never)
        #expect(try APIDate.parse("0000-00-00 00:00:00", providerOffset: 0) == nil)
        for impossible in ["2026-13-45 10:00:00", "2026-02-30", "2026-04-31 00:00:00", "2026-00-10", "2025-02-29"] {
            #expect(throws: APIDate.Invalid.self) { try APIDate.parse(impossible, providerOffset: 0) }
        }
        #expect(try APIDate.parse("2024-02-29", providerOffset: 0) != nil)
        #expect(APIDate.providerString(Date(timeIntervalSince1970: 9e18), offset: 8 * 3600).hasPrefix("9"))
    }

    @Test func anUnreadableValueCostsThatValueNotTheRow() {
        let list = accounts(
            #"""
            {"id":1,"username":"a","usage_flow":"1e30","limit_flow":10,"status":1},
            {"id":2,"username":"b","usage_flow":"NaN","created_at":"2026-13-45 10:00:00"},
            {"id":3,"username":"c","usage_flow":-5,"limit_flow":"Infinity"},
            {"id":4,"username":"d","usage_flow":"9223372036854775807","created_at":"2199-01-01 00:00:00"},
            {"id":5,"usage_flow":1,"remark":{"zh":"备注"}},
            7,
            {"id":6,"username":"f","usage_flow":"1e999","limit_flow":"lots"}
            """#)
        #expect(list.count == 7)
        #expect(list[0].unreadable.names == ["usage_flow"] && list[0].limitGB == 10 && list[0].isEnabled)
        #expect(list[1].unreadable.names == ["created_at", "usage_flow"])
        #expect(list[2].unreadable.names == ["usage_flow", "limit_flow"])
        #expect(list[3].unreadable.isEmpty && list[3].usageBytes == .max && list[3].createdAt?.isNever == true)
        #expect(list[4].unreadable.names == ["remark"] && !list[4].hasIdentity)
        #expect(list[5].unreadable.names == ["row"] && !list[5].hasIdentity)
        #expect(list[6].unreadable.names == ["usage_flow", "limit_flow"] && list[6].username == "f")
    }

    @Test func ordersRefuseNaNAndInfinityPerField() {
        let page = Fixtures.decode(
            ListPayload<Order>.self,
            #"{"list":[{"trade_no":"T1","pay_fee":"NaN","total_fee":"Infinity","refund_fee":1e999,"amount":"1e30"},{"pay_fee":2.5}]}"#)
        #expect(page.list.count == 2)
        #expect(Set(page.list[0].unreadable.names) == ["pay_fee", "total_fee", "refund_fee", "amount"])
        #expect(page.list[0].payFee == 0 && page.list[0].hasIdentity)
        #expect(page.list[1].payFee == 2.5 && !page.list[1].hasIdentity)
    }

    @Test func staticIPsKeepTheRawValueOfAFieldTheyCannotRead() {
        let page = Fixtures.decode(
            ListPayload<StaticIP>.self, #"{"list":[{"id":1,"ip":"1.2.3.4","port":"NaN","expired_at":"2199-01-01 00:00:00"}]}"#)
        let ip = page.list[0]
        #expect(ip.unreadable.names == ["port"] && ip.port == nil && ip.expiresAt?.isNever == true)
        #expect(ip.raw["port"] == "NaN")
    }

    @Test func theClientKeepsEveryRowOfAHostileSimulator() async throws {
        var faults = FaultPlan()
        faults.hostileRows = 0.4
        faults.hostileSeed = 3
        try await withSimulator(testWorld(faults: faults)) { _, client in
            let accounts = try await client.accounts()
            let ips = try await client.allStaticIPs()
            let orders = try await client.allOrders()
            let packages = try await client.allPackages()
            #expect(accounts.count == 30 && ips.count == 25 && orders.count == 30 && packages.count == 10)
            #expect(accounts.contains { !$0.unreadable.isEmpty } && accounts.contains { !$0.hasIdentity })
            #expect(ips.contains { !$0.unreadable.isEmpty } && orders.contains { !$0.unreadable.isEmpty })
            #expect(accounts.contains { $0.unreadable.isEmpty })
        }
    }
}
