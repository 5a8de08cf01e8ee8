import Foundation
import ProxyLiteAPI

/// What one watched condition measures now on one subject: the value, whether or not it is past
/// its threshold, so that the alert book sees a condition clear as well as fire.
public struct AlertObservation: Sendable, Equatable {
    public var kind: AlertKind
    /// The username, "ip:port" (or the IP), the package id, "account" or "api".
    public var subject: String
    public var value: Double
    public var threshold: Double
    /// Plain English for a person; never the key or a password.
    public var message: String

    public init(kind: AlertKind, subject: String, value: Double, threshold: Double, message: String) {
        self.kind = kind
        self.subject = subject
        self.value = value
        self.threshold = threshold
        self.message = message
    }

    /// At or above the threshold for kinds that fire above it, at or below it for the others.
    public var isPastThreshold: Bool { kind.firesAbove ? value >= threshold : value <= threshold }

    /// 10 % clear of the threshold, on the safe side: what must hold for 10 minutes before the
    /// episode ends.
    public var isClearOfThreshold: Bool {
        kind.firesAbove ? value <= threshold * (1 - AlertBook.clearMargin) : value >= threshold * (1 + AlertBook.clearMargin)
    }
}

/// The conditions of `[alerts]` measured on a snapshot: a pure function of its arguments.
public enum AlertConditions {
    /// Bytes in one GB as the provider counts them (and `ByteFormat` shows them): 1024³.
    public static let bytesPerGB = 1024.0 * 1024 * 1024

    /// One observation per watched kind per subject whose value is known, for the kinds set in
    /// `rules` only.
    /// - Parameters:
    ///   - norms: each account's median hourly rate over 7 days in bytes/s, only for accounts
    ///     with at least 24 hours of history.
    ///   - monotonic: now on `MonotonicSeconds`; `startedMonotonic`: when monitoring began, which
    ///     counts as the last success while there has been none.
    public static func observe(
        _ snapshot: Snapshot, rules: AlertRules, norms: [String: Double], now: Date, monotonic: Double, startedMonotonic: Double
    ) -> [AlertObservation] {
        var result: [AlertObservation] = []
        for kind in AlertKind.allCases {
            guard let threshold = rules.thresholds[kind] else { continue }
            switch kind {
            case .usagePercent: result += usage(snapshot, threshold: threshold)
            case .hoursToLimit: result += hoursToLimit(snapshot, threshold: threshold)
            case .staticIPDays: result += staticIPs(snapshot, threshold: threshold, now: now)
            case .packageDays: result += packages(snapshot, threshold: threshold, now: now)
            case .trafficLeft: result += trafficLeft(snapshot, threshold: threshold)
            case .apiDown: result.append(apiDown(snapshot, threshold: threshold, monotonic: monotonic, started: startedMonotonic))
            case .spike: result += spikes(snapshot, threshold: threshold, norms: norms)
            }
        }
        return result
    }

    /// The watched kinds whose data has never arrived (the first poll of its resource has not
    /// succeeded yet): their open alerts are neither cleared nor fired until it does. Pass them
    /// to `AlertBook.evaluate(_:holding:now:monotonic:)`.
    public static func unavailableKinds(_ snapshot: Snapshot, rules: AlertRules) -> Set<AlertKind> {
        var kinds = Set<AlertKind>()
        for kind in rules.thresholds.keys {
            let known: Bool
            switch kind {
            case .usagePercent, .hoursToLimit, .spike: known = snapshot.accounts.value != nil
            case .staticIPDays: known = snapshot.staticIPs.value != nil
            case .packageDays: known = snapshot.packages.value != nil
            case .trafficLeft: known = snapshot.summary.value != nil
            case .apiDown: known = true
            }
            if !known { kinds.insert(kind) }
        }
        return kinds
    }

    // MARK: - Each kind

    /// The rows that can be named, each username once.
    private static func namedRows(_ snapshot: Snapshot) -> [AccountRow] {
        var seen = Set<String>()
        return (snapshot.accounts.value ?? []).filter { $0.account.hasIdentity && seen.insert($0.account.username).inserted }
    }

    private static func usage(_ snapshot: Snapshot, threshold: Double) -> [AlertObservation] {
        namedRows(snapshot).compactMap { row in
            guard let fraction = row.usageFraction, fraction.isFinite, let limit = row.account.limitBytes else { return nil }
            let percent = fraction * 100
            let name = row.account.username
            return AlertObservation(
                kind: .usagePercent, subject: name, value: percent, threshold: threshold,
                message: "\(name) has used \(decimal(percent)) % of its \(ByteFormat.human(limit)) limit "
                    + "(\(ByteFormat.human(row.account.usageBytes)); alert at \(number(threshold)) %)")
        }
    }

    private static func hoursToLimit(_ snapshot: Snapshot, threshold: Double) -> [AlertObservation] {
        namedRows(snapshot).compactMap { row in
            guard let seconds = row.secondsToLimit, seconds.isFinite, let limit = row.account.limitBytes else { return nil }
            let hours = seconds / 3600
            let name = row.account.username
            let when =
                hours <= 0
                ? "has reached its \(ByteFormat.human(limit)) limit"
                : "will reach its \(ByteFormat.human(limit)) limit in about \(duration(hours: hours))"
            let rate = row.rate.map { " at \(ByteFormat.rate($0))" } ?? ""
            return AlertObservation(
                kind: .hoursToLimit, subject: name, value: hours, threshold: threshold,
                message: "\(name) \(when)\(rate) (alert within \(number(threshold)) hours)")
        }
    }

    private static func staticIPs(_ snapshot: Snapshot, threshold: Double, now: Date) -> [AlertObservation] {
        var seen = Set<String>()
        return (snapshot.staticIPs.value ?? []).compactMap { ip in
            guard ip.hasIdentity, let expires = ip.expiresAt else { return nil }
            let subject = ip.port.map { "\(ip.ip):\($0)" } ?? ip.ip
            guard seen.insert(subject).inserted else { return nil }
            let days = expires.timeIntervalSince(now) / 86_400
            return AlertObservation(
                kind: .staticIPDays, subject: subject, value: days, threshold: threshold,
                message: "static IP \(subject) \(expiry(days: days)) (alert within \(number(threshold)) days)")
        }
    }

    private static func packages(_ snapshot: Snapshot, threshold: Double, now: Date) -> [AlertObservation] {
        var seen = Set<Int>()
        return (snapshot.packages.value ?? []).compactMap { package in
            guard package.hasIdentity, let expires = package.expiresAt, seen.insert(package.id).inserted else { return nil }
            let days = expires.timeIntervalSince(now) / 86_400
            return AlertObservation(
                kind: .packageDays, subject: String(package.id), value: days, threshold: threshold,
                message: "package \(package.id) \(expiry(days: days)) (alert within \(number(threshold)) days)")
        }
    }

    private static func trafficLeft(_ snapshot: Snapshot, threshold: Double) -> [AlertObservation] {
        guard let summary = snapshot.summary.value, !summary.unreadable.contains("effective") else { return [] }
        let gb = Double(summary.effectiveBytes) / bytesPerGB
        return [
            AlertObservation(
                kind: .trafficLeft, subject: "account", value: gb, threshold: threshold,
                message: "the account has \(ByteFormat.human(summary.effectiveBytes)) of traffic left "
                    + "(alert below \(number(threshold)) GB)")
        ]
    }

    private static func apiDown(_ snapshot: Snapshot, threshold: Double, monotonic: Double, started: Double) -> AlertObservation {
        let newest = ResourceSpec.all.compactMap { $0.landing.health(snapshot).fetchedMonotonic }.max()
        let minutes = max(0, monotonic - (newest ?? started)) / 60
        let down =
            newest == nil
            ? "since monitoring started \(duration(minutes: minutes)) ago" : "for \(duration(minutes: minutes))"
        return AlertObservation(
            kind: .apiDown, subject: "api", value: minutes, threshold: threshold,
            message: "no successful answer from the API \(down) (alert after \(number(threshold)) minutes)")
    }

    /// How many times its own norm an account burns now; nil below the floor, or without a norm
    /// (under 24 hours of history, or a norm of 0). The row's ▲ and the spike alert both use it.
    public static func spikeRatio(rate: Double?, norm: Double?) -> Double? {
        guard let rate, rate.isFinite, rate >= AlertRules.spikeFloorBytesPerSecond, let norm, norm.isFinite, norm > 0
        else { return nil }
        return rate / norm
    }

    /// The accounts whose ratio exceeds `factor`: marked ▲ on their rate.
    public static func spiking(_ rows: [AccountRow], norms: [String: Double], factor: Double) -> Set<String> {
        Set(
            rows.compactMap { row in
                let name = row.account.username
                return (spikeRatio(rate: row.rate, norm: norms[name]) ?? 0) > factor ? name : nil
            })
    }

    private static func spikes(_ snapshot: Snapshot, threshold: Double, norms: [String: Double]) -> [AlertObservation] {
        namedRows(snapshot).compactMap { row in
            let name = row.account.username
            guard let factor = spikeRatio(rate: row.rate, norm: norms[name]), let rate = row.rate, let norm = norms[name]
            else { return nil }
            return AlertObservation(
                kind: .spike, subject: name, value: factor, threshold: threshold,
                message: "\(name) is using \(ByteFormat.rate(rate)), \(decimal(factor)) times its usual "
                    + "\(ByteFormat.rate(norm)) (alert at \(number(threshold)) times)")
        }
    }

    // MARK: - Wording

    /// One decimal: `92.1`.
    static func decimal(_ value: Double) -> String { ByteFormat.format(value, decimals: 1) }

    /// A threshold as the user wrote it: `90`, `2.5`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func expiry(days: Double) -> String {
        days < 0 ? "expired \(duration(hours: -days * 24)) ago" : "expires in \(duration(hours: days * 24))"
    }

    /// `45 minutes`, `5.2 hours`, `3.5 days`.
    static func duration(hours: Double) -> String {
        if hours < 1 { return duration(minutes: hours * 60) }
        if hours < 48 { return "\(decimal(hours)) hours" }
        return "\(decimal(hours / 24)) days"
    }

    static func duration(minutes: Double) -> String {
        let whole = Int(minutes.rounded(.down))
        if minutes >= 120 { return duration(hours: minutes / 60) }
        return whole == 1 ? "1 minute" : "\(whole) minutes"
    }
}
