import Foundation
import Testing

@testable import proxylite_top

/// The key file watch sees every step of fixing a key file, the chmod included: a file written
/// first and made private after was refused while readable by others, and must be read again.
@Suite struct KeyFileStampTests {
    @Test func aChmodAloneIsAChange() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-\(UUID().uuidString)")
        try "k".write(to: file, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        chmod(file.path, 0o644)
        let written = try #require(KeyFileWatch.Stamp(file.path))
        chmod(file.path, 0o600)
        let private_ = try #require(KeyFileWatch.Stamp(file.path))
        #expect(written != private_)
        #expect(KeyFileWatch.Stamp(file.path) == private_)  // nothing changed since
    }
}
