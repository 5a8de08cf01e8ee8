import Foundation
import Monitor
import ProxyLiteAPI

/// Alerts in words: the kind, the value against its threshold, and the text of a notification.
enum AlertText {
    static func kind(_ kind: AlertKind) -> String {
        switch kind {
        case .usagePercent: UIText.kindUsage()
        case .hoursToLimit: UIText.kindToLimit()
        case .staticIPDays: UIText.kindStaticIP()
        case .packageDays: UIText.kindPackage()
        case .trafficLeft: UIText.kindTrafficLeft()
        case .apiDown: UIText.kindAPIDown()
        case .spike: UIText.kindSpike()
        }
    }

    /// `93% ≥ 90%`, `5.2h ≤ 24h`, `80 GB ≤ 100 GB`: the value, the side it fires on, the threshold.
    static func value(_ alert: Alert) -> String {
        let unit: String
        switch alert.kind {
        case .usagePercent: unit = "%"
        case .hoursToLimit: unit = "h"
        case .staticIPDays, .packageDays: unit = "d"
        case .trafficLeft: unit = " GB"
        case .apiDown: unit = "m"
        case .spike: unit = "×"
        }
        return "\(number(alert.value))\(unit) \(alert.kind.firesAbove ? "≥" : "≤") \(number(alert.threshold))\(unit)"
    }

    /// Whole numbers without a fraction, others to one decimal.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.1f", value)
    }

    static func state(_ state: AlertState) -> String {
        switch state {
        case .active: UIText.stateActive()
        case .acknowledged: UIText.stateAck()
        case .past: UIText.statePast()
        }
    }

    /// The title and body of a desktop notification for `alerts`, free of control characters (a
    /// message carries names from the API; an ESC or BEL in one must not end the sequence early
    /// or start another).
    static func notification(_ alerts: [Alert]) -> (title: String, body: String) {
        let title = alerts.count == 1 ? "proxylite-top: alert" : "proxylite-top: \(alerts.count) alerts"
        let first = alerts.first.map { "\($0.subject): \($0.message)" } ?? ""
        let more = alerts.count > 1 ? " (+\(alerts.count - 1) more)" : ""
        return (title, clean(first + more))
    }

    /// The bytes to write to the terminal: OSC 9 (iTerm2, Windows Terminal, foot…) and OSC 777
    /// (rxvt, VTE, kitty…); a terminal that knows neither ignores both.
    static func osc(_ alerts: [Alert]) -> String {
        let (title, body) = notification(alerts)
        let osc9 = "\u{1B}]9;\(title): \(body)\u{07}"
        // 777's fields are separated by `;`: the title must not contain one.
        let osc777 = "\u{1B}]777;notify;\(title.replacingOccurrences(of: ";", with: ","));\(body)\u{07}"
        return osc9 + osc777
    }

    /// Drops C0 and C1 controls and DEL; whitespace controls become spaces.
    static func clean(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
                    switch scalar.value {
                    case 0x09, 0x0A, 0x0D: return " "
                    case 0x00..<0x20, 0x7F..<0xA0: return nil
                    default: return scalar
                    }
                }))
    }
}
