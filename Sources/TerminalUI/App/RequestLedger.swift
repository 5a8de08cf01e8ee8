import Monitor

/// The commands this UI has sent and not yet heard back about: what to do with each answer,
/// which of them change the account (quitting asks first while any is on its way), and the
/// newest answer already handled, so that a reply kept in several snapshots is handled once.
public struct RequestLedger: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var awaiting: Awaiting
        /// A change to the account, not a question.
        public var isWrite: Bool
    }

    public private(set) var nextID = 1
    public private(set) var open: [Int: Entry] = [:]
    /// The newest reply id already taken.
    /// The newest reply taken, per profile: each profile's store carries only the replies to the
    /// commands sent to it, so one profile's answer must not make another's look already taken.
    public private(set) var lastTaken: [String: Int] = [:]

    public init() {}

    /// Records a command about to be sent; its id goes with it and comes back with its reply.
    mutating func send(_ awaiting: Awaiting, isWrite: Bool) -> Int {
        let id = nextID
        nextID += 1
        open[id] = Entry(awaiting: awaiting, isWrite: isWrite)
        return id
    }

    /// Records a command sent as `id` (tests feed replies to requests they made up).
    package mutating func record(_ id: Int, _ awaiting: Awaiting, isWrite: Bool = false) {
        open[id] = Entry(awaiting: awaiting, isWrite: isWrite)
        nextID = max(nextID, id + 1)
    }

    /// The replies in `replies` not taken before, each with what was awaited of it (nil for one
    /// the UI stopped waiting for).
    mutating func take(_ replies: [Reply], profile: String) -> [(reply: Reply, awaiting: Awaiting?)] {
        var taken: [(Reply, Awaiting?)] = []
        for reply in replies where reply.id > lastTaken[profile, default: 0] {
            lastTaken[profile] = reply.id
            taken.append((reply, open.removeValue(forKey: reply.id)?.awaiting))
        }
        return taken
    }

    /// Stops waiting for an answer nobody needs any more (a raw record the user closed).
    mutating func forget(_ id: Int) { open[id] = nil }

    public func awaiting(_ id: Int) -> Awaiting? { open[id]?.awaiting }

    /// Changes sent and not answered yet.
    public var writesInFlight: [Int] { open.filter(\.value.isWrite).keys.sorted() }

    public var isEmpty: Bool { open.isEmpty }
}
