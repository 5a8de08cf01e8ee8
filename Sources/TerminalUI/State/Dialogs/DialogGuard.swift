/// Input already on its way when a dialog opened was not typed at that dialog: a word pasted into
/// a table ("dey") would otherwise open a confirmation with `d` and press it with `y`. So the
/// keys read after the one that opened it are dropped, and `y` and Enter do nothing until the
/// dialog has been on screen for `settle`. Times are on the monotonic clock, passed in.
public struct DialogGuard: Sendable, Equatable {
    /// Long enough for keys already in flight, short enough that no one waits for it.
    public static let settle: Duration = .milliseconds(250)

    public var openedAt: ContinuousClock.Instant
    /// Keys dropped: typed ahead of the dialog, or `y`/Enter before it settled.
    public var ignored: Int
    /// Whether `settle` has passed, as of the last `arm(at:)`; drawn as the dialog's key hint.
    public private(set) var armed = false

    public init(openedAt: ContinuousClock.Instant, ignored: Int) {
        self.openedAt = openedAt
        self.ignored = ignored
    }

    public var armsAt: ContinuousClock.Instant { openedAt + Self.settle }

    /// The last frame did not show the dialog (the terminal is too small for it): what cannot be
    /// read cannot be answered. When it comes into view it settles again from then.
    public private(set) var hidden = false

    /// Whether `key` is refused at `now`: it would answer `dialog` before it settled, or unseen.
    public func refuses(_ key: Key, in dialog: Dialog, at now: ContinuousClock.Instant) -> Bool {
        (hidden || now < armsAt) && Self.answers(key, dialog)
    }

    /// Notes a frame about to be drawn at `now`, and whether it shows the dialog; true when the
    /// dialog must be redrawn (it has just settled or come into view).
    public mutating func saw(shown: Bool, at now: ContinuousClock.Instant) -> Bool {
        guard shown else {
            hidden = true
            armed = false
            return false
        }
        if hidden {
            hidden = false
            openedAt = now
            return true
        }
        return arm(at: now)
    }

    /// The keys that press a dialog's button (a second `q` also quits).
    static func answers(_ key: Key, _ dialog: Dialog) -> Bool {
        if case .quit = dialog, key == .character("q") { return true }
        return key == .enter || key == .character("y") || key == .character("Y")
    }

    /// Notes the time before a frame is drawn; true when that arms the dialog (it must be redrawn).
    public mutating func arm(at now: ContinuousClock.Instant) -> Bool {
        guard !armed, now >= armsAt else { return false }
        armed = true
        return true
    }

    /// What the dialog says about the keys it dropped, or nil.
    public var note: String? {
        guard ignored > 0 else { return nil }
        return ignored == 1 ? UIText.keysIgnoredOne() : UIText.keysIgnoredMany(ignored)
    }
}

extension Dialog {
    /// Which dialog this is, to tell one that has just opened from the same one being edited; nil
    /// for those in which no key acts on the account (waiting, text).
    var guardedIdentity: String? {
        switch self {
        case .form(let form, _): return "form " + form.title
        case .confirm(let confirm): return "confirm " + confirm.heading
        case .typed(let typed): return "typed " + typed.heading
        case .quit: return "quit"
        case .waiting, .text, .unsettledOrder, .panePicker, .profilePicker: return nil
        }
    }
}
