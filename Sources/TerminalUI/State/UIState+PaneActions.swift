import Foundation
import Monitor
import ProxyLiteAPI

/// Actions of the Whitelist, Orders, Static IPs and Packages panes, and the raw inspector.
extension UIState {
    // MARK: Whitelist

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
                        "type", "Product type", Self.whitelistTypes.map { $0.map { "\($0.label(in: .account)) (\($0.code))" } ?? "default" }
                    ),
                    .choice(
                        "package", "Package", ["none"] + packages.map { "\($0.id) · \($0.orderTitle)" },
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
            ConfirmDialog(title: "Remove whitelisted IPs", lines: lines, confirmLabel: "Remove", command: .deleteWhitelistIPs(ips, nil)))
    }

    // MARK: Orders

    mutating func closeOrder(_ snapshot: Snapshot, _ lists: VisibleLists, now: Date) {
        guard let orders = snapshot.orders.value, self.orders.selected < lists.orders.count else {
            return say("No order selected.", now: now)
        }
        let order = orders[lists.orders[self.orders.selected]]
        // An order without a status is unknown, not unpaid: closing it could cancel a paid one.
        guard order.isUnpaid else {
            return say("Only unpaid orders can be closed; \(order.tradeNo) is \(order.statusText).", now: now)
        }
        confirm(
            ConfirmDialog(
                title: "Close order",
                lines: [
                    "Close (cancel) this unpaid order:", "  \(order.tradeNo)", "  \(order.title) · \(String(format: "%.2f", order.payFee))",
                ],
                confirmLabel: "Close order", command: .closeOrder(tradeNo: order.tradeNo)))
    }

    // MARK: Static IPs

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
                    .choice("duration", "Renew for", RenewDuration.allCases.map(RenewalText.duration)),
                    .choice("method", "Payment", methods.map { "\($0.title) (\($0.group))" }),
                ], submitLabel: "Preview price"), .renewal(ips: chosen.map(\.ip), ids: ids, type: type))
    }

    // MARK: Raw inspector

    /// `y`: the selected row as the API sends it. Static IPs keep theirs; the rest are fetched again.
    mutating func inspect(_ snapshot: Snapshot, _ lists: VisibleLists, now: Date) -> [Effect] {
        let key: RawRecordKey
        switch tab {
        case .accounts, .flow:
            guard let row = focusedAccount(snapshot, lists) else { return [] }
            key = .account(username: row.account.username)
        case .orders:
            guard let all = snapshot.orders.value, orders.selected < lists.orders.count else { return [] }
            key = .order(tradeNo: all[lists.orders[orders.selected]].tradeNo)
        case .packages:
            guard let all = snapshot.packages.value, packages.selected < lists.packages.count else { return [] }
            let package = all[lists.packages[packages.selected]]
            key = .package(id: package.id, tradeNo: package.tradeNo)
        case .whitelist:
            guard let all = snapshot.whitelist.value, whitelist.selected < lists.whitelist.count else { return [] }
            key = .whitelistIP(all[lists.whitelist[whitelist.selected]].ip)
        case .staticIPs:
            if staticIPs.selected < lists.staticIPs.count, let ips = snapshot.staticIPs.value {
                overlay = .staticIPDetail(identity: ips[lists.staticIPs[staticIPs.selected]].identity)
            }
            return []
        case .products:
            openProductDetail(snapshot, lists)
            return []
        case .extract:
            return []
        }
        return send(.inspect(key), now: now, waitingTitle: "Fetching \(key.label)…")
    }

    mutating func openProductDetail(_ snapshot: Snapshot, _ lists: VisibleLists) {
        guard let products = snapshot.catalogue.value?.products, self.products.selected < lists.products.count else { return }
        let product = products[lists.products[self.products.selected]]
        dialog = .text(
            TextDialog(
                title: "Product \(product.hasIdentity ? String(product.id) : UnreadableText.mark)", lines: ProductText.detail(product)))
    }

    // MARK: Packages

    mutating func cyclePackageType(_ snapshot: Snapshot, now: Date) {
        let types = Array(Set((snapshot.packages.value ?? []).map(\.productType))).sorted()
        let cycle: [ProductType?] = [nil] + types
        let index = cycle.firstIndex { $0 == packageTypeFilter } ?? 0
        packageTypeFilter = cycle[(index + 1) % cycle.count]
        packages = TableState()
        say("Packages: \(packageTypeFilter.map { $0.label(in: PurchasedPackage.productTypeSection) } ?? "all types")", now: now)
    }
}

enum ProductText {
    static func price(_ product: Product) -> String {
        if product.preferredPriceIsUnreadable { return UnreadableText.mark }
        guard let price = product.preferredPrice else { return "-" }
        return "\(String(format: "%.2f", price.amount)) \(price.currency)"
    }

    static func detail(_ p: Product) -> [String] {
        let bad = p.unreadable
        var lines = [
            UnreadableText.cell(p.title, bad, "title"), UnreadableText.cell(p.subtitle, bad, "desc", "desc.subtitle"), "",
            "type        " + UnreadableText.cell("\(p.typeLabel) (\(p.type.code))", bad, "type"), "price       \(price(p))",
            "on sale     " + UnreadableText.cell(p.saleText, bad, "status", "show_type"),
        ]
        if let show = p.showType, show != .normal { lines.append("shown as    \(show)") }
        if let gb = p.flowGB {
            lines.append(
                "traffic     \(Int(clamping: gb)) GB" + (p.bonusFlowGB.map { $0 > 0 ? " + \(Int(clamping: $0)) GB bonus" : "" } ?? ""))
        }
        if let days = p.timeDays { lines.append("valid       \(days) days") }
        if let stock = p.stockText { lines.append("stock       \(stock)") }
        if let renews = p.renewsLabel { lines.append("renews      \(renews)") }
        for (name, skus) in [("bandwidth", p.bandwidthSKUs), ("duration", p.durationSKUs), ("concurrency", p.concurrencySKUs)]
        where !skus.isEmpty {
            lines.append("")
            lines.append("SKUs: \(name)")
            for sku in skus {
                let bad = sku.unreadable
                let usd = UnreadableText.cell(sku.priceUSD.map { String(format: "%.2f USD", $0) } ?? "", bad, "price_usd")
                let cny = UnreadableText.cell(sku.priceCNY.map { String(format: "%.2f CNY", $0) } ?? "", bad, "price")
                let id = sku.hasIdentity ? String(sku.id) : UnreadableText.mark
                lines.append("  #\(id)  value \(UnreadableText.cell(String(sku.value), bad, "value"))  \(usd)  \(cny)")
            }
        }
        if !p.tips.isEmpty { lines += [""] + p.tips.map { "• " + $0 } }
        if !p.introduction.isEmpty { lines += [""] + p.introduction }
        if !p.unreadable.isEmpty {
            lines += ["", "Could not be read (shown as ?): " + p.unreadable.names.joined(separator: ", ")]
        }
        return lines
    }
}
