import Foundation
import ProxyLiteSimulator
import TestSupport
import Testing

/// `F` in the Orders pane through the real binary in tmux, in read-only mode: the form, the
/// provider's filtered answer under its banner, and Esc back to the polled list.
extension ActionTests {
    @Test func aServerQueryIsShownUntilEscEvenReadOnly() async throws {
        try await session(arguments: ["--read-only"]) { _, tmux in
            try await tmux.send("4")
            try await tmux.waitFor("Orders ")
            try await tmux.send("F")
            try await tmux.waitFor("Query orders")
            try await settled(tmux)
            try await tmux.send("Right", "Right")  // status: any → unpaid → paid
            try await tmux.send("BTab")  // from the first field back to the Query button
            try await tmux.send("Enter")
            let screen = try await tmux.waitFor("Server query: status paid")
            #expect(screen.contains("Esc clear"))
            #expect(!screen.contains("Read-only mode"))
            try await tmux.send("Escape")
            try await tmux.waitUntil("the polled list back") { !$0.contains("Server query:") && $0.contains("polled list is shown") }
        }
    }
}
