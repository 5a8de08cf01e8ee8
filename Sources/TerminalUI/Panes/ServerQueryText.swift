import Foundation
import Monitor
import ProxyLiteAPI

/// The words of the server queries: the form, the banner, the flashes.
enum ServerQueryText {
    static var keyHelp: String { UIText.sqKeyHelp() }
    static var clearHelp: String { UIText.sqClearHelp() }
    static var submitLabel: String { UIText.sqSubmit() }
    static var any: String { UIText.sqAny() }
    static var statusLabel: String { UIText.sqStatus() }
    static var typeLabel: String { UIText.sqType() }
    static var fromLabel: String { UIText.sqFrom() }
    static var toLabel: String { UIText.sqTo() }
    static var dayHint: String { UIText.sqDayHint() }
    static var tradeNoLabel: String { UIText.sqTradeNo() }
    static var tradeNoHint: String { UIText.sqTradeNoHint() }
    static var invoiceLabel: String { UIText.sqInvoice() }
    static var payFeeLabel: String { UIText.sqPayFee() }
    static var countryLabel: String { UIText.sqCountry() }
    static var countryHint: String { UIText.sqCountryHint() }
    static var waiting: String { UIText.sqWaiting() }
    static var cleared: String { UIText.sqCleared() }
    static var nothingToFilter: String { UIText.sqNothing() }

    static func formTitle(_ tab: Tab) -> String {
        switch tab {
        case .orders: return UIText.sqTitleOrders()
        case .staticIPs: return UIText.sqTitleIPs()
        case .packages: return UIText.sqTitlePackages()
        default: return UIText.sqTitleFlow()
        }
    }

    static func formIntro(_ tab: Tab) -> [String] {
        [
            UIText.sqIntro1(), UIText.sqIntro2(),
        ]
    }

    static func shown(_ count: Int, tab: Tab) -> String {
        let noun = tab == .flow ? (count == 1 ? UIText.sqDay() : UIText.sqDays()) : (count == 1 ? UIText.sqRow() : UIText.sqRows())
        return UIText.sqShown(count, noun)
    }

    static func failed(_ detail: String) -> String { UIText.sqFailed(detail) }

    /// `Server query: status paid · from 2026-11-01 · 12 rows at 19:40 — F change · Esc clear`.
    static func banner(_ shown: ServerQueries.Shown, zone: TimeZone) -> String {
        bannerText(shown, zone: zone) + bannerKeys
    }

    /// The banner without its keys. The terms are the query's own tokens (`status paid`), the
    /// words `snapshot --query` takes, in either language.
    static func bannerText(_ shown: ServerQueries.Shown, zone: TimeZone) -> String {
        let terms = shown.query.terms.map { "\($0.name) \($0.value)" }.joined(separator: " · ")
        let noun = shown.query.pane == "flow" ? UIText.sqDays() : UIText.sqRows()
        return UIText.sqBanner(terms, shown.result.count, noun, TimeText.clock(shown.fetchedAt, zone: zone))
    }

    /// How to change or clear the query: kept whole at the end of the banner.
    static var bannerKeys: String { UIText.sqBannerKeys() }
}
