import Foundation
import ProxyLiteSimulator
import TestSupport
import Testing

/// Pasted text never acts as keys: dropped on a table, taken by a form field. Through the real
/// binary in tmux, whose paste-buffer -p marks a paste only when the app turned bracketed paste on.
extension ActionTests {
    @Test func aPasteOnTheTableIsDroppedAndInAFormFieldTaken() async throws {
        try await session { simulator, tmux in
            // tmux marks the paste only because the dashboard turned bracketed paste on.
            try await tmux.paste("dey")
            var screen = try await tmux.waitFor("Paste ignored: no text field has focus")
            #expect(!screen.contains("Disable sub-accounts"))
            // The markers typed as keys (a terminal that sends them in pieces) are decoded the same way.
            try await tmux.send("r")
            try await tmux.waitFor("Refreshing")
            try await tmux.type("\u{1b}[200~Dy\u{1b}[201~")
            screen = try await tmux.waitFor("Paste ignored: no text field has focus")
            #expect(!screen.contains("Delete sub-accounts") && !screen.contains("Disable sub-accounts"))
            // In a form field it is text: two lines become two addresses.
            try await tmux.send("6")
            try await tmux.waitFor("Whitelist 4")
            try await tmux.send("a")
            try await tmux.waitFor("Addresses that may use the proxies")
            try await settled(tmux)
            try await tmux.paste("203.0.113.50\n203.0.113.51\n")
            try await tmux.waitFor("203.0.113.51")
            try await tmux.send("Enter", "Enter", "Enter", "Enter", "Enter")
            let confirm = try await tmux.waitFor("Allow these addresses")
            #expect(confirm.contains("• 203.0.113.50") && confirm.contains("• 203.0.113.51"))
            try await tmux.send("Escape")
            try await tmux.waitFor("nothing was changed")
            #expect(simulator.requestCounts["proxy-ip/add"] == nil)
            #expect(simulator.requestCounts["whitelist-account/disable"] == nil)
            #expect(simulator.requestCounts["whitelist-account/delete"] == nil)
        }
    }
}
