import Foundation
import Logging
import ProxyLiteAPI

/// Runs confirmed commands, one at a time in the order confirmed, never retrying on its own (a write repeated after a
/// timeout could apply twice). Each outcome goes to the store as a reply for the UI; accepted
/// account changes are marked pending until a poll shows them, and whatever a write changed is
/// polled again at once.
public actor CommandRunner {
    private let client: ProxyLiteClient
    private let store: Store
    private let readOnly: Bool
    private let repoll: @Sendable (Resource) async -> Void
    private let logger: Logger

    public init(
        client: ProxyLiteClient, store: Store, readOnly: Bool, logger: Logger = Logger(label: "proxylite.commands"),
        repoll: @escaping @Sendable (Resource) async -> Void = { _ in }
    ) {
        self.client = client
        self.store = store
        self.readOnly = readOnly
        self.logger = logger
        self.repoll = repoll
    }

    /// The last command queued; each waits for the one before, because an actor alone would
    /// let a second command start while the first waits for the network (an enable could then
    /// overtake the disable the user confirmed before it).
    private var tail: Task<Void, Never>?

    @discardableResult
    public func run(_ command: Command, id: Int, at now: Date = Date()) async -> Reply.Outcome {
        let previous = tail
        let job = Task { () -> Reply.Outcome in
            await previous?.value
            return await self.execute(command, id: id, at: now)
        }
        tail = Task { _ = await job.value }
        return await job.value
    }

    private func execute(_ command: Command, id: Int, at now: Date) async -> Reply.Outcome {
        let outcome: Reply.Outcome
        if readOnly && command.isWrite {
            outcome = .readOnly
        } else {
            do {
                outcome = .done(try await command.run(client))
            } catch let error as ProxyLiteError {
                outcome = .rejected(error)
            } catch {
                outcome = .rejected(ProxyLiteError(.transport, endpoint: "", message: "the request failed (\(type(of: error)))"))
            }
        }
        if command.isWrite {
            // The log is the record of what was changed from this dashboard (passwords left out).
            switch outcome {
            case .done: logger.notice("change accepted", metadata: ["command": "\(command)"])
            case .rejected(let error): logger.warning("change refused", metadata: ["command": "\(command)", "reason": "\(error)"])
            case .readOnly: logger.info("change blocked: read-only", metadata: ["command": "\(command)"])
            }
        }
        if case .done = outcome, command.isWrite {
            if !command.usernames.isEmpty { await store.markPending(command, at: now) }
            if let resource = command.affects { await repoll(resource) }
        }
        await store.record(Reply(id: id, command: command, outcome: outcome))
        return outcome
    }
}
