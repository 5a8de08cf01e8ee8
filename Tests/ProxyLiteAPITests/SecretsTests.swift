import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// The key and the passwords a request carried stay out of every error, however they come back.
@Suite struct SecretsTests {
    /// Whether any run of 6 characters of `secret` appears in `text`: a cut-off half is a leak too.
    func leaks(_ secret: String, in text: String) -> Bool {
        let characters = Array(secret)
        guard characters.count >= 6 else { return text.contains(secret) }
        return (0...(characters.count - 6)).contains { text.contains(String(characters[$0..<($0 + 6)])) }
    }

    @Test func everyWireFormOfTheKeyIsScrubbed() throws {
        let key = try #require(AppKey("k3y/with+odd=chars&more"))
        let forms = [
            "k3y/with+odd=chars&more", "k3y%2Fwith%2Bodd%3Dchars%26more", "k3y%2fwith%2bodd%3dchars%26more",
            #"k3y\/with+odd=chars&more"#,
        ]
        for form in forms {
            let text = key.redact("url?app_key=\(form)&x=1")
            #expect(text == "url?app_key=••••••&x=1", "\(form) → \(text)")
        }
    }

    @Test func aKeyThatACutWouldHalveIsScrubbedFirst() async throws {
        // The Location echoes the query, key included, right where the 120-character excerpt ends.
        let origin = "http://127.0.0.1:9/" + String(repeating: "x", count: 60)
        try await withSimulator(testWorld(faults: FaultPlan(redirectTo: origin))) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
            let text = try #require(error?.description)
            #expect(!leaks(testKey, in: text), "\(text)")
        }
    }

    @Test func passwordsEchoedByTheProviderAreScrubbedByValue() async throws {
        try await withSimulator(testWorld()) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) {
                try await client.addAccounts(
                    [NewAccount(username: "good1", password: "Secret123"), NewAccount(username: "bad-name", password: "Hunter2pw")],
                    productType: 9)
            }
            let text = try #require(error?.detail)
            #expect(text.contains("bad-name"), "the provider's reason is still shown: \(text)")
            #expect(!text.contains("Hunter2pw") && !text.contains("Secret123"), "\(text)")
        }
    }

    @Test func scrubbingByValueLeavesAddressesAndTimesAlone() async throws {
        try await withSimulator(testWorld()) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) {
                try await client.addWhitelistIPs(["2001:db8::1:2:3", "not-an-ip"], remark: "", productType: nil, userProductID: nil)
            }
            #expect(error?.detail.contains("not-an-ip") == true, "\(String(describing: error))")
        }
    }

    @Test func secretsAreMaskedAtAnyDepthAndSpelling() throws {
        let record = try JSONDecoder().decode(
            JSONValue.self,
            from: Data(
                #"""
                {"ip":"2001:db8::1","expires":"12:30:45","Proxy-Password":"p1","auth":{"PWD":"p2","list":[{"apiKey":"p3"},{"client_secret":"p4"}]},
                 "AccessToken":"p5","passwd":"p6","note":"plain"}
                """#.utf8))
        let masked = String(decoding: record.maskingSecrets().serialized(), as: UTF8.self)
        for secret in ["p1", "p2", "p3", "p4", "p5", "p6"] { #expect(!masked.contains("\"\(secret)\""), "\(secret) in \(masked)") }
        for kept in ["2001:db8::1", "12:30:45", "plain"] { #expect(masked.contains(kept)) }
    }

    @Test func controlsAndInvisiblesAreWrittenOut() {
        #expect(SafeText.escapingControls("a\u{1B}[2Jb\nc\u{7F}\u{9B}") == #"a\u{1B}[2Jb\u{A}c\u{7F}\u{9B}"#)
        #expect(SafeText.escapingControls("代理 ok") == "代理 ok")
        #expect(SafeText.visible("adm\u{202E}ni\u{200B}x") == #"adm\u{202E}ni\u{200B}x"#)
        #expect(SafeText.visible("👨‍👩‍👧") == "👨‍👩‍👧", "the joiner emoji need stays")
    }
}
