import Foundation
import Monitor
import ProxyLiteAPI

extension UIState {
    /// `y`: the record as the API sends it, fetched again (the panes keep decoded rows only).
    mutating func inspect(_ key: RawRecordKey, on snapshot: Snapshot, now: Date) -> [Effect] {
        send(.inspect(key), profile: snapshot.profiles.active, now: now, waitingTitle: UIText.riFetching(key.label))
    }
}
