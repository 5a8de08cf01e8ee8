import Foundation
import TestSupport
import Testing

@testable import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

/// Stdin readable with no key in it: between keys, or at its end. Telling them apart is what
/// keeps the loop from spinning on a terminal that has gone away.
@Suite struct InputEndTests {
    @Test func anEmptyOpenPipeIsNotTheEnd() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        #expect(!InputEnd.hasEnded(fds[0]))
    }

    @Test func aPipeWithInputWaitingIsNotTheEnd() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        var byte: UInt8 = 0x61
        _ = write(fds[1], &byte, 1)
        #expect(!InputEnd.hasEnded(fds[0]))
    }

    @Test func aPipeWhoseWriterClosedIsTheEnd() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]) }
        close(fds[1])
        #expect(InputEnd.hasEnded(fds[0]))
    }

    @Test func endOfFileIsTheEnd() throws {
        let fd = open("/dev/null", O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(InputEnd.hasEnded(fd))
    }

    @Test func aHungUpTerminalIsTheEnd() throws {
        let (master, path) = try #require(openPseudoTerminal())
        let slave = open(path, O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        defer { close(slave) }
        #expect(!InputEnd.hasEnded(slave))
        close(master)
        #expect(InputEnd.hasEnded(slave))
    }

    @Test func pollFlagsOfAHangUp() {
        #expect(InputEnd.isHangUp(Int16(POLLHUP)))
        #expect(InputEnd.isHangUp(Int16(POLLIN | POLLHUP)))
        #expect(InputEnd.isHangUp(Int16(POLLERR)))
        #expect(!InputEnd.isHangUp(Int16(POLLIN)))
    }
}

/// The crash handler's time stamp, made without Foundation (a signal handler may not allocate).
@Suite struct CrashStampTests {
    @Test func matchesTheLogsStamps() {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 24)
        defer { buffer.deallocate() }
        let formatter = ISO8601DateFormatter()
        for seconds: Int64 in [0, 951_782_400, 1_700_000_000, 1_800_000_123, 4_102_444_799, 1_709_164_800] {
            let length = TerminalRestore.formatStamp(seconds, into: buffer)
            let text = String(decoding: UnsafeBufferPointer(start: buffer, count: length), as: UTF8.self)
            #expect(text == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
    }
}
