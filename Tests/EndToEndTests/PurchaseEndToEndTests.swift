import Foundation
import TestSupport
import Testing

/// Buying through the real binary in `--demo`: the Products pane's form, the provider's price,
/// the explicit Create order, and the new order in the Orders pane with its trade number.
@Suite(.serialized) struct PurchaseEndToEndTests {
    @discardableResult
    func settled(_ tmux: TmuxSession) async throws -> String {
        try await tmux.waitUntil("the dialog to take answers") { !$0.contains("answer in a moment") }
    }

    @Test func buyAProductAndFindItsTradeNumberInOrders() async throws {
        let tmux = try await TmuxSession(["--demo"])
        defer { Task { await tmux.close() } }
        try await tmux.waitFor("Accounts 60 / 60")
        try await tmux.send("8")
        try await tmux.waitFor("Payment methods")
        // The first product listed is custom-only: b says so and opens nothing.
        try await tmux.send("b")
        try await tmux.waitFor("custom-made only")
        try await tmux.send("Down", "b")
        try await tmux.waitFor("Preview price")
        try await settled(tmux)
        try await tmux.send("BSpace")
        try await tmux.type("2")
        try await tmux.send("Enter", "Enter", "Enter", "Enter", "Enter")  // quantity, length, coupon, payment, Preview price
        try await tmux.waitFor("Nothing has been ordered yet.")
        let quote = try await settled(tmux)
        #expect(quote.contains("Buy 2 × 入门级 Starter 5 GB"))
        #expect(quote.contains("to pay 30.00"))
        #expect(quote.contains("Paying from the balance may charge it at once"))
        #expect(quote.contains("[ Create order ]"))
        try await tmux.send("y")
        let created = try await tmux.waitFor("Order created")
        let line = try #require(created.split(separator: "\n").first { $0.contains("trade no") })
        let tradeNo = try #require(line.split(separator: " ").first { $0.count >= 20 && $0.allSatisfy(\.isNumber) })
        #expect(created.contains("status     unpaid"))
        try await tmux.send("Escape")
        try await tmux.waitUntil("the order dialog to close") { !$0.contains("Order created") }
        try await tmux.send("4")
        // In the table, not only in the flash line that announced it.
        let orders = try await tmux.waitUntil("the new order's row in Orders") { screen in
            screen.contains("Orders 51 / 51")
                && screen.split(separator: "\n").contains { $0.contains(tradeNo) && !$0.contains("created") }
        }
        #expect(orders.contains("unpaid"))
    }
}
