import Foundation
import Monitor
import ProxyLiteAPI

/// The Accounts pane's actions: each opens a form or a confirmation; nothing is sent before the
/// user confirms exactly what will change.
extension UIState {
    /// The accounts an action applies to: the marked ones, or else the selected one; and how many
    /// of them the current filter hides.
    func accountTargets(_ snapshot: Snapshot, _ lists: VisibleLists) -> (rows: [AccountRow], hidden: Int) {
        let rows = snapshot.accounts.value ?? []
        if accountMarks.isEmpty {
            guard accounts.selected < lists.accounts.count else { return ([], 0) }
            return ([rows[lists.accounts[accounts.selected]]], 0)
        }
        let marked = rows.filter { accountMarks.contains($0.account.username) }
        let visible = Set(lists.accounts.lazy.map { rows[$0].account.username }.filter { accountMarks.contains($0) })
        return (marked, marked.filter { !visible.contains($0.account.username) }.count)
    }

    /// "N of them hidden by the current filter", when that is so.
    static func hiddenNote(_ hidden: Int) -> [String] {
        hidden > 0 ? [hidden == 1 ? UIText.acHiddenOne() : UIText.acHiddenMany(hidden)] : []
    }

    /// The reference lets two sub-accounts share a username, and the API takes usernames: a change
    /// to one is a change to all of that name. The confirmation says so.
    static func sharedNameLines(_ names: [String], _ snapshot: Snapshot) -> [String] {
        var counts: [String: Int] = [:]
        for row in snapshot.accounts.value ?? [] { counts[row.account.username, default: 0] += 1 }
        return unique(names).compactMap { name in
            guard let count = counts[name], count > 1 else { return nil }
            return UIText.acSharedName(count, name)
        }
    }

    /// `names` without repeats, in order: one name stands for every account that has it.
    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    static func nameLines(_ names: [String]) -> [String] {
        let shown = names.prefix(8).map { "  • \($0)" }
        return shown + (names.count > 8 ? [UIText.fsAndMore(names.count - 8)] : [])
    }

    mutating func setEnabled(_ enabled: Bool, snapshot: Snapshot, lists: VisibleLists, now: Date) {
        let (rows, hidden) = accountTargets(snapshot, lists)
        guard !rows.isEmpty else { return say(UIText.noAccountSelected(), now: now) }
        let names = Self.unique(rows.filter { $0.account.isEnabled != enabled }.map(\.account.username))
        let verb = enabled ? UIText.verbEnable() : UIText.verbDisable()
        guard !names.isEmpty else {
            return say(
                rows.count == 1
                    ? (enabled ? UIText.acAlreadyOnOne(rows[0].account.username) : UIText.acAlreadyOffOne(rows[0].account.username))
                    : (enabled ? UIText.acAlreadyOnAll(rows.count) : UIText.acAlreadyOffAll(rows.count)),
                now: now)
        }
        var lines =
            [UIText.acVerbIntro(verb, names.count == 1 ? UIText.acThisAccount() : UIText.fsTheseAccounts(names.count))]
            + Self.nameLines(names)
        lines += Self.hiddenNote(hidden) + Self.sharedNameLines(names, snapshot)
        let leftOut = Self.unique(rows.map(\.account.username)).count - names.count
        if leftOut > 0 {
            lines.append(enabled ? UIText.acLeftOutOn(leftOut) : UIText.acLeftOutOff(leftOut))
        }
        if !enabled {
            lines.append(UIText.acDisableNote1())
            lines.append(UIText.acDisableNote2())
        }
        confirm(
            ConfirmDialog(
                profile: snapshot.profiles.active,
                title: enabled ? UIText.enableTitle() : UIText.disableTitle(), lines: lines, confirmLabel: verb,
                command: enabled ? .enable(names) : .disable(names)))
    }

    mutating func deleteAccounts(snapshot: Snapshot, lists: VisibleLists, now: Date) {
        let (rows, hidden) = accountTargets(snapshot, lists)
        guard !rows.isEmpty else { return say(UIText.noAccountSelected(), now: now) }
        let names = Self.unique(rows.map(\.account.username))
        let usage = rows.lazy.map(\.account.usageBytes).saturatingSum()
        let lines =
            [UIText.acVerbIntro(UIText.verbDelete(), names.count == 1 ? UIText.acThisAccount() : UIText.fsTheseAccounts(names.count))]
            + Self.nameLines(names)
            + Self.hiddenNote(hidden) + Self.sharedNameLines(names, snapshot)
            + [UIText.acHistoryErased(ByteFormat.human(usage))] + Self.applyDelayNote
        confirm(
            ConfirmDialog(
                profile: snapshot.profiles.active,
                title: UIText.deleteTitle(), lines: lines, confirmLabel: UIText.verbDelete(), command: .delete(names),
                warning: UIText.cannotUndo(), typeToConfirm: names.count == 1 ? names[0] : String(names.count)))
    }

    mutating func openLimitForm(snapshot: Snapshot, lists: VisibleLists, now: Date) {
        let (rows, hidden) = accountTargets(snapshot, lists)
        guard !rows.isEmpty else { return say(UIText.noAccountSelected(), now: now) }
        let names = Self.unique(rows.map(\.account.username))
        let current = Set(rows.map(\.account.limitGB))
        let intro =
            [
                UIText.acLimitOf(CommandText.accounts(names)),
                UIText.acLimitNow(current.count == 1 ? CommandText.limit(current.first!) : UIText.acVarious()),
            ]
            + Self.hiddenNote(hidden) + Self.sharedNameLines(names, snapshot) + [Self.overshootNote]
        let field = FormField(
            "limit", UIText.labelLimitGB(), .text(.gigabytes, maxLength: 6, secret: false),
            text: current.count == 1 ? String(current.first!) : "", hint: UIText.hintNoLimit())
        dialog = .form(
            FormState(title: UIText.limitTitle(), intro: intro, fields: [field], submitLabel: UIText.buttonContinue()), .changeLimit(names))
    }

    mutating func openAddForm(snapshot: Snapshot) {
        let types = ProductType.accountTypes
        let fields = [
            FormField(
                "username", UIText.labelUsername(), .text(.alphanumeric, maxLength: 32, secret: false), hint: UIText.hintLettersDigits(),
                optional: true),
            // whitelist-account/add: letters and digits, no length rule (the 128 only bounds typing).
            FormField(
                "password", UIText.labelPassword(), .text(.alphanumeric, maxLength: 128, secret: true), hint: UIText.hintLettersDigits(),
                optional: true),
            FormField(
                "batch", UIText.labelOrMany(), .text(.accountPairs, maxLength: 4000, secret: true), hint: "user:pass,user:pass",
                optional: true),
            FormField.choice(
                "type", UIText.labelProductType(),
                types.map { ("\(ModelText.productType($0, section: .account)) (\($0.code))", .productType($0)) }),
            // The add endpoint states no remark rule (only change-remark does).
            FormField("remark", UIText.labelRemark(), .text(.any, maxLength: 255, secret: false), optional: true),
        ]
        dialog = .form(
            FormState(
                title: UIText.addTitle(), intro: [UIText.addIntro()], fields: fields, submitLabel: UIText.buttonContinue()),
            .addAccounts)
    }

    mutating func openEditForm(snapshot: Snapshot, lists: VisibleLists, now: Date) {
        guard accounts.selected < lists.accounts.count, let rows = snapshot.accounts.value else {
            return say(UIText.noAccountSelected(), now: now)
        }
        let account = rows[lists.accounts[accounts.selected]].account
        var fields = [
            // Which endpoint the form calls depends on what changed (see editCommand), so the
            // password and remark rules are checked per endpoint on submit (editProblem).
            FormField(
                "password", UIText.labelNewPassword(), .text(.alphanumeric, maxLength: 128, secret: true),
                hint: UIText.acHintPassword(), optional: true),
            FormField(
                "remark", UIText.labelRemark(), .text(.any, maxLength: 255, secret: false), text: account.remark,
                hint: UIText.acHintRemark(), optional: true),
            FormField(
                "limit", UIText.labelLimitGB(), .text(.gigabytes, maxLength: 6, secret: false), text: String(account.limitGB),
                hint: UIText.hintNoLimit()),
            FormField(
                "daily", UIText.labelDailyGB(), .text(.gigabytes, maxLength: 6, secret: false), hint: UIText.acHintDaily(),
                optional: true),
        ]
        if ProductType.udpCapable.contains(account.productType) {
            fields.append(.choice("udp", "UDP", ["keep", "on", "off"], hint: UIText.acHintUDP()))
        }
        var intro = [
            "\(account.username) · \(ModelText.productType(account.productType, section: SubAccount.productTypeSection))",
            Self.overshootNote,
        ]
        if !accountMarks.isEmpty { intro.append(UIText.acOnlyThis()) }
        intro += Self.sharedNameLines([account.username], snapshot)
        dialog = .form(
            FormState(title: UIText.changeTitle(account.username), intro: intro, fields: fields, submitLabel: UIText.buttonContinue()),
            .editAccount(account.username))
    }

    /// Said wherever a limit is set: usage is counted late, so traffic can pass the limit.
    static var overshootNote: String { UIText.overshootNote() }

    /// Said before deleting or disabling: both take the provider a while.
    static var applyDelayNote: [String] { [UIText.acApplyDelay()] }

    /// Why `command` breaks the rules of the endpoint it calls, and the field to fix, or nil.
    /// change-password takes any letters and digits, proxy-account/change 6–16 of them; only
    /// change-remark limits the remark.
    static func editProblem(_ command: Command) -> (field: String, message: String)? {
        switch command {
        case .change(_, let change):
            if let password = change.password, !InputRules.isValidChangedPassword(password) {
                return (
                    "password",
                    UIText.acPasswordRule()
                )
            }
        case .changeRemark(_, let remark):
            if let problem = TextRule.remark.problem(remark) { return ("remark", problem) }
        default: break
        }
        return nil
    }

    /// The edit form's changes as one command: the single-purpose endpoint when one field
    /// changed, proxy-account/change when several did (one call, all or nothing).
    static func editCommand(_ form: FormState, account: SubAccount) -> (Command, [String])? {
        var change = AccountChange()
        var lines: [String] = []
        if !form["password"].text.isEmpty {
            change.password = form["password"].text
            lines.append(UIText.acChangePassword())
        }
        if form["remark"].text != account.remark {
            change.remark = form["remark"].text
            lines.append(UIText.acChangeRemark(account.remark, form["remark"].text))
        }
        if let limit = Int(form["limit"].text), Int64(limit) != account.limitGB {
            change.limitGB = limit
            lines.append(UIText.acChangeLimit(CommandText.limit(account.limitGB), CommandText.limit(Int64(limit))))
        }
        if let daily = Int(form["daily"].text) {
            change.dailyLimitGB = daily
            lines.append(UIText.acChangeDaily(CommandText.limit(Int64(daily))))
        }
        if form.fields.contains(where: { $0.key == "udp" }), let udp = form["udp"].choice, udp != "keep" {
            change.udp = udp == "on"
            lines.append(UIText.acChangeUDP(udp))
        }
        guard !change.isEmpty else { return nil }
        let name = account.username
        let single =
            [change.password != nil, change.remark != nil, change.limitGB != nil, change.dailyLimitGB != nil, change.udp != nil]
            .filter { $0 }.count == 1
        if single, let password = change.password { return (.changePassword(name, to: password), lines) }
        if single, let remark = change.remark { return (.changeRemark(name, to: remark), lines) }
        if single, let limit = change.limitGB { return (.changeLimit([name], gigabytes: limit), lines) }
        return (.change(name, change), lines)
    }
}
