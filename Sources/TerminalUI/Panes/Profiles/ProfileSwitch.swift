import Foundation
import Monitor
import ProxyLiteAPI

/// Switching profiles. What the user did on one profile's data never acts on another's: marks,
/// open details and dialogs, and the selection go when the user switches, and again when the
/// other profile's snapshot arrives (whatever was done on the old one in between goes too). The
/// sort, filters and columns are the user's view and stay. Read-only comes with each snapshot
/// and is never kept here.
extension UIState {
    /// The user chose `name` (the picker, Enter in the overview).
    mutating func switchProfile(to name: String, snapshot: Snapshot, now: Date) -> [Effect] {
        guard name != snapshot.profiles.active else {
            say(UIText.profileShown(name), now: now)
            return []
        }
        leaveProfileView()
        say(UIText.profileSwitched(name), now: now)
        return [.switchProfile(name)]
    }

    /// A snapshot is about to be taken in: when it is another profile's than the last one, the
    /// view state goes as on a switch, and what belongs to each account is put aside for its
    /// return (`ProfileBelongings`).
    mutating func follow(_ snapshot: Snapshot) {
        let name = snapshot.profiles.active
        guard let shown = profilesPane.shown else {
            profilesPane.shown = name
            return
        }
        guard shown != name else { return }
        profilesPane.parked[shown] = ProfileBelongings(
            unsettled: unsettledOrder, whitelistDeletesNeedCode: whitelistDeletesNeedCode, extraction: extraction)
        let back = profilesPane.parked.removeValue(forKey: name) ?? ProfileBelongings()
        unsettledOrder = back.unsettled
        whitelistDeletesNeedCode = back.whitelistDeletesNeedCode
        extraction = back.extraction
        leaveProfileView()
        profilesPane.shown = name
    }

    /// Drops what was done on the data of the profile on screen. The help overlay and a filter
    /// being typed are about the view, not the data, and stay.
    mutating func leaveProfileView() {
        accountMarks.removeAll()
        ipMarks.removeAll()
        whitelistMarks.removeAll()
        revealPassword = false
        if overlay != .help { overlay = .none }
        // An answer still on its way comes back in its own profile's snapshot; a raw record is
        // only shown to whoever waits for it, so nobody will.
        if case .waiting(let id, _) = dialog, case .inspect = requests.awaiting(id) { requests.forget(id) }
        dialog = nil
        dialogGuard = nil
        // The overview keeps its cursor: it lists the same profiles whichever is shown.
        for pane in Panes.all where pane.tab != .profiles {
            if let table = pane.table { self[keyPath: table] = TableState() }
        }
    }
}
