import ArgumentParser
import Foundation
import Monitor
import ProxyLiteAPI

/// `snapshot`'s server-side filters: the ones the reference offers for the orders, static-IP,
/// package and traffic lists. Given with their pane, they make `snapshot` print the provider's
/// filtered answer instead of the whole list; given with another pane, they are refused.
struct SnapshotQueryOptions: ParsableArguments {
    @Option(help: "With --pane orders: unpaid, paid, cancelled or refunded.") var status: String?
    @Option(help: "With --pane orders, packages or flow: a product-type code (e.g. 9).") var type: Int?
    @Option(help: "With --pane orders or flow: the first day, YYYY-MM-DD in the provider's time zone.") var from: String?
    @Option(help: "With --pane orders or flow: the last day (included), YYYY-MM-DD in the provider's time zone.") var to: String?
    @Option(name: .customLong("trade-no"), help: "With --pane orders, static-ips or packages: the whole trade number.")
    var tradeNo: String?
    @Option(help: "With --pane orders: any, invoiced or not-invoiced.") var invoice: String?
    @Option(name: .customLong("pay-fee-status"), help: "With --pane orders: overpaid or underpaid.") var payFeeStatus: String?
    @Option(name: .customLong("ip-type"), help: "With --pane static-ips: datacenter (14) or residential (25).") var ipType: String?
    @Option(name: .customLong("ip-status"), help: "With --pane static-ips: valid, invalid, expiring or maintenance.")
    var ipStatus: String?

    /// The options given, by name, for the refusal.
    private var given: [(String, Bool)] {
        [
            ("--status", status != nil), ("--type", type != nil), ("--from", from != nil), ("--to", to != nil),
            ("--trade-no", tradeNo != nil), ("--invoice", invoice != nil), ("--pay-fee-status", payFeeStatus != nil),
            ("--ip-type", ipType != nil), ("--ip-status", ipStatus != nil),
        ]
    }

    /// Which panes each option goes with.
    private static let panes: [String: Set<SnapshotPane>] = [
        "--status": [.orders], "--type": [.orders, .packages, .flow], "--from": [.orders, .flow], "--to": [.orders, .flow],
        "--trade-no": [.orders, .staticIPs, .packages], "--invoice": [.orders], "--pay-fee-status": [.orders],
        "--ip-type": [.staticIPs], "--ip-status": [.staticIPs],
    ]

    /// The query these options (and `--country`, for static IPs) ask of `pane`; nil when none
    /// is given. Throws a `ValidationError` (exit 2) naming the option that does not fit.
    func query(pane: SnapshotPane, country: String?) throws -> ServerQuery? {
        for (name, isGiven) in given where isGiven {
            let allowed = Self.panes[name] ?? []
            guard allowed.contains(pane) else {
                let names = SnapshotPane.each.filter(allowed.contains).map(\.rawValue).joined(separator: " or ")
                throw ValidationError("\(name) filters --pane \(names), not --pane \(pane.rawValue).")
            }
        }
        switch pane {
        case .orders:
            let query = OrderQuery(
                status: try Self.token(status, "--status", ServerQueryTokens.orderStatuses), productType: type.map { ProductType($0) },
                days: try days(), tradeNo: tradeNo, invoice: try Self.token(invoice, "--invoice", ServerQueryTokens.invoices),
                payFeeStatus: try Self.token(payFeeStatus, "--pay-fee-status", ServerQueryTokens.payFeeStatuses))
            return Self.nonEmpty(.orders(query))
        case .staticIPs:
            if let country, country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
                throw ValidationError("--country takes a two-letter country code such as US, not '\(country)'.")
            }
            let filter = StaticIPFilter(
                countryCode: country?.uppercased(), productType: try Self.ipType(ipType), tradeNo: tradeNo,
                status: try Self.token(ipStatus, "--ip-status", ServerQueryTokens.staticIPStatuses))
            return Self.nonEmpty(.staticIPs(filter))
        case .packages: return Self.nonEmpty(.packages(PackageFilter(productType: type.map { ProductType($0) }, tradeNo: tradeNo)))
        case .flow: return Self.nonEmpty(.flow(FlowQuery(productType: type.map { ProductType($0) }, days: try days())))
        default: return nil
        }
    }

    private static func nonEmpty(_ query: ServerQuery) -> ServerQuery? { query.terms.isEmpty ? nil : query }

    private func days() throws -> DayRange {
        let range = DayRange(from: try Self.day(from, "--from"), to: try Self.day(to, "--to"))
        if let problem = range.problem { throw ValidationError("--from and --to: \(problem).") }
        return range
    }

    private static func day(_ text: String?, _ name: String) throws -> ProviderDay? {
        guard let text else { return nil }
        guard let day = ProviderDay(text) else {
            throw ValidationError("\(name) takes a day as YYYY-MM-DD (in the provider's time zone), not '\(text)'.")
        }
        return day
    }

    private static func token<T>(_ text: String?, _ name: String, _ table: [(String, T)]) throws -> T? {
        guard let text else { return nil }
        guard let value = table.first(where: { $0.0 == text.lowercased() })?.1 else {
            throw ValidationError("\(name) takes \(table.map(\.0).joined(separator: ", ")), not '\(text)'.")
        }
        return value
    }

    /// `datacenter`, `residential`, or their codes 14 and 25.
    private static func ipType(_ text: String?) throws -> ProductType? {
        guard let text else { return nil }
        if let code = Int(text), ServerQueryTokens.staticIPTypes.contains(where: { $0.1.code == code }) { return ProductType(code) }
        return try token(text, "--ip-type", ServerQueryTokens.staticIPTypes)
    }
}
