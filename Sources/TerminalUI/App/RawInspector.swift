import Foundation
import Monitor
import ProxyLiteAPI

extension UIState {
    /// `y`: the record as the API sends it, fetched again (the panes keep decoded rows only).
    mutating func inspect(_ key: RawRecordKey, now: Date) -> [Effect] {
        send(.inspect(key), now: now, waitingTitle: "Fetching \(key.label)…")
    }
}
