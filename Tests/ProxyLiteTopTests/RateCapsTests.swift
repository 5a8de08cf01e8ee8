import Foundation
import Testing

@testable import proxylite_top

/// Profiles on one API host share one rate cap; another host (or port) has its own.
@Suite struct RateCapsTests {
    @Test func oneCapPerHostAndPort() throws {
        let caps = RateCaps()
        let main = caps.limiter(for: try #require(URL(string: "https://api.proxylite.com")))
        let again = caps.limiter(for: try #require(URL(string: "https://API.proxylite.com/gateway")))
        let other = caps.limiter(for: try #require(URL(string: "https://api.example-brand.com")))
        let port = caps.limiter(for: try #require(URL(string: "http://127.0.0.1:8001")))
        let otherPort = caps.limiter(for: try #require(URL(string: "http://127.0.0.1:8002")))
        #expect(main === again)
        #expect(main !== other)
        #expect(port !== otherPort)
    }
}
