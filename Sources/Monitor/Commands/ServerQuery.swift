import Foundation
import ProxyLiteAPI

/// A list asked of the provider with its own filters, once, on request: what the Orders, Static
/// IPs, Packages and Flow panes show in place of the polled list until it is cleared, and what
/// `snapshot` prints when given filters. It never goes into the store's polled state, so header
/// totals, alerts, history and metrics go on seeing every row.
public enum ServerQuery: Sendable, Hashable {
    case orders(OrderQuery)
    case staticIPs(StaticIPFilter)
    case packages(PackageFilter)
    case flow(FlowQuery)

    /// Every page of the filtered list, dates read in the client's provider zone.
    public func run(_ client: ProxyLiteClient) async throws -> ServerQueryResult {
        let offset = client.configuration.profile.providerOffset
        switch self {
        case .orders(let query): return .orders(try await client.allOrders(filter: query.filter(offset: offset)))
        case .staticIPs(let filter): return .staticIPs(try await client.allStaticIPs(filter: filter))
        case .packages(let filter): return .packages(try await client.allPackages(filter: filter))
        case .flow(let query): return .flow(try await client.dailyFlow(query.filter(offset: offset)))
        }
    }
}

/// order/list's filters, with the dates as whole provider days.
public struct OrderQuery: Sendable, Hashable {
    public var status: OrderStatus?
    public var productType: ProductType?
    public var days = DayRange()
    public var tradeNo: String?
    public var invoice: InvoiceFilter?
    public var payFeeStatus: PayFeeStatus?

    public init(
        status: OrderStatus? = nil, productType: ProductType? = nil, days: DayRange = DayRange(), tradeNo: String? = nil,
        invoice: InvoiceFilter? = nil, payFeeStatus: PayFeeStatus? = nil
    ) {
        self.status = status
        self.productType = productType
        self.days = days
        self.tradeNo = tradeNo
        self.invoice = invoice
        self.payFeeStatus = payFeeStatus
    }

    /// The request's filter; the last day is included whole (end_time is exclusive).
    public func filter(offset: Int) -> OrderFilter {
        let bounds = days.orderBounds(offset: offset)
        return OrderFilter(
            tradeNo: tradeNo, start: bounds.start, end: bounds.end, status: status, productType: productType, invoice: invoice,
            payFeeStatus: payFeeStatus)
    }
}

/// user-usage-flow/total's filters, with the dates as whole provider days.
public struct FlowQuery: Sendable, Hashable {
    public var productType: ProductType?
    public var days = DayRange()

    public init(productType: ProductType? = nil, days: DayRange = DayRange()) {
        self.productType = productType
        self.days = days
    }

    /// The request's filter; the last day is included to its last second (end_time is inclusive).
    public func filter(offset: Int) -> FlowFilter {
        let bounds = days.flowBounds(offset: offset)
        return FlowFilter(start: bounds.start, end: bounds.end, productType: productType)
    }
}

/// What a server query brought back: every matching row.
public enum ServerQueryResult: Sendable {
    case orders([Order])
    case staticIPs([StaticIP])
    case packages([PurchasedPackage])
    case flow([DailyFlow])

    public var count: Int {
        switch self {
        case .orders(let rows): return rows.count
        case .staticIPs(let rows): return rows.count
        case .packages(let rows): return rows.count
        case .flow(let rows): return rows.count
        }
    }
}
