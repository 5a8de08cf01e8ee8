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
                    return reopen(form, purpose, UIText.fsBothOrMany(), focus: "username")
                }
                pairs.append(NewAccount(username: form["username"].text, password: form["password"].text))
            }
            if !form["batch"].text.isEmpty, let parsed = try? AccountPairs.parse(form["batch"].text) {
                pairs += parsed.map { NewAccount(username: $0.username, password: $0.password) }
            }
            guard !pairs.isEmpty else {
                return reopen(form, purpose, UIText.fsEnterPairs(), focus: "username")
            }
            let names = pairs.map(\.username)
            if let dup = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
                return reopen(form, purpose, UIText.fsGivenTwice(dup), focus: "batch")
            }
            let existing = Set((snapshot.accounts.value ?? []).map(\.account.username))
            if let taken = names.first(where: existing.contains) {
                return reopen(form, purpose, UIText.fsExists(taken), focus: "username")
            }
            guard case .productType(let type)? = form["type"].value else {
                return reopen(form, purpose, UIText.fsChooseType(), focus: "type")
            }
            let remark = form["remark"].text
            var lines = [names.count == 1 ? UIText.fsAddOne() : UIText.fsAddMany(names.count)] + Self.nameLines(names)
            lines.append(UIText.fsType(ModelText.productType(type, section: .account), type.code))
            if !remark.isEmpty { lines.append(UIText.fsRemark(remark)) }
            confirm(
                ConfirmDialog(
                    profile: snapshot.profiles.active,
                    title: UIText.addTitle(), lines: lines, confirmLabel: UIText.fsAddButton(),
                    command: .addAccounts(pairs, remark: remark, productType: type)))
        case .editAccount(let name):
            guard let account = snapshot.accounts.value?.first(where: { $0.account.username == name })?.account else {
                say(UIText.fsGone(name), role: .warning, now: now)
                return []
            }
            guard let (command, lines) = Self.editCommand(form, account: account) else {
                say(UIText.fsNothingToChange(), now: now)
                return []
            }
            if let problem = Self.editProblem(command) { return reopen(form, purpose, problem.message, focus: problem.field) }
            confirm(
                ConfirmDialog(
                    profile: snapshot.profiles.active,
                    title: UIText.changeTitle(name),
                    lines: [UIText.fsChangeIntro(name)] + lines.map { "  • " + $0 } + Self.sharedNameLines([name], snapshot),
                    confirmLabel: UIText.fsChangeButton(),
                    command: command))
        case .changeLimit(let names):
            guard let gb = Int(form["limit"].text), gb <= InputRules.maxLimitGB else {
                return reopen(form, purpose, UIText.fsLimitMax(InputRules.maxLimitGB), focus: "limit")
            }
            let lines =
                [
                    UIText.fsSetLimit(names.count == 1 ? names[0] : UIText.fsTheseAccounts(names.count), CommandText.limit(Int64(gb)))
                ]
                + (names.count == 1 ? [] : Self.nameLines(names)) + form.intro.dropFirst(2)
                + (names.count == 1
                    ? []
                    : [
                        // change-limit takes one account: say what that costs before it starts.
                        UIText.fsOneCallEach(Self.callTime(names.count))
                    ])
            confirm(
                ConfirmDialog(
                    profile: snapshot.profiles.active,
                    title: UIText.limitTitle(), lines: lines, confirmLabel: UIText.limitTitle(), command: .changeLimit(names, gigabytes: gb)
                ))
        case .addWhitelist:
            let ips = TextRule.split(form["ips"].text)
            let known = Set((snapshot.whitelist.value ?? []).map(\.ip))
            let new = ips.filter { !known.contains($0) }
            guard !new.isEmpty else { return reopen(form, purpose, UIText.fsAllWhitelisted(), focus: "ips") }
            var type: ProductType?
            if case .productType(let chosen)? = form["type"].value { type = chosen }
            // The package the user chose, by its id: a poll since the form opened may have changed the list.
            var package: PurchasedPackage?
            if case .package(let id)? = form["package"].value {
                package = Self.typeElevenPackages(snapshot).first { $0.id == id }
                if package == nil {
                    return reopen(form, purpose, UIText.fsPackageGone(id), focus: "package")
                }
            }
            if type == .dynamicResidentialIP, package == nil {
                return reopen(form, purpose, UIText.fsType11Package(), focus: "package")
            }
            var lines = [UIText.fsAllowIPs()] + Self.nameLines(new)
            if new.count < ips.count { lines.append(UIText.fsLeftOut(ips.count - new.count)) }
            if let type { lines.append(UIText.fsFor(ModelText.productType(type, section: .account), type.code)) }
            if let package { lines.append(UIText.fsPackage(package.id, package.orderTitle)) }
            if !form["remark"].text.isEmpty { lines.append(UIText.fsRemark(form["remark"].text)) }
            confirm(
                ConfirmDialog(
                    profile: snapshot.profiles.active,
                    title: UIText.fsWhitelistTitle(), lines: lines, confirmLabel: UIText.fsAddButton(),
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
                say(UIText.fsNoRenewalProduct(), role: .error, now: now)
                return []
            }
            // The payment method the user chose, by its id: the catalogue may have been polled again since.
            guard case .paymentMethod(let methodID)? = form["method"].value,
                catalogue.usableMethods.contains(where: { $0.id == methodID })
            else {
                return reopen(form, purpose, UIText.buyMethodGone(), focus: "method")
            }
            guard case .duration(let duration)? = form["duration"].value else { return [] }
            let request = OrderRequest(productID: product.id, paymentMethodID: methodID, renewIDs: ids, renewDuration: duration)
            return send(
                .checkOrder(request), profile: snapshot.profiles.active, now: now, awaiting: .quote(request, ips: ips),
                waitingTitle: UIText.previewWaiting())
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
        return seconds < 120 ? UIText.fsSeconds(seconds) : UIText.fsMinutes(seconds / 60)
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
                title: ConfirmDialog.heading(UIText.fsVerifyTitle(), profile: profile),
                intro: [UIText.fsVerifyIntro(CommandText.names(ips)), reason],
                fields: [
                    .choice("kind", UIText.fsVerifyBy(), kinds.map { ($0.rawValue, .verification($0)) }),
                    FormField("code", UIText.fsCode(), .text(.alphanumeric, maxLength: 12, secret: false), hint: UIText.fsCodeHint()),
                ], submitLabel: UIText.fsRemove()), .verifyWhitelistDelete(ips))
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
        if quote.ipPrices.count > 12 { lines.append(UIText.fsAndMore(quote.ipPrices.count - 12)) }
        lines.append("")
        func fee(_ value: Double, _ name: String) -> String { UnreadableText.cell(String(format: "%.2f", value), bad, name) }
        let payFeeKnown = quote.isReadable("pay_fee") && !quote.payFeeMissing
        let payFee = payFeeKnown ? String(format: "%.2f", quote.payFee) : UnreadableText.mark
        lines.append(UIText.previewFees(fee(quote.totalFee, "total_fee"), fee(quote.discountFee, "discount_fee"), payFee))
        if !payFeeKnown {
            lines.append(
                quote.payFeeMissing
                    ? UIText.previewNoPayFee() : UIText.previewPayFeeUnreadable())
        }
        let unreadableLines = quote.ipPrices.filter { !$0.isReadable("price") }.count
        if unreadableLines > 0 {
            lines.append(unreadableLines == 1 ? UIText.fsPriceUnreadableOne() : UIText.fsPriceUnreadable(unreadableLines))
        }
        lines.append(UIText.previewNothingOrdered())
        let title = ips.count == 1 ? UIText.fsRenewalPriceOne() : UIText.fsRenewalPrice(ips.count)
        if snapshot.readOnly {
            dialog = .text(TextDialog(title: title, lines: lines + [UIText.previewReadOnly()]))
            return
        }
        confirm(
            ConfirmDialog(
                profile: snapshot.profiles.active,
                title: title, lines: lines, confirmLabel: UIText.previewCreate(),
                command: .createOrder(request),
                warning: payFeeKnown
                    ? UIText.previewUnpaid(payFee) : UIText.fsUnknownPayFee()
            ))
    }
}
