import Foundation
import Monitor

/// Keys arrive in batches (everything one read returned). A key that opens a dialog ends its
/// batch: the keys after it, and whatever else is already waiting on stdin, were typed before
/// anyone could read the dialog, so they are dropped and counted (see `DialogGuard`).
extension UIState {
    /// Applies the keys of one read. `lists` gives the visible lists for the state as it is
    /// before each key; `uptime` is the monotonic clock; `dropPending` reads and drops whatever
    /// input is still waiting, and says how many keys that was.
    public mutating func handle(
        batch keys: [Key], snapshot: Snapshot, lists: (UIState) -> VisibleLists, bodyRows: Int, now: Date,
        uptime: ContinuousClock.Instant, layout: ScreenLayout, dropPending: () -> Int
    ) -> [Effect] {
        var effects: [Effect] = []
        for (i, key) in keys.enumerated() {
            if let open = dialog, let current = dialogGuard, current.refuses(key, in: open, at: uptime) {
                dialogGuard?.ignored += 1
                continue
            }
            let before = dialog?.guardedIdentity
            effects += handle(key, snapshot: snapshot, lists: lists(self), bodyRows: bodyRows, now: now, layout: layout)
            if effects.contains(.quit) { break }
            if noteDialog(openedSince: before, uptime: uptime, typedAhead: { keys.count - i - 1 + dropPending() }) { break }
        }
        return effects
    }

    /// Call after anything that may open a dialog (a key, a reply): when one has opened, starts
    /// its guard with the keys `typedAhead` dropped; true when one has.
    @discardableResult
    public mutating func noteDialog(openedSince before: String?, uptime: ContinuousClock.Instant, typedAhead: () -> Int) -> Bool {
        let after = dialog?.guardedIdentity
        guard after != before else { return false }
        guard after != nil else {
            dialogGuard = nil
            return false
        }
        dialogGuard = DialogGuard(openedAt: uptime, ignored: typedAhead())
        return true
    }

    /// The identity `noteDialog(openedSince:…)` compares with.
    public var guardedDialog: String? { dialog?.guardedIdentity }
}
