import Foundation
import Monitor
import ProxyLiteAPI

extension UIState {
    /// Keys while a dialog is open: they all go to it.
    mutating func handleDialog(_ key: Key, snapshot: Snapshot, bodyRows: Int, now: Date) -> [Effect] {
        guard let current = dialog else { return [] }
        switch current {
        case .confirm(var confirm):
            switch confirm.handle(key) {
            case .open: dialog = .confirm(confirm)
            case .cancelled:
                dialog = nil
                say(UIText.cancelledNothingChanged(), now: now)
            case .confirmed:
                if refusesOtherProfile(confirm.profile, snapshot: snapshot, now: now) { return [] }
                if snapshot.readOnly, confirm.command.isWrite {
                    dialog = nil
                    say(UIText.readOnlyConfirmOff(confirm.confirmLabel), role: .warning, now: now)
                    return []
                }
                if let expected = confirm.typeToConfirm {
                    let what = expected == confirm.command.usernames.first ? UIText.whatAccountName() : UIText.whatHowMany()
                    dialog = .typed(
                        TypedConfirmation(
                            profile: confirm.profile, title: confirm.title,
                            prompt: UIText.typeToConfirmPrompt(what, expected), expected: expected,
                            command: confirm.command))
                    return []
                }
                dialog = nil
                if case .createOrder = confirm.command, let unsettled = unsettledOrder {
                    // The last attempt may have created an order: show those before making another.
                    dialog = .unsettledOrder(unsettled.dialog(snapshot))
                    say(UIText.dkUnsettled(), role: .warning, now: now)
                    return []
                }
                if case .deleteWhitelistIPs(let ips, nil) = confirm.command, whitelistDeletesNeedCode {
                    // The provider asked for a code last time: ask for it now rather than be refused again.
                    openVerification(ips, reason: UIText.dkVerifyReason(), profile: confirm.profile)
                    return []
                }
                return send(confirm.command, profile: confirm.profile, now: now)
            }
        case .typed(var typed):
            switch typed.handle(key) {
            case .open: dialog = .typed(typed)
            case .cancelled:
                dialog = nil
                say(UIText.cancelledNothingDeleted(), now: now)
            case .confirmed:
                dialog = nil
                if refusesOtherProfile(typed.profile, snapshot: snapshot, now: now) { return [] }
                if snapshot.readOnly, typed.command.isWrite {
                    say(Self.readOnlyRefusal, role: .warning, now: now)
                    return []
                }
                return send(typed.command, profile: typed.profile, now: now)
            }
        case .form(var form, let purpose):
            if key == .control("g"), purpose == .addWhitelist, let ip = sshClientIP {
                let existing = TextRule.split(form["ips"].text)
                if !existing.contains(ip) { form["ips"].text = (existing + [ip]).joined(separator: ",") }
                dialog = .form(form, purpose)
                return []
            }
            let before = form
            switch form.handle(key) {
            case .editing:
                dialog = .form(form, purpose)
                return formChanged(from: before, to: form, purpose: purpose, snapshot: snapshot, now: now)
            case .cancelled:
                dialog = nil
                say(UIText.cancelledNothingChanged(), now: now)
            case .submitted:
                dialog = nil
                return submit(form, purpose, snapshot: snapshot, now: now)
            }
        case .waiting(let id, _):
            if key == .escape {
                // The answer still comes; it goes to the flash line instead.
                dialog = nil
                switch requests.awaiting(id) {
                // A server query given up is not shown when it comes: the pane keeps what it showed.
                case .inspect, .serverQuery: requests.forget(id)
                default: break
                }
            }
        case .text(var text):
            dialog = text.handle(key, page: max(1, bodyRows - 6)) ? .text(text) : nil
        case .unsettledOrder(var text):
            if text.handle(key, page: max(1, bodyRows - 6)) {
                dialog = .unsettledOrder(text)
            } else {
                dialog = nil
                // Seen only once the list shown was polled after the attempt.
                if let unsettled = unsettledOrder, unsettled.ordersCurrent(snapshot) { unsettledOrder = nil }
            }
        case .panePicker(var picker):
            switch picker.handle(key) {
            case .open: dialog = .panePicker(picker)
            case .cancelled: dialog = nil
            case .chosen(let chosen):
                dialog = nil
                tab = chosen
                return focusEffect(snapshot, VisibleLists.compute(snapshot, self))
            }
        case .profilePicker(var picker):
            switch picker.handle(key) {
            case .open: dialog = .profilePicker(picker)
            case .cancelled: dialog = nil
            case .chosen(let name):
                dialog = nil
                return switchProfile(to: name, snapshot: snapshot, now: now)
            }
        case .quit(var quit):
            switch quit.handle(key) {
            case .open: dialog = .quit(quit)
            case .cancelled: dialog = nil
            case .confirmed: return [.quit]
            }
        }
        return []
    }

    /// A confirmation answered while another profile than the one it names is on screen (its
    /// snapshot arrived while the dialog was open) sends nothing: what it listed was the other
    /// account's. True when it refused, and says so.
    mutating func refusesOtherProfile(_ profile: String, snapshot: Snapshot, now: Date) -> Bool {
        let shown = snapshot.profiles.active
        guard profile != shown else { return false }
        dialog = nil
        say(
            UIText.dkWrongProfile(ProfileName.text(profile), ProfileName.text(shown)),
            role: .warning, now: now)
        return true
    }

    /// Sends `command` to `profile`'s account, remembering what to do with its answer.
    mutating func send(
        _ command: Command, profile: String, now: Date, awaiting answer: Awaiting? = nil, waitingTitle: String? = nil
    ) -> [Effect] {
        let what: Awaiting
        switch command {
        case .createOrder: what = answer ?? .order
        case .inspect(let key): what = answer ?? .inspect(key.label)
        case .deleteWhitelistIPs(let ips, _): what = answer ?? .whitelistDelete(ips)
        default: what = answer ?? .flash(CommandText.summary(command))
        }
        let id = requests.send(what, isWrite: command.isWrite)
        if let waitingTitle {
            dialog = .waiting(id: id, title: waitingTitle)
        } else if case .createOrder = command {
            dialog = .waiting(id: id, title: UIText.dkCreating())
        } else if command.isWrite {
            // Up until the reply replaces it: a limit change over many accounts takes minutes.
            say(UIText.sending(CommandText.summary(command)), role: .pending, now: now, seconds: 600)
        }
        return [.run(id: id, command, profile: profile)]
    }

    /// A confirmation of `command`, listing what changes and on which rows.
    mutating func confirm(_ dialog: ConfirmDialog) {
        self.dialog = .confirm(dialog)
    }

    /// Picks up the replies in `snapshot` that this UI has not seen yet.
    public mutating func receive(_ snapshot: Snapshot, now: Date) {
        follow(snapshot)
        serverQueries.forgetAll(unless: snapshot.profiles.active)
        pruneMarks(snapshot)
        if case .unsettledOrder(var text) = dialog, let unsettled = unsettledOrder {
            text.lines = unsettled.dialog(snapshot).lines
            dialog = .unsettledOrder(text)
        }
        for (reply, awaiting) in requests.take(snapshot.replies, profile: snapshot.profiles.active) {
            if let awaiting { handle(reply, as: awaiting, snapshot: snapshot, now: now) }
        }
    }

    private mutating func handle(_ reply: Reply, as what: Awaiting, snapshot: Snapshot, now: Date) {
        let shownWaiting: Bool
        if case .waiting(let id, _) = dialog, id == reply.id {
            dialog = nil
            shownWaiting = true
        } else {
            shownWaiting = false
        }
        let payload: Reply.Payload
        switch reply.outcome {
        case .readOnly:
            say(UIText.readOnlyNothingSent(), role: .warning, now: now, seconds: 8)
            return
        case .rejected(let error):
            if case .serverQuery(let query) = what { return serverQueryFailed(query, error, now: now) }
            if case .whitelistDelete(let ips) = what, Self.asksForVerification(error) {
                whitelistDeletesNeedCode = true
                openVerification(ips, reason: error.detail, profile: snapshot.profiles.active)
                return
            }
            say(
                UIText.refused(CommandText.summary(reply.command), ErrorText.message(error)), role: .error, now: now,
                seconds: 12)
            return
        case .unknown(let error):
            if case .createOrder(let request) = reply.command {
                let unsettled = UnsettledOrder(productID: request.productID, since: reply.sentAt, reason: error.detail)
                unsettledOrder = unsettled
                if shownWaiting || dialog == nil { dialog = .unsettledOrder(unsettled.dialog(snapshot)) }
            }
            say(
                UIText.noAnswer(CommandText.summary(reply.command), ErrorText.short(error), CommandText.whatToCheck(reply.command)),
                role: .warning, now: now, seconds: 20)
            return
        case .done(.batch(let batch)):
            let role: ColorRole = batch.refused.isEmpty && batch.unknown.isEmpty && batch.notSent.isEmpty ? .good : .warning
            say(
                "\(CommandText.summary(reply.command)): \(CommandText.batchSummary(batch))\(CommandText.batchDetail(batch))", role: role,
                now: now,
                seconds: 20)
            return
        case .done(let value): payload = value
        }
        switch (what, payload) {
        case (.quote(let request, let ips), .quote(let quote)):
            // Never pushed over another dialog the user opened meanwhile: the order step must be seen.
            if shownWaiting || dialog == nil {
                showQuote(quote, request: request, ips: ips, snapshot: snapshot, now: now)
            } else {
                say(UIText.dkRenewalReady(String(format: "%.2f", quote.payFee)), now: now, seconds: 10)
            }
        case (.orderPreview(let preview), .quote(let quote)):
            if shownWaiting || dialog == nil {
                showOrderPreview(quote, preview, snapshot: snapshot, now: now)
            } else {
                say(PricePreviewText.readyElsewhere(quote), now: now, seconds: 10)
            }
        case (.order, .order(let order)):
            if shownWaiting || dialog == nil {
                dialog = .text(TextDialog(title: PricePreviewText.createdTitle, lines: PricePreviewText.created(order)))
            }
            say(PricePreviewText.createdFlash(order), role: .good, now: now, seconds: 15)
        case (.inspect(let label), .record(let record)):
            guard shownWaiting else { return }
            let lines =
                record.map {
                    String(decoding: $0.prettySerialized(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(
                        String.init)
                }
                ?? [UIText.rawGone()]
            dialog = .text(TextDialog(title: UIText.rawTitle(label), lines: lines))
        case (.extract, .endpoints(let endpoints)):
            extraction.endpoints = endpoints
            extraction.extractedAt = now
            say(
                endpoints.count == 1 ? UIText.extractedOne() : UIText.extractedCount(endpoints.count), role: .good, now: now,
                seconds: 8)
        case (.cities, .names(let cities)):
            extraction.cities = cities
            refreshExtractionForm(snapshot)
        case (.areas(let user), .areas(let areas)):
            extraction.areas = ExtractionState.AccountAreas(username: user, areas: areas)
            refreshExtractionForm(snapshot)
            say(UIText.dkRegions(user, areas.count), now: now)
        case (.serverQuery(let query), .query(let result)):
            showServerQuery(query, result, snapshot: snapshot, now: now)
        case (.flash(let text), _):
            say(UIText.acceptedWith(text, CommandText.delayNote(reply.command)), role: .good, now: now, seconds: 10)
        case (.whitelistDelete, _):
            say(UIText.accepted(CommandText.summary(reply.command)), role: .good, now: now, seconds: 10)
        default: break
        }
    }

    /// Marks of rows that are gone (a deleted account) go with them.
    mutating func pruneMarks(_ snapshot: Snapshot) {
        if !accountMarks.isEmpty, let rows = snapshot.accounts.value {
            accountMarks = accountMarks.intersection(rows.lazy.map(\.account.username))
        }
        if !ipMarks.isEmpty, let ips = snapshot.staticIPs.value { ipMarks = ipMarks.intersection(ips.lazy.map(\.identity)) }
        if !whitelistMarks.isEmpty, let ips = snapshot.whitelist.value { whitelistMarks = whitelistMarks.intersection(ips.lazy.map(\.ip)) }
    }

    static func asksForVerification(_ error: ProxyLiteError) -> Bool {
        error.fieldErrors.keys.contains { $0 == "verify_type" || $0 == "verify_code" } || error.message.contains("验证")
    }
}
