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
        guard !chosen.isEmpty else { return say(UIText.noStaticIPSelected(), now: now) }
        let ids = chosen.compactMap(\.id)
        guard ids.count == chosen.count else {
            return say(UIText.renewNoIDs(), role: .warning, now: now)
        }
        let types = Set(chosen.compactMap { $0.productType?.code })
        guard types.count == 1, let type = types.first else {
            return say(UIText.renewOneType(), role: .warning, now: now)
        }
        guard let catalogue = snapshot.catalogue.value else {
            return say(UIText.renewLoading(), now: now)
        }
        if let error = catalogue.productsResult.failure {
            return say(UIText.renewProductsUnavailable(ErrorText.short(error)), role: .warning, now: now)
        }
        if let error = catalogue.paymentGroupsResult.failure {
            return say(UIText.renewPaymentsUnavailable(ErrorText.short(error)), role: .warning, now: now)
        }
        guard catalogue.renewalProduct(for: ProductType(type)) != nil else {
            return say(
                UIText.renewNoProductFor(ModelText.productType(ProductType(type), section: StaticIP.productTypeSection)), role: .warning,
                now: now)
        }
        let methods = catalogue.usableMethods
        guard !methods.isEmpty else { return say(UIText.renewNoMethod(), role: .warning, now: now) }
        let hidden = chosen.count - chosen.filter { ip in lists.staticIPs.contains { all[$0].identity == ip.identity } }.count
        dialog = .form(
            FormState(
                title: chosen.count == 1 ? UIText.renewIPsTitleOne() : UIText.renewIPsTitle(chosen.count),
                intro: [UIText.renewIPsIntro(CommandText.names(chosen.map(\.ip)))]
                    + Self.hiddenNote(hidden),
                fields: [
                    .choice("duration", UIText.renewFor(), RenewDuration.allCases.map { (RenewalText.duration($0), .duration($0)) }),
                    .choice("method", UIText.buyPayment(), methods.map { ("\($0.title) (\($0.group))", .paymentMethod(id: $0.id)) }),
                ], submitLabel: UIText.buySubmit()), .renewal(ips: chosen.map(\.ip), ids: ids, type: type))
    }
}
