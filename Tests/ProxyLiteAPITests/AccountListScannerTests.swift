import Foundation
import Testing

@testable import ProxyLiteAPI

/// The one-pass account reader must agree with the model's decoder on everything it accepts, and
/// hand everything else back to it.
@Suite struct AccountListScannerTests {
    let client = ProxyLiteClient(configuration: .init(appKey: AppKey("k")))

    func both(_ json: String) throws -> (scanned: [SubAccount]?, decoded: [SubAccount]) {
        let scanned = Array(json.utf8).withUnsafeBytes { AccountListScanner.scan($0, providerOffset: 8 * 3600) }
        let decoded = try client.decode(ListPayload<SubAccount>.self, from: Data(json.utf8), status: 200, endpoint: .accountList).list
        return (scanned, decoded)
    }

    @Test(arguments: [
        #"{"code":200,"msg":"string","data":{"list":[{"id":0,"username":"string","password":"string","created_at":"string","remark":"string","product_type":9,"usage_flow":0,"limit_flow":102400,"status":0}]}}"#,
        #"{"code":"200","msg":"ok","data":{"list":[{"id":"7","username":12345,"usage_flow":"1024","limit_flow":"5","status":"1","product_type":"14","extra":{"x":[1,{"y":null}]}},{"username":"bare"}]}}"#,
        #"{ "msg" : "ok" , "data" : { "other": [1,2], "list" : [ { "username" : "a\"b\\c\/d\u4ee3\ud83d\udc4d", "remark": null, "created_at": "2022-05-13 12:14:15", "usage_flow": 1.5e3, "status": true } ] } , "code" : 200 }"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"z","created_at":"2019-08-24T14:15:22Z","limit_flow":"","usage_flow":null}]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[]}}"#,
        // Hostile values are read (or noted unreadable) by both alike, without a fallback.
        #"{"code":200,"msg":"ok","data":{"list":[{"usage_flow":"lots"}]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a","remark":{"x":[1]}},{"username":{"y":1},"created_at":[],"status":{}}]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a","usage_flow":"1e30","limit_flow":-5,"created_at":"2026-13-45 10:00:00"},{"username":"b","usage_flow":"9223372036854775807","created_at":"2199-01-01 00:00:00","status":"NaN"},{"username":"c","usage_flow":"Infinity","limit_flow":"1e999","id":"x"}]}}"#,
        // Integers in every spelling: the plain ones are read from the bytes, the rest as text.
        #"{"code":200,"msg":"ok","data":{"list":[{"id":"007","usage_flow":"-0","limit_flow":123456789012345678,"status":"+1","product_type":1e1},{"id":-0,"usage_flow":1234567890123456789,"limit_flow":"12 ","status":" 1","product_type":"14"},{"id":"-","usage_flow":"12.0","limit_flow":-3,"status":0,"product_type":"9x"},{"id":12.0,"usage_flow":"99999999999999999999","limit_flow":"","status":"","product_type":-14}]}}"#,
    ])
    func agreesWithTheDecoder(json: String) throws {
        let (scanned, decoded) = try both(json)
        let accounts = try #require(scanned)
        #expect(accounts == decoded)
    }

    @Test(arguments: [
        #"{"code":3,"msg":"app_key 无效","data":null}"#,
        #"{"code":200,"msg":"ok","data":null}"#,
        #"{"code":200,"msg":"ok","data":[]}"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"id":1,"#,
        #"<html>502</html>"#,
        #"{"code":200,"data":{"list":[]}} trailing"#,
    ])
    func handsAnythingElseBack(json: String) {
        let scanned = Array(json.utf8).withUnsafeBytes { AccountListScanner.scan($0, providerOffset: 0) }
        #expect(scanned == nil)
    }

    @Test func deepNestingIsRefusedNotRecursedInto() {
        let deep = String(repeating: "[", count: 100_000)
        let json = #"{"code":200,"msg":"ok","data":{"list":[{"username":"a","extra":"# + deep + #"}]}}"#
        let scanned = Array(json.utf8).withUnsafeBytes { AccountListScanner.scan($0, providerOffset: 0) }
        #expect(scanned == nil)
        let error = #expect(throws: ProxyLiteError.self) {
            try client.decode(ListPayload<SubAccount>.self, from: Data(json.utf8), status: 200, endpoint: .accountList)
        }
        #expect(error?.code == .decoding)
    }
}
