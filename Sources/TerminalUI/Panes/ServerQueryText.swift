import Foundation
import Monitor
import ProxyLiteAPI

/// The words of the server queries: the form, the banner, the flashes.
enum ServerQueryText {
    static let keyHelp = "query the provider with filters"
    static let clearHelp = "clear the server query"
    static let submitLabel = "Query"
    static let any = "any"
    static let statusLabel = "Status"
    static let typeLabel = "Product type"
    static let fromLabel = "From day"
    static let toLabel = "To day"
    static let dayHint = "YYYY-MM-DD, provider's time zone, included"
    static let tradeNoLabel = "Trade number"
    static let tradeNoHint = "the whole number; no partial match"
    static let invoiceLabel = "Invoice"
    static let payFeeLabel = "Paid amount"
    static let countryLabel = "Country"
    static let countryHint = "two letters, e.g. US"
    static let waiting = "Asking the provider for the filtered list…"
    static let cleared = "Server query cleared: the polled list is shown."
    static let nothingToFilter = "No filter chosen: the polled list is shown."

    static func formTitle(_ tab: Tab) -> String {
        switch tab {
        case .orders: return "Query orders"
        case .staticIPs: return "Query static IPs"
        case .packages: return "Query packages"
        default: return "Query traffic"
        }
    }

    static func formIntro(_ tab: Tab) -> [String] {
        [
            "The provider filters the list; the pane shows its answer until Esc.",
            "Polling, the header, alerts and history go on seeing everything.",
        ]
    }

    static func shown(_ count: Int, tab: Tab) -> String {
        let noun = tab == .flow ? (count == 1 ? "day" : "days") : (count == 1 ? "row" : "rows")
        return "The provider answered: \(count) \(noun). Esc goes back to the polled list."
    }

    static func failed(_ detail: String) -> String { "✗ Query failed: \(detail). The list shown is unchanged." }

    /// `Server query: status paid · from 2026-11-01 · 12 rows at 19:40 — F change · Esc clear`.
    static func banner(_ shown: ServerQueries.Shown, zone: TimeZone) -> String {
        let terms = shown.query.terms.map { "\($0.name) \($0.value)" }.joined(separator: " · ")
        let noun = shown.query.pane == "flow" ? "days" : "rows"
        return
            " Server query: \(terms) · \(shown.result.count) \(noun) at \(TimeText.clock(shown.fetchedAt, zone: zone)) — F change · Esc clear"
    }
}
