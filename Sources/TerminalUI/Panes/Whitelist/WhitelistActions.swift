import Foundation
import Monitor
import ProxyLiteAPI

/// The Whitelist pane's actions: add IPs, remove the selected or marked ones.
extension UIState {
    /// Product types a whitelisted IP can be for; "default" leaves it to the provider.
    static let whitelistTypes: [ProductType?] = [nil] + ProductType.accountTypes

    mutating func openWhitelistForm(_ snapshot: Snapshot) {
        var intro = [UIText.wlIntro()]
        if let ip = sshClientIP { intro.append(UIText.wlSSH(ip)) }
        let packages = Self.typeElevenPackages(snapshot)
        dialog = .form(
            FormState(
                title: UIText.fsWhitelistTitle(), intro: intro,
                fields: [
                    FormField(
                        "ips", UIText.wlIPs(), .text(.ipList, maxLength: 2000, secret: false), hint: UIText.wlIPsHint()),
                    .choice(
                        "type", UIText.labelProductType(),
                        Self.whitelistTypes.map { type in
                            (
                                type.map { "\(ModelText.productType($0, section: .account)) (\($0.code))" } ?? UIText.wlDefault(),
                                type.map(ChoiceValue.productType) ?? .unset
                            )
                        }),
                    .choice(
                        "package", UIText.wlPackage(),
                        [(UIText.wlNone(), ChoiceValue.unset)] + packages.map { ("\($0.id) · \($0.orderTitle)", .package(id: $0.id)) },
                        hint: UIText.wlPackageHint()),
                    // proxy-ip/add states no remark rule.
                    FormField("remark", UIText.labelRemark(), .text(.any, maxLength: 255, secret: false), optional: true),
                ], submitLabel: UIText.buttonContinue()), .addWhitelist)
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
        guard !ips.isEmpty else { return say(UIText.wlNoIP(), now: now) }
        let lines = [UIText.wlRemoveIntro()] + Self.nameLines(ips) + [UIText.wlRemoveNote()]
        confirm(
            ConfirmDialog(
                profile: snapshot.profiles.active, title: UIText.wlRemoveTitle(), lines: lines, confirmLabel: UIText.fsRemove(),
                command: .deleteWhitelistIPs(ips, nil)))
    }
}
