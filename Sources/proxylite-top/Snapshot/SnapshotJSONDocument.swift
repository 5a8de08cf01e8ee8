import Foundation
import ProxyLiteAPI

/// `snapshot --format json` as it is written: the top-level members in order, each list's rows
/// made into values one at a time and written at once, and the bytes handed out in chunks. The
/// bytes are exactly `value.prettySerialized()`'s (the tree this replaces); what is saved is the
/// tree and the whole document in memory, which for 100 000 accounts were most of the command's.
struct SnapshotJSONDocument {
    enum Member {
        case value(JSONValue)
        /// `count` rows, the i-th made by `row(i)` when it is written.
        case rows(Int, (Int) -> JSONValue)
    }

    let members: [(String, Member)]

    /// The whole document as one value (for tests: what the streamed bytes must equal).
    var value: JSONValue {
        .object(
            members.map { key, member in
                switch member {
                case .value(let value): return (key, value)
                case .rows(let count, let row): return (key, .array((0..<count).map(row)))
                }
            })
    }

    /// All the bytes at once (small documents and tests).
    func prettySerialized() -> [UInt8] {
        var all: [UInt8] = []
        write(chunk: .max) {
            all += $0
            return true
        }
        return all
    }

    /// The bytes, in pieces of about `chunk` bytes (the last one shorter), to `sink`, until it
    /// returns false (nobody reads them any more): whether every piece was taken.
    @discardableResult
    func write(chunk: Int = 1 << 16, to sink: ([UInt8]) -> Bool) -> Bool {
        var out: [UInt8] = []
        out.reserveCapacity(min(chunk, 1 << 16) + 4096)
        out.append(UInt8(ascii: "{"))
        for (i, (key, member)) in members.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            Self.newline(1, &out)
            JSONValue.writeString(key, into: &out)
            out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
            switch member {
            case .value(let value): value.writePretty(into: &out, depth: 1)
            case .rows(let count, _) where count == 0: out.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")])
            case .rows(let count, let row):
                out.append(UInt8(ascii: "["))
                for index in 0..<count {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    Self.newline(2, &out)
                    row(index).writePretty(into: &out, depth: 2)
                    if out.count >= chunk {
                        guard sink(out) else { return false }
                        out.removeAll(keepingCapacity: true)
                    }
                }
                Self.newline(1, &out)
                out.append(UInt8(ascii: "]"))
            }
            if out.count >= chunk {
                guard sink(out) else { return false }
                out.removeAll(keepingCapacity: true)
            }
        }
        Self.newline(0, &out)
        out.append(UInt8(ascii: "}"))
        out.append(0x0A)
        return sink(out)
    }

    /// As `prettySerialized` indents: a newline, two spaces a level.
    private static func newline(_ depth: Int, _ out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    /// Streams the document to a file descriptor (standard output), each chunk written whole;
    /// the errno that stopped it, or nil when all of it was written.
    func write(toDescriptor descriptor: Int32) -> Int32? {
        var failure: Int32?
        write { chunk in
            failure = writeAll(chunk, to: descriptor)
            return failure == nil
        }
        return failure
    }
}

/// Writes every byte of `bytes`, waiting when a non-blocking descriptor is full and going on
/// after a signal; the errno that stopped it (EPIPE: the reader went away), or nil.
func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    bytes.withUnsafeBufferPointer { buffer -> Int32? in
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, base + offset, buffer.count - offset)
            if written > 0 {
                offset += written
                continue
            }
            let error = written < 0 ? errno : EIO
            if error == EINTR { continue }
            if error == EAGAIN || error == EWOULDBLOCK {
                var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, 1000)
                continue
            }
            return error
        }
        return nil
    }
}
