import Foundation
import Monitor
import ProxyLiteAPI

/// The Whitelist pane's actions: add IPs, remove the selected or marked ones.
extension UIState {
    /// Product types a whitelisted IP can be for; "default" leaves it to the provider.
    static let whitelistTypes: [ProductType?] = [nil] + ProductType.accountTypes

    mutating func openWhitelistForm(_ snapshot: Snapshot) {
        var intro = ["Addresses that may use the proxies without a password."]
        if let ip = sshClientIP { intro.append("Your SSH session comes from \(ip): Ctrl-G adds it.") }
        let packages = Self.typeElevenPackages(snapshot)
        dialog = .form(
            FormState(
                title: "Whitelist IPs", intro: intro,
                fields: [
                    FormField(
                        "ips", "IPs", .text(.ipList, maxLength: 2000, secret: false), hint: "IPv4 or IPv6, comma or newline separated"),
                    .choice(
                        "type", "Product type",
                        Self.whitelistTypes.map { type in
                            (
                                type.map { "\($0.label(in: .account)) (\($0.code))" } ?? "default",
                                type.map(ChoiceValue.productType) ?? .unset
                            )
                        }),
                    .choice(
                        "package", "Package",
                        [("none", ChoiceValue.unset)] + packages.map { ("\($0.id) · \($0.orderTitle)", .package(id: $0.id)) },
                        hint: "type 11 needs the package the IPs belong to"),
                    // proxy-ip/add states no remark rule.
                    FormField("remark", "Remark", .text(.any, maxLength: 255, secret: false), optional: true),
                ], submitLabel: "Continue"), .addWhitelist)
    }

    static func typeElevenPackages(_ snapshot: Snapshot) -> [PurchasedPackage] {
        (snapshot.packages.value ?? []).filter { $0.productType == .dynamicResidentialIP }
    }

    func whitelistTargets(_ snapshot: Snapshot, _ lists: VisibleLists) -> [String] {
        let ips = snapshot.whitelist.value ?? []
        if !whitelistMarks.isEmpty { return ips.filter(\.hasIdentity).map(\.ip).filter(whitelistMarks.contains) }
        guard whitelist.selected < lists.whitelist.count else { return [] }
        let focused = ips[lists.whitelist[whitelist.selected]]
        return focused.hasIdentity ? [focused.ip] : []
    }

    mutating func deleteWhitelisted(_ snapshot: Snapshot, _ lists: VisibleLists, now: Date) {
        let ips = whitelistTargets(snapshot, lists)
        guard !ips.isEmpty else { return say("No IP selected.", now: now) }
        let lines = ["Remove from the whitelist:"] + Self.nameLines(ips) + ["Clients at these addresses then need a proxy password."]
        confirm(
            ConfirmDialog(
                profile: snapshot.profiles.active, title: "Remove whitelisted IPs", lines: lines, confirmLabel: "Remove",
                command: .deleteWhitelistIPs(ips, nil)))
    }
}
