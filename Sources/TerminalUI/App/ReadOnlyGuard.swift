import Foundation
import Monitor

/// Read-only mode is enforced twice: the key table's `writes` flag refuses the key before it is
/// dispatched (with the action's name), and whatever a key opened or is about to send is checked
/// again here, so that a key dispatched to a write without being flagged in the table still
/// cannot change the account.
extension UIState {
    /// After a pane key: a dialog that leads to a write does not stay open in read-only mode.
    mutating func refuseWriteDialog(_ snapshot: Snapshot, now: Date) {
        guard snapshot.readOnly, let open = dialog, open.leadsToWrite else { return }
        dialog = nil
        say(Self.readOnlyRefusal, role: .warning, now: now)
    }

    static var readOnlyRefusal: String { UIText.readOnlyChangesOff() }
}

extension Dialog {
    /// Whether answering it sends a change to the account.
    var leadsToWrite: Bool {
        switch self {
        case .confirm(let confirm): return confirm.command.isWrite
        case .typed(let typed): return typed.command.isWrite
        case .form(_, let purpose): return purpose.leadsToWrite
        case .waiting, .text, .quit, .unsettledOrder, .panePicker, .profilePicker: return false
        }
    }
}

extension FormPurpose {
    /// Whether the form, submitted and confirmed, changes the account. A renewal form only asks
    /// for a price; extracting and saving endpoints change nothing at the provider.
    var leadsToWrite: Bool {
        switch self {
        case .addAccounts, .editAccount, .changeLimit, .addWhitelist, .verifyWhitelistDelete: return true
        case .renewal, .purchase, .packageRenewal, .extract, .saveExtracted, .serverQuery: return false
        }
    }
}
