import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI

/// The lines under the products table: payment methods and top-up bonuses, or why they are missing.
enum SnapshotCatalogueText {
    static func render(_ c: CatalogueData) -> String {
        var out = ""
        if let error = c.productsResult.failure { out += UIText.snapProductsUnavailable(error.description) + "\n" }
        switch c.paymentGroupsResult {
        case .success(let groups):
            let methods = groups.flatMap(\.methods).map { m in
                let title = m.unreadable.contains("title") || m.unreadable.contains("row") ? "?" : m.title
                return title + (m.disabled ? UIText.productsOff() : "")
            }
            out += UIText.snapPaymentMethods(methods.isEmpty ? UIText.wlNone() : methods.joined(separator: ", ")) + "\n"
        case .failure(let error): out += UIText.snapPaymentUnavailable(error.description) + "\n"
        }
        switch c.rechargeRatiosResult {
        case .success(let ratios):
            let tiers = ratios.map { r in
                (r.minimumAmount.map { String(format: "≥ %.0f", $0) } ?? UIText.productsAny()) + " "
                    + (r.ratio.map { String(format: "+%.0f%%", $0 * ($0 < 1 ? 100 : 1)) } ?? "?")
            }
            out += UIText.snapBonus(tiers.isEmpty ? UIText.wlNone() : tiers.joined(separator: ", ")) + "\n"
        case .failure(let error): out += UIText.snapBonusUnavailable(error.description) + "\n"
        }
        return out
    }
}
