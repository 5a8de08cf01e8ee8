import Foundation
import Monitor
import ProxyLiteAPI

/// The overview's columns, most telling first: a narrow terminal cuts from the right. A value not
/// known yet (before that profile's first poll of it) is `?`, one that does not exist (no run-out
/// date while idle) is `–`: neither passes for 0.
enum ProfilesColumns {
    static let unknown = UnreadableText.mark
    static let none = "–"

    static let all: [PaneColumn<ProfileOverview>] = [
        PaneColumn(
            "active", title: "", width: .fixed(1),
            display: { p, c in TableCell(p.name == c.dashboard?.snapshot.profiles.active ? "▸" : "", .accent) },
            raw: { p, c in p.name == c.dashboard?.snapshot.profiles.active ? "active" : "" }),
        PaneColumn(
            "profile", title: .key(.colProfile), width: .flex(min: 10), maxWidth: ProfileName.maxColumns, name: true,
            display: { p, _ in TableCell(ProfileName.text(p.name), ColorRole.profile(named: p.colour)) }, raw: { p, _ in p.name }),
        PaneColumn(
            "read_only", title: .key(.colReadOnly), width: .fixed(2),
            display: { p, _ in TableCell(p.readOnly ? UIText.cellReadOnly() : "", .warning) },
            raw: { p, _ in p.readOnly ? "true" : "false" }),
        PaneColumn(
            "health", title: .key(.colHealth), width: .fixed(12), display: { p, c in health(p, now: c.now) },
            raw: { p, c in health(p, now: c.now).text }
        ),
        PaneColumn(
            "left", title: .key(.colLeft), width: .fixed(9), .right, text: { p, _ in p.trafficLeftBytes.map(ByteFormat.human) ?? unknown },
            raw: { p, _ in p.trafficLeftBytes.map(String.init) ?? "" }),
        PaneColumn(
            "runs_out", title: .key(.colRunsOut), width: .fixed(10), text: { p, c in p.runsOutAt.map { c.day($0) } ?? none },
            raw: { p, _ in ColumnContext.iso(p.runsOutAt) }),
        PaneColumn(
            "alerts", title: .key(.colAlerts), width: .fixed(6), .right,
            display: { p, _ in TableCell("\(p.activeAlerts)", p.activeAlerts > 0 ? .warning : nil) }, raw: { p, _ in "\(p.activeAlerts)" }),
        PaneColumn(
            "packages", title: .key(.colPkgExp), width: .fixed(7), .right, display: { p, _ in count(p.expiringPackages) },
            raw: { p, _ in p.expiringPackages.map(String.init) ?? "" }),
        PaneColumn(
            "static_ips", title: .key(.colIPExp), width: .fixed(6), .right, display: { p, _ in count(p.expiringIPs) },
            raw: { p, _ in p.expiringIPs.map(String.init) ?? "" }),
        PaneColumn(
            "updated", title: .key(.colUpdated), width: .fixed(8), text: { p, c in p.lastRefresh.map { clock($0, c) } ?? none },
            raw: { p, _ in ColumnContext.iso(p.lastRefresh) }),
        PaneColumn(
            "source", title: .key(.colSource), width: .flex(min: 12), maxWidth: 60,
            text: { p, _ in p.source.isEmpty ? none : DisplayWidth.displaySafe(p.source) }, raw: { p, _ in p.source }),
    ]

    /// As the header says it, in a word: live, stale with the age of the oldest data, offline,
    /// stopped (a failure retrying cannot mend), or connecting before the first answer.
    static func health(_ row: ProfileOverview, now: Date) -> TableCell {
        switch row.connection {
        case .connecting: TableCell(UIText.connConnecting(), .dim)
        case .live: TableCell(UIText.healthLive(), .good)
        case .stale(let since, _): TableCell(UIText.healthStale(TimeText.age(now.timeIntervalSince(since))), .warning)
        case .offline: TableCell(UIText.healthOffline(), .error)
        case .stopped: TableCell(UIText.healthStopped(), .error)
        }
    }

    /// Expiring within the profile's window: a count, in the warning colour when any; `?` before
    /// that list was polled.
    static func count(_ value: Int?) -> TableCell {
        guard let value else { return TableCell(unknown, .dim) }
        return TableCell("\(value)", value > 0 ? .warning : nil)
    }

    static func clock(_ date: Date, _ context: ColumnContext) -> String {
        if case .local(let zone) = context.dates { return TimeText.clock(date, zone: zone) }
        return context.minute(date)
    }
}
