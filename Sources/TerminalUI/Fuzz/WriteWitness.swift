import Foundation
import Monitor

/// The fuzz's rule for writes, kept apart from the code it checks: a command that changes the
/// account may be sent only after a confirmation naming exactly that command was on screen, only
/// to the profile that confirmation named, and only by a read of keys that came after that frame
/// and at least `DialogGuard.settle` after the confirmation came into view.
struct WriteWitness {
    /// The confirmation in the last frame, if that frame showed one.
    struct Shown {
        var title: String
        /// The profile the confirmation names; nil for the verification code form, whose title
        /// names it (and the title must be on screen).
        var profile: String?
        var matches: @Sendable (Command) -> Bool
        /// When it came into view (and stayed in view since).
        var since: ContinuousClock.Instant
        var identity: String
    }

    private(set) var shown: Shown?
    /// Confirmations seen on screen, for the report.
    private(set) var confirmationsSeen = 0

    /// The title, the profile and the commands a dialog confirms, if it confirms a write.
    static func confirms(_ dialog: Dialog?) -> (title: String, profile: String?, matches: @Sendable (Command) -> Bool)? {
        switch dialog {
        case .confirm(let confirm): return (confirm.heading, confirm.profile, { $0 == confirm.command })
        case .typed(let typed): return (typed.heading, typed.profile, { $0 == typed.command })
        case .form(let form, .verifyWhitelistDelete(let ips)):
            // The code form sends the removal the user confirmed before the provider asked for it.
            return (
                form.title, nil,
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
        guard let (title, profile, matches) = Self.confirms(dialog), Self.shows(frame, title) else {
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
        shown = Shown(title: title, profile: profile, matches: matches, since: uptime, identity: identity)
    }

    /// Checks a write to `profile` sent by a read of keys at `uptime`; the reason it should not
    /// have been sent, or nil.
    mutating func check(_ command: Command, profile: String, at uptime: ContinuousClock.Instant) -> String? {
        guard let current = shown else { return "a write was sent with no confirmation on screen: \(command)" }
        guard current.matches(command) else { return "the write sent is not the one on screen (\(current.title)): \(command)" }
        if let named = current.profile, named != profile {
            return "the write went to profile \(profile), the confirmation on screen named \(named): \(command)"
        }
        guard uptime - current.since >= DialogGuard.settle else {
            return "confirmed \(uptime - current.since) after it came into view (< \(DialogGuard.settle)): \(command)"
        }
        shown = nil  // one confirmation, one write
        return nil
    }

    /// Whether the frame shows the dialog's title: the profile it names and the title's start (a
    /// dialog is at least 56 columns wide, and a profile name at most `ProfileName.maxColumns`).
    static func shows(_ frame: CellBuffer, _ title: String) -> Bool {
        let colon = title.hasPrefix("profile ") ? title.firstIndex(of: ":").map { title.distance(from: title.startIndex, to: $0) } : nil
        let start = String(title.prefix((colon ?? 0) + 16))
        return frame.lines.contains { $0.contains(start) }
    }
}
