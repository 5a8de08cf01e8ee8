import Foundation
import Monitor

/// The fuzz's rule for writes, kept apart from the code it checks: a command that changes the
/// account may be sent only after a confirmation naming exactly that command was on screen, and
/// only by a read of keys that came after that frame and at least `DialogGuard.settle` after the
/// confirmation came into view.
struct WriteWitness {
    /// The confirmation in the last frame, if that frame showed one.
    struct Shown {
        var title: String
        var matches: @Sendable (Command) -> Bool
        /// When it came into view (and stayed in view since).
        var since: ContinuousClock.Instant
        var identity: String
    }

    private(set) var shown: Shown?
    /// Confirmations seen on screen, for the report.
    private(set) var confirmationsSeen = 0

    /// The title and the commands a dialog confirms, if it confirms a write.
    static func confirms(_ dialog: Dialog?) -> (title: String, matches: @Sendable (Command) -> Bool)? {
        switch dialog {
        case .confirm(let confirm): return (confirm.title, { $0 == confirm.command })
        case .typed(let typed): return (typed.title, { $0 == typed.command })
        case .form(let form, .verifyWhitelistDelete(let ips)):
            // The code form sends the removal the user confirmed before the provider asked for it.
            return (
                form.title,
                {
                    if case .deleteWhitelistIPs(let sent, _) = $0 { return sent == ips }
                    return false
                }
            )
        default: return nil
        }
    }

    /// Notes a frame drawn at `uptime` with `dialog` open.
    mutating func saw(_ frame: CellBuffer, dialog: Dialog?, at uptime: ContinuousClock.Instant) {
        guard let (title, matches) = Self.confirms(dialog), Self.shows(frame, title) else {
            shown = nil
            return
        }
        // The same dialog while it is edited (the typed name grows); a new one starts over.
        let identity = dialog?.guardedIdentity ?? title
        if let current = shown, current.identity == identity {
            shown?.matches = matches
            return
        }
        confirmationsSeen += 1
        shown = Shown(title: title, matches: matches, since: uptime, identity: identity)
    }

    /// Checks a write sent by a read of keys at `uptime`; the reason it should not have been sent, or nil.
    mutating func check(_ command: Command, at uptime: ContinuousClock.Instant) -> String? {
        guard let current = shown else { return "a write was sent with no confirmation on screen: \(command)" }
        guard current.matches(command) else { return "the write sent is not the one on screen (\(current.title)): \(command)" }
        guard uptime - current.since >= DialogGuard.settle else {
            return "confirmed \(uptime - current.since) after it came into view (< \(DialogGuard.settle)): \(command)"
        }
        shown = nil  // one confirmation, one write
        return nil
    }

    /// Whether the frame shows the dialog's title (as much of it as a border can hold).
    static func shows(_ frame: CellBuffer, _ title: String) -> Bool {
        let start = String(title.prefix(16))
        return frame.lines.contains { $0.contains(start) }
    }
}
