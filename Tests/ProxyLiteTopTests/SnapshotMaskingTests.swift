import Foundation
import ProxyLiteAPI
import TestSupport
import Testing

@testable import proxylite_top

/// Every raw record `snapshot` prints goes through the same masking.
@Suite struct SnapshotMaskingTests {
    @Test func aRechargeTierPrintsItsRawRecordMasked() throws {
        let tier = Fixtures.decode(RechargeGiftRatio.self, #"{"amount":100,"ratio":0.1,"sign_token":"s3cr3t","note":"tier"}"#)
        let printed = String(decoding: SnapshotJSON(now: Date()).rechargeRatio(tier).serialized(), as: UTF8.self)
        #expect(!printed.contains("s3cr3t"), "\(printed)")
        #expect(printed.contains("tier"))
    }
}
