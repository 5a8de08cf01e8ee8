import Foundation
import ProxyLiteAPI

/// The words that name each filter value, shared by `snapshot`'s options, the pane's banner and
/// the log: language-neutral tokens, so scripts and logs read the same on every host.
public enum ServerQueryTokens {
    public static let orderStatuses: [(String, OrderStatus)] = [
        ("unpaid", .unpaid), ("paid", .paid), ("cancelled", .cancelled), ("refunded", .refunded),
    ]
    public static let invoices: [(String, InvoiceFilter)] = [
        ("any", .any), ("invoiced", .invoiced), ("not-invoiced", .notInvoiced),
    ]
    public static let payFeeStatuses: [(String, PayFeeStatus)] = [("overpaid", .overpaid), ("underpaid", .underpaid)]
    public static let staticIPStatuses: [(String, StaticIPStatus)] = [
        ("valid", .valid), ("invalid", .invalid), ("expiring", .expiringSoon), ("maintenance", .maintenance),
    ]
    public static let staticIPTypes: [(String, ProductType)] = [
        ("datacenter", .staticDatacenterIP), ("residential", .staticResidentialIP),
    ]

    /// The token of `value` in `table`, or its code when the table has none.
    static func token<T: Equatable>(_ value: T, in table: [(String, T)], code: Int) -> String {
        table.first { $0.1 == value }?.0 ?? String(code)
    }
}

extension ServerQuery {
    /// The pane's name in `snapshot --pane` and the config.
    public var pane: String {
        switch self {
        case .orders: return "orders"
        case .staticIPs: return "static-ips"
        case .packages: return "packages"
        case .flow: return "flow"
        }
    }

    /// The filters set, in `snapshot` option names with their values as typed there
    /// (`status paid`, `from 2026-11-01`); empty when none is.
    public var terms: [(name: String, value: String)] {
        var terms: [(String, String?)] = []
        switch self {
        case .orders(let q):
            terms = [
                ("status", q.status.map { ServerQueryTokens.token($0, in: ServerQueryTokens.orderStatuses, code: $0.code) }),
                ("type", q.productType.map(\.description)), ("from", q.days.from?.description), ("to", q.days.to?.description),
                ("trade-no", q.tradeNo),
                ("invoice", q.invoice.map { ServerQueryTokens.token($0, in: ServerQueryTokens.invoices, code: $0.rawValue) }),
                (
                    "pay-fee-status",
                    q.payFeeStatus.map { ServerQueryTokens.token($0, in: ServerQueryTokens.payFeeStatuses, code: $0.code) }
                ),
            ]
        case .staticIPs(let f):
            terms = [
                ("country", f.countryCode),
                ("ip-type", f.productType.map { ServerQueryTokens.token($0, in: ServerQueryTokens.staticIPTypes, code: $0.code) }),
                ("ip-status", f.status.map { ServerQueryTokens.token($0, in: ServerQueryTokens.staticIPStatuses, code: $0.code) }),
                ("trade-no", f.tradeNo),
            ]
        case .packages(let f): terms = [("type", f.productType.map(\.description)), ("trade-no", f.tradeNo)]
        case .flow(let q):
            terms = [("type", q.productType.map(\.description)), ("from", q.days.from?.description), ("to", q.days.to?.description)]
        }
        return terms.compactMap { name, value in value.map { (name: name, value: $0) } }
    }

    /// `status=paid from=2026-11-01`, or `none`.
    public var termsText: String {
        let text = terms.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
        return text.isEmpty ? "none" : text
    }
}
