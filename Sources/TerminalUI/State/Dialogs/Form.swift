import Foundation
import ProxyLiteAPI

/// What a choice's option stands for.
public enum ChoiceValue: Sendable, Hashable {
    /// "default", "none", "any", "keep": leave it to the provider, or unchanged.
    case unset
    case text(String)
    case productType(ProductType)
    case package(id: Int)
    case paymentMethod(id: Int)
    case product(id: Int)
    case sku(id: Int)
    /// A duration multiplier (`etd`).
    case multiplier(Int)
    case duration(RenewDuration)
    case verification(DeletionVerification.Kind)
    case network(ExtractionNetwork)
    case format(ExtractionFormat)
}

/// One field of a form.
public struct FormField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text(TextRule, maxLength: Int, secret: Bool)
        /// One of `options`, moved through with ← →; typing jumps to the first option that matches.
        case choice([String])
        case toggle
    }

    public var key: String
    public var label: String
    public var kind: Kind
    public var text = ""
    public var index = 0
    /// What each option of a choice stands for, beside its label: the form hands back the value
    /// the user saw, never a position into a list that a poll may have changed since.
    public var values: [ChoiceValue] = []
    public var isOn = false
    /// Shown after the label when the field is focused.
    public var hint: String
    /// Optional fields may be left empty.
    public var optional: Bool

    public init(_ key: String, _ label: String, _ kind: Kind, text: String = "", hint: String = "", optional: Bool = false) {
        self.key = key
        self.label = label
        self.kind = kind
        self.text = text
        self.hint = hint
        self.optional = optional
    }

    public static func choice(_ key: String, _ label: String, _ options: [String], selected: Int = 0, hint: String = "") -> FormField {
        var field = FormField(key, label, .choice(options), hint: hint)
        field.index = selected
        field.values = options.map(ChoiceValue.text)
        return field
    }

    /// A choice whose options carry their values.
    public static func choice(
        _ key: String, _ label: String, _ options: [(label: String, value: ChoiceValue)], selected: Int = 0, hint: String = ""
    ) -> FormField {
        var field = FormField(key, label, .choice(options.map(\.label)), hint: hint)
        field.index = selected
        field.values = options.map(\.value)
        return field
    }

    /// The value of the chosen option.
    public var value: ChoiceValue? { values.indices.contains(index) ? values[index] : nil }

    public static func toggle(_ key: String, _ label: String, on: Bool, hint: String = "") -> FormField {
        var field = FormField(key, label, .toggle, hint: hint)
        field.isOn = on
        return field
    }

    public var options: [String] {
        if case .choice(let options) = kind { return options }
        return []
    }

    public var choice: String? { options.indices.contains(index) ? options[index] : nil }

    /// What the field shows: the text (masked when secret, unless revealed), the choice, or the switch.
    public func display(reveal: Bool) -> String {
        switch kind {
        case .text(_, _, let secret): return secret && !reveal ? String(repeating: "•", count: text.count) : text
        case .choice(let options): return options.isEmpty ? UIText.choiceNone() : "‹ \(options[min(index, options.count - 1)]) ›"
        case .toggle: return isOn ? UIText.toggleOn() : UIText.toggleOff()
        }
    }

    /// Why the value cannot be submitted, or nil.
    public var problem: String? {
        guard case .text(let rule, _, _) = kind else { return nil }
        if text.isEmpty { return optional ? nil : UIText.fieldRequired(label.lowercased()) }
        return rule.problem(text).map { UIText.fieldProblem(label.lowercased(), $0) }
    }
}

/// A form: fields, then Cancel and a submit button. Tab and the arrows move, typing edits the
/// focused text field (refusing what its rule can never accept), ← → change a choice, Space
/// flips a switch, Enter moves on or presses the focused button, Esc cancels.
public struct FormState: Sendable, Equatable {
    public var title: String
    public var fields: [FormField]
    public var submitLabel: String
    /// 0..<fields.count are fields, then Cancel, then submit.
    public var focus = 0
    public var message: String?
    /// Lines shown above the fields (what the form acts on).
    public var intro: [String]
    /// Ctrl-R: show secret fields as typed.
    public var revealSecrets = false

    public init(title: String, intro: [String] = [], fields: [FormField], submitLabel: String) {
        self.title = title
        self.intro = intro
        self.fields = fields
        self.submitLabel = submitLabel
    }

    public var cancelIndex: Int { fields.count }
    public var submitIndex: Int { fields.count + 1 }

    public enum Outcome: Sendable, Equatable { case editing, cancelled, submitted }

    public subscript(key: String) -> FormField {
        get { fields.first { $0.key == key }! }  // keys are fixed by the code that builds the form
        set { if let i = fields.firstIndex(where: { $0.key == key }) { fields[i] = newValue } }
    }

    public mutating func handle(_ key: Key) -> Outcome {
        // A refusal stays up while the user types on, so that a pasted "1x23" still says why the x went.
        if case .character = key {} else { message = nil }
        switch key {
        case .escape: return .cancelled
        case .tab, .down: focus = (focus + 1) % (fields.count + 2)
        case .backTab, .up: focus = (focus + fields.count + 1) % (fields.count + 2)
        case .enter:
            if focus == cancelIndex { return .cancelled }
            if focus == submitIndex { return submit() }
            focus += 1
            if focus == cancelIndex { focus = submitIndex }  // Enter on the last field goes to the submit button
        case .left, .right:
            if focus >= fields.count {
                focus = focus == cancelIndex ? submitIndex : cancelIndex
            } else {
                step(key == .left ? -1 : 1)
            }
        case .backspace, .delete:
            if focus < fields.count, case .text = fields[focus].kind, !fields[focus].text.isEmpty { fields[focus].text.removeLast() }
        case .control("u"):
            if focus < fields.count { fields[focus].text = "" }
        case .control("r"): revealSecrets.toggle()
        case .character(let c) where focus >= fields.count:
            // On the buttons the form answers like every dialog: y submits, n cancels.
            if c == "y" || c == "Y" { return submit() }
            if c == "n" || c == "N" { return .cancelled }
        case .character(let c): type(c)
        default: break
        }
        return .editing
    }

    private mutating func step(_ delta: Int) {
        switch fields[focus].kind {
        case .choice(let options) where !options.isEmpty:
            fields[focus].index = (fields[focus].index + delta + options.count) % options.count
        case .toggle: fields[focus].isOn.toggle()
        default: break
        }
    }

    private mutating func type(_ c: Character) {
        switch fields[focus].kind {
        case .text(let rule, let maxLength, _):
            if let refusal = rule.refusal(c) {
                message = UIText.fieldProblem(fields[focus].label, refusal)
            } else if fields[focus].text.count >= maxLength {
                message = UIText.fieldTooLong(fields[focus].label, maxLength)
            } else {
                fields[focus].text.append(c)
                if rule == .remark, let problem = rule.problem(fields[focus].text) {
                    fields[focus].text.removeLast()
                    message = problem
                }
            }
        case .toggle where c == " ": fields[focus].isOn.toggle()
        case .choice(let options):
            let typed = String(c).lowercased()
            let start = fields[focus].index + 1
            let order = Array(options.indices[min(start, options.count)...]) + Array(options.indices[..<min(start, options.count)])
            if let hit = order.first(where: { options[$0].lowercased().hasPrefix(typed) }) { fields[focus].index = hit }
        default: break
        }
    }

    private mutating func submit() -> Outcome {
        if let (index, problem) = fields.enumerated().lazy.compactMap({ i, f in f.problem.map { (i, $0) } }).first {
            focus = index
            message = problem
            return .editing
        }
        return .submitted
    }
}
