import Foundation
import Monitor
import ProxyLiteAPI

extension UIState {
    /// A form was submitted with every field valid: turn it into a confirmation (writes) or send
    /// it (reads and already-confirmed steps).
    mutating func submit(_ form: FormState, _ purpose: FormPurpose, snapshot: Snapshot, now: Date) -> [Effect] {
        switch purpose {
        case .addAccounts:
            var pairs: [NewAccount] = []
            if !form["username"].text.isEmpty || !form["password"].text.isEmpty {
                guard !form["username"].text.isEmpty, !form["password"].text.isEmpty else {
                    return reopen(form, purpose, "give both a username and a password, or use “Or many”", focus: "username")
                }
                pairs.append(NewAccount(username: form["username"].text, password: form["password"].text))
            }
            if !form["batch"].text.isEmpty, let parsed = try? AccountPairs.parse(form["batch"].text) {
                pairs += parsed.map { NewAccount(username: $0.username, password: $0.password) }
            }
            guard !pairs.isEmpty else {
                return reopen(form, purpose, "enter a username and password, or user:pass pairs", focus: "username")
            }
            let names = pairs.map(\.username)
            if let dup = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
                return reopen(form, purpose, "\(dup) is given twice", focus: "batch")
            }
            let existing = Set((snapshot.accounts.value ?? []).map(\.account.username))
            if let taken = names.first(where: existing.contains) {
                return reopen(form, purpose, "\(taken) already exists", focus: "username")
            }
            guard case .productType(let type)? = form["type"].value else {
                return reopen(form, purpose, "choose a product type", focus: "type")
            }
            let remark = form["remark"].text
            var lines = ["Add \(names.count == 1 ? "this sub-account" : "these \(names.count) sub-accounts"):"] + Self.nameLines(names)
            lines.append("type: \(type.label(in: .account)) (\(type.code))")
            if !remark.isEmpty { lines.append("remark: \(remark)") }
            confirm(
                ConfirmDialog(
                    profile: snapshot.profiles.active,
                    title: "Add sub-accounts", lines: lines, confirmLabel: "Add",
                    command: .addAccounts(pairs, remark: remark, productType: type)))
        case .editAccount(let name):
            guard let account = snapshot.accounts.value?.first(where: { $0.account.username == name })?.account else {
                say("\(name) is no longer listed; nothing was changed.", role: .warning, now: now)
                return []
            }
            guard let (command, lines) = Self.editCommand(form, account: account) else {
                say("Nothing to change.", now: now)
                return []
            }
            if let problem = Self.editProblem(command) { return reopen(form, purpose, problem.message, focus: problem.field) }
            confirm(
                ConfirmDialog(
                    profile: snapshot.profiles.active,
                    title: "Change \(name)",
                    lines: ["Change \(name):"] + lines.map { "  • " + $0 } + Self.sharedNameLines([name], snapshot),
                    confirmLabel: "Change",
                    command: command))
        case .changeLimit(let names):
            guard let gb = Int(form["limit"].text), gb <= InputRules.maxLimitGB else {
                return reopen(form, purpose, "the limit is at most 102400 GB", focus: "limit")
            }
            let lines =
                [
                    "Set the traffic limit of \(names.count == 1 ? names[0] : "these \(names.count) sub-accounts") to \(CommandText.limit(Int64(gb))):"
                ]
                + (names.count == 1 ? [] : Self.nameLines(names)) + form.intro.dropFirst(2)
                + (names.count == 1
                    ? []
                    : [
                        // change-limit takes one account: say what that costs before it starts.
                        "One call per account, about \(Self.callTime(names.count)) at the request cap; it stops at the first refusal."
                    ])
            confirm(
                ConfirmDialog(
                    profile: snapshot.profiles.active,
                    title: "Change limit", lines: lines, confirmLabel: "Change limit", command: .changeLimit(names, gigabytes: gb)))
        case .addWhitelist:
            let ips = TextRule.split(form["ips"].text)
            let known = Set((snapshot.whitelist.value ?? []).map(\.ip))
            let new = ips.filter { !known.contains($0) }
            guard !new.isEmpty else { return reopen(form, purpose, "all of these are already whitelisted", focus: "ips") }
            var type: ProductType?
            if case .productType(let chosen)? = form["type"].value { type = chosen }
            // The package the user chose, by its id: a poll since the form opened may have changed the list.
            var package: PurchasedPackage?
            if case .package(let id)? = form["package"].value {
                package = Self.typeElevenPackages(snapshot).first { $0.id == id }
                if package == nil {
                    return reopen(form, purpose, "package \(id) is no longer listed; choose again", focus: "package")
                }
            }
            if type == .dynamicResidentialIP, package == nil {
                return reopen(form, purpose, "product type 11 needs the package the IPs are for", focus: "package")
            }
            var lines = ["Allow these addresses to use the proxies without a password:"] + Self.nameLines(new)
            if new.count < ips.count { lines.append("\(ips.count - new.count) already whitelisted are left out.") }
            if let type { lines.append("for: \(type.label(in: .account)) (\(type.code))") }
            if let package { lines.append("package: \(package.id) · \(package.orderTitle)") }
            if !form["remark"].text.isEmpty { lines.append("remark: \(form["remark"].text)") }
            confirm(
                ConfirmDialog(
                    profile: snapshot.profiles.active,
                    title: "Whitelist IPs", lines: lines, confirmLabel: "Add",
                    command: .addWhitelistIPs(
                        new, remark: form["remark"].text, productType: type,
                        userProductID: type == .dynamicResidentialIP ? package?.id : nil)))
        case .verifyWhitelistDelete(let ips):
            guard case .verification(let kind)? = form["kind"].value else { return [] }
            // The removal was confirmed before the provider asked for the code.
            return send(
                .deleteWhitelistIPs(ips, DeletionVerification(kind: kind, code: form["code"].text)), profile: snapshot.profiles.active,
                now: now,
                awaiting: .whitelistDelete(ips))
        case .renewal(let ips, let ids, let type):
            guard let catalogue = snapshot.catalogue.value, let product = catalogue.renewalProduct(for: ProductType(type)) else {
                say("The catalogue has no renewal product for these IPs.", role: .error, now: now)
                return []
            }
            // The payment method the user chose, by its id: the catalogue may have been polled again since.
            guard case .paymentMethod(let methodID)? = form["method"].value,
                catalogue.usableMethods.contains(where: { $0.id == methodID })
            else {
                return reopen(form, purpose, "that payment method is no longer offered; choose again", focus: "method")
            }
            guard case .duration(let duration)? = form["duration"].value else { return [] }
            let request = OrderRequest(productID: product.id, paymentMethodID: methodID, renewIDs: ids, renewDuration: duration)
            return send(
                .checkOrder(request), profile: snapshot.profiles.active, now: now, awaiting: .quote(request, ips: ips),
                waitingTitle: "Asking the provider for the price…")
        case .purchase(let productID):
            return submitPurchase(form, productID: productID, snapshot: snapshot, now: now)
        case .packageRenewal(let packageID):
            return submitPackageRenewal(form, packageID: packageID, snapshot: snapshot, now: now)
        case .extract:
            let request = extractionRequest(form)
            extraction.form = form
            extraction.request = request
            if case .format(let format)? = form["format"].value { extraction.format = format }
            return send(.extract(request, extraction.format), profile: snapshot.profiles.active, now: now, awaiting: .extract)
        case .saveExtracted(let endpoints):
            return [.writeFile(path: form["path"].text, contents: endpoints.joined(separator: fileSeparator) + "\n")]
        case .serverQuery(let tab): return submitServerQuery(form, tab: tab, snapshot: snapshot, now: now)
        }
        return []
    }

    /// How long `calls` requests take at the client's cap of 2 a second, in words.
    static func callTime(_ calls: Int) -> String {
        let seconds = max(1, calls / 2)
        return seconds < 120 ? "\(seconds) s" : "\(seconds / 60) min"
    }

    mutating func reopen(_ form: FormState, _ purpose: FormPurpose, _ message: String, focus key: String) -> [Effect] {
        var form = form
        form.message = message
        form.focus = form.fields.firstIndex { $0.key == key } ?? 0
        dialog = .form(form, purpose)
        return []
    }

    /// Reacts to a form edit that needs more data (the Extract form's dependent choices).
    mutating func formChanged(from before: FormState, to after: FormState, purpose: FormPurpose, snapshot: Snapshot, now: Date) -> [Effect]
    {
        guard purpose == .extract else { return [] }
        var effects: [Effect] = []
        let account = after["account"].text
        if before.focus == 0, after.focus != 0, !account.isEmpty, extraction.areas?.username != account {
            effects += send(.areas(username: account), profile: snapshot.profiles.active, now: now, awaiting: .areas(account))
        }
        if before["country"].index != after["country"].index || before["state"].index != after["state"].index
            || account != before["account"].text
        {
            extraction.cities = []
            refreshExtractionForm(snapshot)
            if let country = countryCode(of: after), let state = stateName(of: after), extraction.areas == nil {
                effects += send(
                    .cities(countryCode: country, state: state), profile: snapshot.profiles.active, now: now, awaiting: .cities)
            }
        }
        return effects
    }

    /// The code form for a whitelist removal the user confirmed on `profile`, which sends it.
    mutating func openVerification(_ ips: [String], reason: String, profile: String) {
        let kinds = DeletionVerification.Kind.allCases
        dialog = .form(
            FormState(
                title: ConfirmDialog.heading("Verification needed", profile: profile),
                intro: ["The provider asks to verify the removal of \(CommandText.names(ips)):", reason],
                fields: [
                    .choice("kind", "Verify by", kinds.map { ($0.rawValue, .verification($0)) }),
                    FormField("code", "Code", .text(.alphanumeric, maxLength: 12, secret: false), hint: "the code you received"),
                ], submitLabel: "Remove"), .verifyWhitelistDelete(ips))
    }

    /// The price, and in read-only mode nothing more: the order step is not offered there. A fee
    /// that could not be read shows as `?` and is said in words: it never passes for 0.
    mutating func showQuote(_ quote: OrderCheckResult, request: OrderRequest, ips: [String], snapshot: Snapshot, now: Date) {
        let bad = quote.unreadable
        var lines = ["\(UnreadableText.cell(quote.title, bad, "title")) · \(request.renewDuration.map(RenewalText.duration) ?? "")", ""]
        for line in quote.ipPrices.prefix(12) {
            let from = line.currentExpiry.map { TimeText.day($0, zone: .current) } ?? "?"
            let to = line.renewedExpiry.map { TimeText.day($0, zone: .current) } ?? "?"
            let ip = UnreadableText.cell(line.ip, line.unreadable, "ip")
            let country = UnreadableText.cell(line.countryCode, line.unreadable, "country_code")
            let price = UnreadableText.cell(String(format: "%.2f", line.price), line.unreadable, "price")
            lines.append(
                "  \(DisplayWidth.fit(ip, to: 16)) \(DisplayWidth.fit(country, to: 3)) \(price.leftPadded(8))   \(from) → \(to)")
        }
        if quote.ipPrices.count > 12 { lines.append("  … and \(quote.ipPrices.count - 12) more") }
        lines.append("")
        func fee(_ value: Double, _ name: String) -> String { UnreadableText.cell(String(format: "%.2f", value), bad, name) }
        let payFeeKnown = quote.isReadable("pay_fee") && !quote.payFeeMissing
        let payFee = payFeeKnown ? String(format: "%.2f", quote.payFee) : UnreadableText.mark
        lines.append("Total \(fee(quote.totalFee, "total_fee")), discount \(fee(quote.discountFee, "discount_fee")), to pay \(payFee)")
        if !payFeeKnown {
            lines.append(
                quote.payFeeMissing
                    ? "The provider sent no price to pay: the amount is unknown, not 0."
                    : "The price to pay could not be read: the amount is unknown, not 0.")
        }
        let unreadableLines = quote.ipPrices.filter { !$0.isReadable("price") }.count
        if unreadableLines > 0 {
            lines.append("\(unreadableLines) IP price\(unreadableLines == 1 ? "" : "s") could not be read (shown as ?).")
        }
        lines.append("Nothing has been ordered yet.")
        let title = "Renewal price of \(ips.count) IP\(ips.count == 1 ? "" : "s")"
        if snapshot.readOnly {
            dialog = .text(TextDialog(title: title, lines: lines + ["Read-only mode: Create order is off."]))
            return
        }
        confirm(
            ConfirmDialog(
                profile: snapshot.profiles.active,
                title: title, lines: lines, confirmLabel: "Create order",
                command: .createOrder(request),
                warning: payFeeKnown
                    ? "Create order makes an unpaid order of \(payFee); pay it in the provider's console."
                    : "The price to pay is unknown: Create order makes an unpaid order of an amount not shown here; see it in the provider's console before paying."
            ))
    }
}
