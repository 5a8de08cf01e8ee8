import Foundation
import Monitor
import ProxyLiteAPI

/// Sends raised alerts where `[alerts]` says. The hook is run here; the bell and the desktop
/// notification are bytes for the terminal, which only the terminal's owner (the dashboard's
/// screen, or `alert test` on a tty) may write.
enum AlertOutputs {
    /// What one round of sending did.
    struct Report: Sendable, Equatable {
        /// The hook's result; nil when no hook is configured or nothing was raised.
        var hook: AlertHookResult?
        /// The bytes for the terminal (bell, notifications); empty when neither is configured.
        var terminal: [UInt8]

        /// The outputs that ran or are ready to, by their config key: exec, bell, desktop.
        var outputs: [String] = []
    }

    /// Runs the hook with `raised` (when there is one and anything was raised) and prepares the
    /// terminal's bytes. Never fails: the hook's failure is in the report for the caller to log.
    static func send(
        _ raised: [Alert], rules: AlertRules, key: AppKey?, keyVariables: [String] = [],
        timeout: Duration = AlertHook.defaultTimeout, environment: [String: String] = ProcessInfo.processInfo.environment,
        hookOutput: AlertHook.Output = .discard, timeZone: TimeZone = .current
    ) async -> Report {
        guard !raised.isEmpty else { return Report(hook: nil, terminal: []) }
        var report = Report(hook: nil, terminal: terminalBytes(raised, rules: rules))
        if let argv = rules.exec {
            report.hook = await AlertHook.run(
                argv, input: AlertJSON.bytes(raised, timeZone: timeZone), key: key, keyVariables: keyVariables,
                timeout: timeout, environment: environment, output: hookOutput)
            report.outputs.append("exec")
        }
        if rules.bell { report.outputs.append("bell") }
        if rules.desktop { report.outputs.append("desktop") }
        return report
    }

    /// BEL when `bell` is set; an OSC 9 and an OSC 777 notification when `desktop` is.
    static func terminalBytes(_ raised: [Alert], rules: AlertRules) -> [UInt8] {
        guard !raised.isEmpty else { return [] }
        var bytes: [UInt8] = []
        if rules.bell { bytes += bell }
        if rules.desktop {
            let (title, body) = notificationText(raised)
            bytes += desktopNotification(title: title, body: body)
        }
        return bytes
    }

    static let bell: [UInt8] = [0x07]

    /// `ESC ] 9 ; title: body BEL` (iTerm2, Windows Terminal, …) then
    /// `ESC ] 777 ; notify ; title ; body BEL` (rxvt, foot, Ghostty, …): terminals ignore the one
    /// they do not know. Control characters are taken out of the text, and `;` out of the title.
    static func desktopNotification(title: String, body: String) -> [UInt8] {
        let title = clean(title).replacingOccurrences(of: ";", with: ",")
        let body = clean(body)
        let esc: UInt8 = 0x1B
        var bytes: [UInt8] = [esc] + Array("]9;\(title): \(body)".utf8) + bell
        bytes += [esc] + Array("]777;notify;\(title);\(body)".utf8) + bell
        return bytes
    }

    /// The title and the body of the notification for one poll's alerts.
    static func notificationText(_ raised: [Alert]) -> (title: String, body: String) {
        let profile = raised.first.map { $0.profile.isEmpty ? "" : " (\($0.profile))" } ?? ""
        let title = raised.count == 1 ? "proxylite-top alert\(profile)" : "proxylite-top: \(raised.count) alerts\(profile)"
        var body = raised.first?.message ?? ""
        if raised.count > 1 { body += " (and \(raised.count - 1) more)" }
        return (title, body)
    }

    /// `text` without control characters (C0, DEL, C1), which could end the sequence or start
    /// another, and at most 300 characters.
    static func clean(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) {
                if v == 0x0A || v == 0x09 { result.append(" ") }
                continue
            }
            result.append(scalar)
        }
        let cleaned = String(result)
        return cleaned.count > 300 ? String(cleaned.prefix(299)) + "…" : cleaned
    }
}
