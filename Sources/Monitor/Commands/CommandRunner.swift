import Foundation
import ProxyLiteAPI

/// Runs confirmed commands, one at a time, never retrying on its own (a write repeated after a
/// timeout could apply twice), and records them in the store as pending until a poll shows them.
public actor CommandRunner {
    private let client: ProxyLiteClient
    private let store: Store
    private let readOnly: Bool

    public init(client: ProxyLiteClient, store: Store, readOnly: Bool) {
        self.client = client
        self.store = store
        self.readOnly = readOnly
    }

    public enum Outcome: Sendable, Equatable {
        /// Accepted; pending until the account list shows it.
        case accepted
        /// Refused by the provider or the network; nothing changed. The text is the reason to show.
        case rejected(String)
        case readOnly
    }

    public func run(_ command: Command, at now: Date = Date()) async -> Outcome {
        guard !readOnly else { return .readOnly }
        do {
            try await command.run(client)
        } catch let error as ProxyLiteError {
            return .rejected(error.description)
        } catch {
            return .rejected("the request failed")
        }
        await store.markPending(command, at: now)
        return .accepted
    }
}
