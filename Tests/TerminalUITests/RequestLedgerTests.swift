import Foundation
import Monitor
import ProxyLiteAPI
import Testing

@testable import TerminalUI

/// One ledger correlates the commands the UI sent with their replies.
@Suite struct RequestLedgerTests {
    @Test func eachReplyIsTakenOnceWithWhatWasAwaited() {
        var ledger = RequestLedger()
        let write = ledger.send(.flash("disable a1"), isWrite: true)
        let read = ledger.send(.inspect("a1"), isWrite: false)
        #expect(write != read)
        #expect(ledger.writesInFlight == [write])
        let replies = [
            Reply(id: write, command: .disable(["a1"]), outcome: .done(.none)),
            Reply(id: read, command: .inspect(.account(username: "a1")), outcome: .done(.none)),
        ]
        let taken = ledger.take(replies, profile: "default")
        #expect(taken.map(\.reply.id) == [write, read])
        #expect(taken.map(\.awaiting) == [.flash("disable a1"), .inspect("a1")])
        #expect(ledger.isEmpty && ledger.writesInFlight.isEmpty)
        #expect(ledger.take(replies, profile: "default").isEmpty)  // the same snapshot again: nothing new
    }

    @Test func aForgottenRequestsReplyIsTakenWithNothingAwaited() {
        var ledger = RequestLedger()
        let id = ledger.send(.inspect("a1"), isWrite: false)
        ledger.forget(id)
        let taken = ledger.take([Reply(id: id, command: .inspect(.account(username: "a1")), outcome: .done(.none))], profile: "default")
        #expect(taken.count == 1 && taken[0].awaiting == nil)
    }
}
