import Foundation
import ProxyLiteSimulator
import TestSupport
import Testing

/// Keys on their way when a confirmation opened never answer it: through the real binary in tmux
/// against the simulator.
extension ActionTests {
    @Test func aWordTypedIntoTheTableDoesNotDisableTheAccount() async throws {
        try await session { simulator, tmux in
            let name = try await firstAccount(tmux)
            #expect(row(name, try await tmux.capture()).contains(" on "))
            try await tmux.type("dey")  // one write: d opens the confirmation, e and y come with it
            try await tmux.waitFor("Disable sub-accounts")
            let dialog = try await tmux.waitUntil("the dropped-keys note") { $0.contains("typed ahead w") }
            #expect(dialog.contains("2 keys typed ahead were ignored.") || dialog.contains("1 key typed ahead was ignored."))
            try await settled(tmux)
            #expect(simulator.requestCounts["whitelist-account/disable"] == nil)
            try await tmux.send("Escape")
            let screen = try await tmux.waitFor("nothing was changed")
            #expect(row(name, screen).contains(" on "))
            #expect(simulator.requestCounts["whitelist-account/disable"] == nil)
        }
    }
}
