import Foundation
import Monitor
import TerminalUI
import Testing

/// Text rules, forms and dialogs as key-driven state machines.
@Suite struct FormTests {
    init() { DisplayWidth.prepareLocale() }

    func type(_ text: String, into form: inout FormState) {
        for c in text { _ = form.handle(.character(c)) }
    }

    @Test func remarksCountCJKDouble() {
        #expect(TextRule.remarkUnits("proxy") == 5)
        #expect(TextRule.remarkUnits("代理账户") == 8)
        #expect(TextRule.remark.problem(String(repeating: "代", count: 32)) == nil)
        #expect(TextRule.remark.problem(String(repeating: "代", count: 33)) != nil)
        #expect(TextRule.remark.problem(String(repeating: "a", count: 64)) == nil)
        #expect(TextRule.remark.problem(String(repeating: "a", count: 65)) != nil)
        #expect(TextRule.remark.problem(String(repeating: "代", count: 31) + "ab") == nil)
        #expect(TextRule.remark.problem(String(repeating: "代", count: 31) + "abc") != nil)
    }

    @Test func aRemarkFieldRefusesTheCharacterThatWouldMakeItTooLong() {
        var form = FormState(
            title: "t", fields: [FormField("remark", "Remark", .text(.remark, maxLength: 64, secret: false))], submitLabel: "Go")
        type(String(repeating: "客", count: 32), into: &form)
        #expect(form.fields[0].text.count == 32)
        type("户", into: &form)
        #expect(form.fields[0].text.count == 32)
        #expect(form.message?.contains("too long") == true)
    }

    @Test func usernamesAndPasswordsAreCheckedAsTyped() {
        var form = FormState(
            title: "t",
            fields: [
                FormField("username", "Username", .text(.alphanumeric, maxLength: 32, secret: false)),
                FormField("password", "Password", .text(.password, maxLength: 16, secret: true)),
            ], submitLabel: "Go")
        type("ab-", into: &form)
        #expect(form.message?.contains("letters and digits") == true)
        type("c_1", into: &form)
        #expect(form.fields[0].text == "abc1")
        _ = form.handle(.tab)
        type("abc", into: &form)
        #expect(form.fields[1].display(reveal: false) == "•••")
        _ = form.handle(.control("r"))
        #expect(form.revealSecrets)
        // Submitting with a 3-character password is refused and focuses it.
        form.focus = form.submitIndex
        #expect(form.handle(.enter) == .editing)
        #expect(form.focus == 1)
        #expect(form.message?.contains("6 to 16") == true)
        type("defg", into: &form)
        form.focus = form.submitIndex
        #expect(form.handle(.enter) == .submitted)
    }

    @Test func ipListsAndAccountPairs() {
        #expect(TextRule.ipList.problem("203.0.113.5, 2001:db8::1\n198.51.100.2") == nil)
        #expect(TextRule.ipList.problem("203.0.113.500")?.contains("203.0.113.500") == true)
        #expect(TextRule.ipList.problem("") != nil)
        #expect(TextRule.ipList.refusal("x") != nil)
        #expect(TextRule.split("a, b;c\nd") == ["a", "b", "c", "d"])
        let pairs = try? AccountPairs.parse("u1:pass1234, u2:pass5678")
        #expect(pairs?.map(\.username) == ["u1", "u2"])
        // whitelist-account/add has no password length rule; an empty password is still no pair.
        #expect(TextRule.accountPairs.problem("u1:pw") == nil)
        #expect(TextRule.accountPairs.problem("u1:") != nil)
        #expect(TextRule.accountPairs.problem("u1:pass1234,u1:pass5678")?.contains("twice") == true)
        #expect(TextRule.accountPairs.problem("nocolon") != nil)
        #expect(IPAddress.isValid("::1") && !IPAddress.isValid("1.2.3"))
    }

    @Test func formNavigationChoicesAndToggles() {
        var form = FormState(
            title: "t",
            fields: [
                .choice("c", "Country", ["any", "DE · Germany", "DK · Denmark", "US · United States"]), .toggle("t", "UDP", on: false),
            ],
            submitLabel: "Go")
        _ = form.handle(.character("d"))
        #expect(form.fields[0].index == 1)
        _ = form.handle(.character("d"))
        #expect(form.fields[0].index == 2)  // the next match
        _ = form.handle(.right)
        #expect(form.fields[0].index == 3)
        _ = form.handle(.right)
        #expect(form.fields[0].index == 0)  // wraps
        _ = form.handle(.down)
        _ = form.handle(.character(" "))
        #expect(form.fields[1].isOn)
        _ = form.handle(.enter)
        #expect(form.focus == form.submitIndex)  // Enter on the last field goes to the submit button
        _ = form.handle(.left)
        #expect(form.focus == form.cancelIndex)
        #expect(form.handle(.enter) == .cancelled)
        #expect(form.handle(.escape) == .cancelled)
    }

    @Test func confirmDialogsStartOnCancel() {
        var dialog = ConfirmDialog(profile: "default", title: "t", lines: [], confirmLabel: "Go", command: .enable(["a"]))
        #expect(!dialog.confirmFocused)
        #expect(dialog.handle(.enter) == .cancelled)  // Enter presses Cancel
        #expect(dialog.handle(.tab) == .open)
        #expect(dialog.handle(.enter) == .confirmed)
        _ = dialog.handle(.left)
        #expect(!dialog.confirmFocused)
        #expect(dialog.handle(.character("y")) == .confirmed)
        #expect(dialog.handle(.character("n")) == .cancelled)
        #expect(dialog.handle(.escape) == .cancelled)
        #expect(dialog.handle(.character("x")) == .open)
    }

    @Test func typedConfirmationNeedsTheExactText() {
        var typed = TypedConfirmation(profile: "default", title: "t", prompt: "p", expected: "shop1", command: .delete(["shop1"]))
        for c in "shop" { _ = typed.handle(.character(c)) }
        #expect(typed.handle(.enter) == .open)
        #expect(typed.message?.contains("nothing was deleted") == true)
        _ = typed.handle(.character("1"))
        #expect(typed.handle(.enter) == .confirmed)
        #expect(typed.handle(.escape) == .cancelled)
    }
}

extension FormTests {
    @Test func onTheButtonsYSubmitsAndNCancels() {
        var form = FormState(title: "t", fields: [FormField("n", "Name", .text(.any, maxLength: 10, secret: false))], submitLabel: "Go")
        type("y", into: &form)  // in a text field, y is text
        #expect(form.fields[0].text == "y")
        _ = form.handle(.tab)
        #expect(form.handle(.character("y")) == .submitted)
        #expect(form.handle(.character("n")) == .cancelled)
    }
}

extension FormTests {
    @Test func aPastedListKeepsItsLinesInOneField() {
        let pasted: [Key] = [.character("1"), .enter, .character("2"), .enter]
        #expect(PastedText.newlines(in: pasted) == [.character("1"), .character("\n"), .character("2"), .enter])
        #expect(PastedText.newlines(in: [.enter]) == [.enter])
        var form = FormState(
            title: "t",
            fields: [
                FormField("ips", "IPs", .text(.ipList, maxLength: 200, secret: false)),
                FormField("r", "Remark", .text(.remark, maxLength: 64, secret: false)),
            ],
            submitLabel: "Go")
        let keys = Array("203.0.113.1").map { Key.character($0) } + [.enter] + Array("2001:db8::1").map { Key.character($0) } + [.enter]
        for key in PastedText.newlines(in: keys) { _ = form.handle(key) }
        #expect(TextRule.split(form.fields[0].text) == ["203.0.113.1", "2001:db8::1"])
        #expect(form.fields[1].text.isEmpty)
        #expect(form.focus == 1)  // the last Enter, typed after the paste, moves on
    }
}

extension FormTests {
    @Test func theSSHClientAddressComesFromTheEnvironment() {
        #expect(SSHClient.address(["SSH_CLIENT": "198.51.100.7 50022 22"]) == "198.51.100.7")
        #expect(SSHClient.address(["SSH_CONNECTION": "2001:db8::5 50022 2001:db8::1 22"]) == "2001:db8::5")
        #expect(SSHClient.address(["SSH_CLIENT": "::ffff:203.0.113.4 1 22"]) == "203.0.113.4")
        #expect(SSHClient.address(["SSH_CLIENT": "not-an-ip 1 22", "SSH_CONNECTION": "192.0.2.9 1 192.0.2.1 22"]) == "192.0.2.9")
        #expect(SSHClient.address(["SSH_CLIENT": ""]) == nil)
        #expect(SSHClient.address([:]) == nil)
    }
}
