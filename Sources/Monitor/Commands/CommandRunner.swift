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

    /// Commands queued and not yet sent, and the one sent and not answered, by id: what
    /// `finish(within:)` has to account for when the dashboard closes.
    private var queued: [Int: Command] = [:]
    private var sending: [Int: Command] = [:]
    /// Set by `finish(within:)` when its time is up: nothing queued is sent after that.
    private var closed = false

    @discardableResult
    public func run(_ command: Command, id: Int, at now: Date = Date()) async -> Reply.Outcome {
        await enqueue(command, id: id, at: now).value
    }

    /// Queues `command` behind the others and returns at once (the dashboard's command loop uses
    /// this, so that every confirmed command is known here the moment it arrives).
    public func submit(_ command: Command, id: Int, at now: Date = Date()) {
        _ = enqueue(command, id: id, at: now)
    }

    private func enqueue(_ command: Command, id: Int, at now: Date) -> Task<Reply.Outcome, Never> {
        let previous = tail
        queued[id] = command
        let job = Task { () -> Reply.Outcome in
            await previous?.value
            return await self.execute(command, id: id, at: now)
        }
        tail = Task { _ = await job.value }
        return job
    }

    /// Writes queued or sent and not yet answered.
    public var unansweredWrites: Int { (Array(queued.values) + Array(sending.values)).filter(\.isWrite).count }

    /// Waits up to `limit` for every command queued to be answered (the dashboard is closing:
    /// a hang-up, a signal, quit). When time runs out, a write still unanswered is logged as
    /// outcome unknown, and writes never sent as not sent; returns how many writes were left.
    @discardableResult
    public func finish(within limit: Duration) async -> Int {
        let deadline = ContinuousClock.now + limit
        while !queued.isEmpty || !sending.isEmpty, ContinuousClock.now < deadline {
            // Polling at 50 ms for at most `limit`, only while closing: simpler than racing the
            // tail against a timer, and an actor cannot block.
            try? await Task.sleep(for: .milliseconds(50))
        }
        closed = true
        var left = 0
        for (_, command) in sending.sorted(by: { $0.key < $1.key }) where command.isWrite {
            left += 1
            logger.warning(
                "change outcome unknown: it may have been applied",
                metadata: ["command": "\(command)", "reason": "no answer within \(limit) of the dashboard closing"])
        }
        for (_, command) in queued.sorted(by: { $0.key < $1.key }) where command.isWrite {
            left += 1
            logger.warning("change not sent: the dashboard closed first", metadata: ["command": "\(command)"])
        }
        return left
    }

    private func execute(_ command: Command, id: Int, at now: Date) async -> Reply.Outcome {
        queued[id] = nil
        if closed {
            return .rejected(ProxyLiteError(.cancelled, endpoint: "", message: "not sent: the dashboard closed first"))
        }
        sending[id] = command
        defer { sending[id] = nil }
        let outcome: Reply.Outcome
        if readOnly && command.isWrite {
            outcome = .readOnly
        } else {
            do {
                outcome = .done(try await command.run(client))
            } catch {
                let failure = ProxyLiteError.wrapping(error)
                outcome = command.isWrite && failure.mayHaveApplied ? .unknown(failure) : .rejected(failure)
            }
        }
        if command.isWrite {
            log(command, outcome)
            await markPending(command, outcome, at: now)
        }
        await store.record(Reply(id: id, command: command, outcome: outcome, sentAt: now))
        return outcome
    }

    /// The log is the record of what was changed from this dashboard (passwords left out).
    private func log(_ command: Command, _ outcome: Reply.Outcome) {
        let what: Logger.Metadata = ["command": "\(command)"]
        switch outcome {
        case .done(.batch(let batch)) where !batch.refused.isEmpty || !batch.unknown.isEmpty || !batch.notSent.isEmpty:
            logger.warning(
                "change partly accepted",
                metadata: what.merging([
                    "outcome": "\(batch.summary)", "refused": "\(batch.refused.map(\.username))",
                    "unknown": "\(batch.unknown.map(\.username))", "not_sent": "\(batch.notSent)",
                ]) { $1 })
        case .done: logger.notice("change accepted", metadata: what)
        case .rejected(let error): logger.warning("change refused", metadata: what.merging(["reason": "\(error)"]) { $1 })
        case .unknown(let error):
            logger.warning("change outcome unknown: it may have been applied", metadata: what.merging(["reason": "\(error)"]) { $1 })
        case .readOnly: logger.info("change blocked: read-only", metadata: what)
        }
    }

    /// Accepted changes are pending on their rows until a poll shows them; changes whose answer
    /// never came are marked unconfirmed the same way. Either way what they touch is polled now.
    private func markPending(_ command: Command, _ outcome: Reply.Outcome, at now: Date) async {
        let confirmed: [String]
        let unconfirmed: [String]
        switch outcome {
        case .done(.batch(let batch)):
            confirmed = batch.accepted
            unconfirmed = batch.unknown.map(\.username)
        case .done: (confirmed, unconfirmed) = (command.usernames, [])
        case .unknown: (confirmed, unconfirmed) = ([], command.usernames)
        case .rejected, .readOnly: return
        }
        if !confirmed.isEmpty { await store.markPending(command, on: confirmed, at: now) }
        if !unconfirmed.isEmpty { await store.markPending(command, on: unconfirmed, at: now, unconfirmed: true) }
        if let resource = command.affects { await repoll(resource) }
    }
}
