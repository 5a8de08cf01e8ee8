import Crypto
import Foundation
import ProxyLiteAPI

/// Tells whether the key is the one a series was recorded with, without keeping the key: an
/// HMAC-SHA256 keyed by the app_key over the database's own random salt. The salt differs per
/// database, so two databases of one key do not share a fingerprint, and the fingerprint cannot be
/// checked against a guessed key without the database.
enum KeyFingerprint {
    static func of(_ key: AppKey, salt: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(salt.utf8), using: SymmetricKey(data: Data(key.secret.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    static func newSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
