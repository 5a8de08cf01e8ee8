import Monitor

/// "This will change exactly this; go ahead?" with Cancel focused. `y` confirms, `n` or Esc
/// cancels, Tab and the arrows move between the buttons, Enter presses the focused one.
public struct ConfirmDialog: Sendable, Equatable {
    /// The profile whose account it acts on: the one on screen when it opened.
    public var profile: String
    public var title: String
    public var lines: [String]
    public var confirmLabel: String
    /// What runs when confirmed.
    public var command: Command
    /// Deletes ask, after this dialog, for this text to be typed (the name, or the count).
    public var typeToConfirm: String?
    /// Shown in the warning colour: cannot be undone, costs money.
    public var warning: String?
    /// Whether the confirm button is focused; false (Cancel) when the dialog opens.
    public var confirmFocused = false

    public init(
        profile: String, title: String, lines: [String], confirmLabel: String, command: Command, warning: String? = nil,
        typeToConfirm: String? = nil
    ) {
        self.profile = profile
        self.title = title
        self.lines = lines
        self.confirmLabel = confirmLabel
        self.command = command
        self.warning = warning
        self.typeToConfirm = typeToConfirm
    }

    public enum Outcome: Sendable, Equatable { case open, cancelled, confirmed }

    /// The title with the profile it acts on: "profile main: Disable sub-accounts".
    public var heading: String { Self.heading(title, profile: profile) }

    static func heading(_ title: String, profile: String) -> String { UIText.confirmHeading(ProfileName.text(profile), title) }

    public mutating func handle(_ key: Key) -> Outcome { Self.answer(key, confirmFocused: &confirmFocused) }

    /// The keys of every Cancel / confirm pair of buttons.
    static func answer(_ key: Key, confirmFocused: inout Bool) -> Outcome {
        switch key {
        case .character("y"), .character("Y"): return .confirmed
        case .character("n"), .character("N"), .escape: return .cancelled
        case .tab, .backTab, .left, .right, .up, .down: confirmFocused.toggle()
        case .enter: return confirmFocused ? .confirmed : .cancelled
        default: break
        }
        return .open
    }
}

/// The last step of a delete: type the account's name (or how many) to make it happen.
public struct TypedConfirmation: Sendable, Equatable {
    /// The profile whose account it acts on, as the confirmation before it said.
    public var profile: String
    public var title: String
    public var prompt: String
    public var expected: String
    public var text = ""
    public var command: Command
    public var message: String?

    public init(profile: String, title: String, prompt: String, expected: String, command: Command) {
        self.profile = profile
        self.title = title
        self.prompt = prompt
        self.expected = expected
        self.command = command
    }

    public enum Outcome: Sendable, Equatable { case open, cancelled, confirmed }

    public var heading: String { ConfirmDialog.heading(title, profile: profile) }

    public mutating func handle(_ key: Key) -> Outcome {
        message = nil
        switch key {
        case .escape: return .cancelled
        case .enter:
            if text == expected { return .confirmed }
            message = UIText.typedMismatch(expected)
        case .backspace, .delete: if !text.isEmpty { text.removeLast() }
        case .control("u"): text = ""
        case .character(let c) where !c.isNewline && text.count < 64: text.append(c)
        default: break
        }
        return .open
    }
}

/// Lines to read and close: an order's trade number, a raw record, a result. Scrolls with the
/// arrows and pages when longer than the screen.
public struct TextDialog: Sendable, Equatable {
    public var title: String
    public var lines: [String]
    public var scroll = 0
    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }

    /// False once closed.
    public mutating func handle(_ key: Key, page: Int) -> Bool {
        switch key {
        case .escape, .enter, .character("q"), .character("y"): return false
        case .up: scroll = max(0, scroll - 1)
        case .down: scroll = min(max(0, lines.count - 1), scroll + 1)
        case .pageUp: scroll = max(0, scroll - page)
        case .pageDown: scroll = min(max(0, lines.count - 1), scroll + page)
        case .home: scroll = 0
        default: break
        }
        return true
    }
}

/// What is on top of the panes, taking every key until it closes.
public enum Dialog: Sendable, Equatable {
    case form(FormState, FormPurpose)
    case confirm(ConfirmDialog)
    case typed(TypedConfirmation)
    /// Waiting for the reply to command `id`; Esc hides it (the reply still shows in the flash line).
    case waiting(id: Int, title: String)
    case text(TextDialog)
    /// After an order/create whose answer never came: the unpaid orders that may be it, kept up
    /// to date with each poll. Creating again waits until the user has seen them.
    case unsettledOrder(TextDialog)
    /// `q` while changes are still on their way: quitting could cut one off half-sent.
    case quit(ConfirmQuit)
    /// `0` or `:`: go to a pane by name.
    case panePicker(PanePicker)
    /// `P`: show another profile.
    case profilePicker(ProfilePicker)
}

/// "Quit anyway?", with Cancel focused, keyed like every confirmation.
public struct ConfirmQuit: Sendable, Equatable {
    public var sending: Int
    public var quitFocused = false

    /// Like every confirmation; a second `q` also quits.
    public mutating func handle(_ key: Key) -> ConfirmDialog.Outcome {
        key == .character("q") ? .confirmed : ConfirmDialog.answer(key, confirmFocused: &quitFocused)
    }
}

/// What a submitted form turns into.
public enum FormPurpose: Sendable, Equatable {
    case addAccounts
    case editAccount(String)
    case changeLimit([String])
    case addWhitelist
    case verifyWhitelistDelete([String])
    case renewal(ips: [String], ids: [Int], type: Int)
    case purchase(productID: Int)
    case packageRenewal(packageID: Int)
    case extract
    case saveExtracted([String])
    /// A server query for the pane of this tab.
    case serverQuery(Tab)
}
