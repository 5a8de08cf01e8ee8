import Hummingbird

/// Answers 401 to a request without `Authorization: Bearer <token>`.
///
/// hummingbird-auth's bearer authenticator would do this too, but it would add a package (and
/// its own dependencies) for about twenty lines. The token is compared in constant time, so the
/// time of a refusal does not tell how much of a guess was right, and it is never logged.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], BearerToken.matches(header, token: token) else {
            var response = Response(
                status: .unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"proxylite-top\"", .contentType: "text/plain"],
                body: .init(byteBuffer: ByteBuffer(string: "a bearer token is required: send Authorization: Bearer <token>\n")))
            response.headers[.cacheControl] = "no-store"
            return response
        }
        return try await next(request, context)
    }
}

/// The check itself, apart from the middleware's request context.
enum BearerToken {
    /// The scheme is case-insensitive (RFC 9110); the token is not.
    static func matches(_ header: String, token: [UInt8]) -> Bool {
        let scheme = "bearer "
        guard header.utf8.count > scheme.utf8.count, header.lowercased().hasPrefix(scheme) else { return false }
        let presented = Array(header.utf8.dropFirst(scheme.utf8.count))
        return constantTimeEqual(presented, token)
    }

    /// Walks the whole expected token whatever was presented, so the time depends on its length
    /// only (which is not the secret).
    static func constantTimeEqual(_ presented: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference: UInt8 = presented.count == expected.count ? 0 : 1
        for index in expected.indices {
            difference |= expected[index] ^ (index < presented.count ? presented[index] : 0)
        }
        return difference == 0
    }
}
