import Foundation
import GRDB
import Monitor

/// Alert episodes are kept with the history, so that a restart neither forgets an open episode
/// nor fires it again.
extension HistoryDatabase {
    /// Active and acknowledged alerts, then up to `past` of the latest past ones; and the next id.
    public func alerts(past: Int = 200) throws(HistoryError) -> (open: [Alert], past: [Alert], nextID: Int64) {
        guard let series else { return ([], [], 1) }
        return try read { db in
            let open = try Row.fetchAll(
                db, sql: "SELECT * FROM alert WHERE series = ? AND state != 'past' ORDER BY at DESC, id DESC", arguments: [series])
            let closed = try Row.fetchAll(
                db, sql: "SELECT * FROM alert WHERE series = ? AND state = 'past' ORDER BY cleared_at DESC, id DESC LIMIT ?",
                arguments: [series, past])
            let next = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM alert") ?? 0) + 1
            return (open.compactMap(Self.alert), closed.compactMap(Self.alert), next)
        }
    }

    /// Writes new alerts and the state of changed ones.
    public func save(alerts: [Alert]) throws(HistoryError) {
        guard let series, !alerts.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO alert (id, series, kind, subject, profile, value, threshold, message, at, state, cleared_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET value = excluded.value, state = excluded.state, cleared_at = excluded.cleared_at
                    """)
            for alert in alerts {
                try statement.execute(arguments: [
                    alert.id, series, alert.kind.rawValue, alert.subject, alert.profile, alert.value, alert.threshold, alert.message,
                    Int64(alert.at.timeIntervalSince1970), alert.state.rawValue,
                    alert.clearedAt.map { Int64($0.timeIntervalSince1970) },
                ])
            }
        }
    }

    private static func alert(_ row: Row) -> Alert? {
        guard let kind = AlertKind(rawValue: row["kind"]), let state = AlertState(rawValue: row["state"]) else { return nil }
        return Alert(
            id: row["id"], kind: kind, subject: row["subject"], profile: row["profile"], value: row["value"],
            threshold: row["threshold"], message: row["message"], at: Date(timeIntervalSince1970: TimeInterval(row["at"] as Int64)),
            state: state, clearedAt: (row["cleared_at"] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) })
    }
}
