import Foundation
import Monitor
import ProxyLiteAPI

/// The Static IPs pane's action: a renewal price for the selected or marked IPs.
extension UIState {
    mutating func openRenewal(_ snapshot: Snapshot, _ lists: VisibleLists, now: Date) {
        let all = snapshot.staticIPs.value ?? []
        let chosen: [StaticIP]
        if !ipMarks.isEmpty {
            chosen = all.filter { ipMarks.contains($0.identity) }
        } else if staticIPs.selected < lists.staticIPs.count {
            chosen = [all[lists.staticIPs[staticIPs.selected]]]
        } else {
            chosen = []
        }
        guard !chosen.isEmpty else { return say("No static IP selected.", now: now) }
        let ids = chosen.compactMap(\.id)
        guard ids.count == chosen.count else {
            return say("The API sent no id for some of these IPs; they cannot be renewed from here.", role: .warning, now: now)
        }
        let types = Set(chosen.compactMap { $0.productType?.code })
        guard types.count == 1, let type = types.first else {
            return say("Mark IPs of one product type: each type renews through its own product.", role: .warning, now: now)
        }
        guard let catalogue = snapshot.catalogue.value else {
            return say("Loading the catalogue (renewal products, payment methods)… try again in a moment.", now: now)
        }
        if let error = catalogue.productsResult.failure {
            return say("The product list is unavailable (\(error.shortDescription)); renewal needs it.", role: .warning, now: now)
        }
        if let error = catalogue.paymentGroupsResult.failure {
            return say("Payment methods are unavailable (\(error.shortDescription)); renewal needs one.", role: .warning, now: now)
        }
        guard catalogue.renewalProduct(for: ProductType(type)) != nil else {
            return say(
                "The catalogue has no renewal product for \(ProductType(type).label(in: StaticIP.productTypeSection)).", role: .warning,
                now: now)
        }
        let methods = catalogue.usableMethods
        guard !methods.isEmpty else { return say("The provider lists no payment method.", role: .warning, now: now) }
        let hidden = chosen.count - chosen.filter { ip in lists.staticIPs.contains { all[$0].identity == ip.identity } }.count
        dialog = .form(
            FormState(
                title: "Renew \(chosen.count) static IP\(chosen.count == 1 ? "" : "s")",
                intro: ["\(CommandText.names(chosen.map(\.ip))) · first a price preview; nothing is ordered yet."]
                    + Self.hiddenNote(hidden),
                fields: [
                    .choice("duration", "Renew for", RenewDuration.allCases.map { (RenewalText.duration($0), .duration($0)) }),
                    .choice("method", "Payment", methods.map { ("\($0.title) (\($0.group))", .paymentMethod(id: $0.id)) }),
                ], submitLabel: "Preview price"), .renewal(ips: chosen.map(\.ip), ids: ids, type: type))
    }
}
