import Foundation
import Monitor
import ProxyLiteAPI

/// The lines under the products table: payment methods and top-up bonuses, or why they are missing.
enum SnapshotCatalogueText {
    static func render(_ c: CatalogueData) -> String {
        var out = ""
        if let error = c.productsResult.failure { out += "products unavailable: \(error.description)\n" }
        switch c.paymentGroupsResult {
        case .success(let groups):
            let methods = groups.flatMap(\.methods).map { m in
                let title = m.unreadable.contains("title") || m.unreadable.contains("row") ? "?" : m.title
                return title + (m.disabled ? " (off)" : "")
            }
            out += "payment methods: " + (methods.isEmpty ? "none" : methods.joined(separator: ", ")) + "\n"
        case .failure(let error): out += "payment methods unavailable: \(error.description)\n"
        }
        switch c.rechargeRatiosResult {
        case .success(let ratios):
            let tiers = ratios.map { r in
                (r.minimumAmount.map { String(format: "≥ %.0f", $0) } ?? "any") + " "
                    + (r.ratio.map { String(format: "+%.0f%%", $0 * ($0 < 1 ? 100 : 1)) } ?? "?")
            }
            out += "top-up bonus: " + (tiers.isEmpty ? "none" : tiers.joined(separator: ", ")) + "\n"
        case .failure(let error): out += "top-up bonus unavailable: \(error.description)\n"
        }
        return out
    }
}
