import Foundation

/// Where the API lives. Sibling brands of the same platform serve the same API under another
/// host and path prefix, so both are settings rather than constants.
public struct PlatformProfile: Sendable, Hashable {
    public var baseURL: URL
    /// Put between the host and each endpoint's path, e.g. `/end-point`.
    public var pathPrefix: String
    /// Seconds east of UTC in which the provider writes zone-less dates (UTC+8 for ProxyLite).
    public var providerOffset: Int

    public static let proxyLite = PlatformProfile(
        baseURL: URL(string: "https://api.proxylite.com")!,  // a literal that is a valid URL
        pathPrefix: "/end-point",
        providerOffset: 8 * 3600
    )

    public init(baseURL: URL, pathPrefix: String = "/end-point", providerOffset: Int = 8 * 3600) {
        self.baseURL = baseURL
        self.pathPrefix = pathPrefix
        self.providerOffset = providerOffset
    }

    /// The full URL of `path` (like `whitelist-account/list`), without any query.
    func url(for path: String) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var prefix = pathPrefix.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if !prefix.isEmpty { prefix = "/" + prefix }
        return base + prefix + "/" + path
    }
}
