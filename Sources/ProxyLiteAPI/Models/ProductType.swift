import Foundation

/// A product-type code. The reference gives the same code different meanings in different
/// sections (11, 21 and 25 among them), so the label depends on where the code was seen, and a
/// code no table knows still displays as its number.
public struct ProductType: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let code: Int

    public init(_ code: Int) { self.code = code }

    public static let dynamicResidentialTraffic = ProductType(9)
    public static let dynamicResidentialIP = ProductType(11)
    public static let staticDatacenterIP = ProductType(14)
    public static let staticResidentialIP = ProductType(25)

    /// The types that proxy accounts are created for (the account section's enum).
    public static let accountTypes: [ProductType] = [9, 11, 14, 25].map { ProductType($0) }
    /// The types for which proxy-account/change accepts the UDP switch.
    public static let udpCapable: Set<ProductType> = Set([14, 16, 21, 25].map { ProductType($0) })

    /// Where a code was seen, which decides its meaning. Each endpoint reads its codes with one
    /// of these (see `productTypeSection` on the models), so the dashboard and `snapshot` agree.
    public enum Section: Sendable {
        /// whitelist-account/* and user-product/list (ref: 9, 11, 14, 25).
        case account
        /// order/list and order/create.
        case order
        /// /product (`type`).
        case product
        /// user-product/summary's filter (ref: only 9 and 12).
        case summary
        /// ip/get-static-ip and a renewal product's parent_product_type (ref: 14 and 25).
        case staticIP
    }

    /// The English label in `section`, or nil when that section's table does not list the code.
    public func knownLabel(in section: Section) -> String? {
        switch section {
        case .account: return Self.accountLabels[code]
        case .order: return Self.orderLabels[code]
        case .product: return Self.productLabels[code]
        case .summary: return Self.summaryLabels[code]
        case .staticIP: return Self.staticIPLabels[code]
        }
    }

    /// The label in `section`, falling back to "type N" for codes the reference does not list.
    public func label(in section: Section) -> String { knownLabel(in: section) ?? "type \(code)" }

    public var description: String { String(code) }

    public static func < (a: ProductType, b: ProductType) -> Bool { a.code < b.code }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) {
            code = i
        } else if let s = try? c.decode(String.self), let i = Int(s.trimmingCharacters(in: .whitespaces)) {
            code = i
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a product-type code")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }

    static let accountLabels: [Int: String] = [
        9: "Dynamic residential traffic", 11: "Dynamic residential IP", 14: "Static datacenter IP",
        25: "Static residential IP",
    ]
    static let orderLabels: [Int: String] = [
        3: "Balance top-up", 9: "Dynamic traffic", 11: "Dynamic global time V2", 12: "Long-term IDC traffic",
        13: "Residential static IP traffic", 14: "Datacenter static IP", 15: "Long-term ISP traffic",
        16: "Static traffic", 17: "Dynamic IP count", 18: "Web scraper", 19: "Static IP renewal",
        20: "Static IP change quota", 21: "Static traffic V2", 24: "Static traffic add-on",
        25: "Residential static IP", 26: "Supplementary payment", 27: "SERP", 28: "Video",
    ]
    static let productLabels: [Int: String] = [
        3: "Balance top-up", 9: "Dynamic residential traffic", 10: "Dynamic global time",
        11: "Custom dynamic global time V2", 12: "Long-term IDC traffic", 13: "Residential static IP traffic",
        14: "Datacenter static IP", 15: "Long-term ISP traffic", 16: "Static traffic", 17: "Dynamic residential IP",
        19: "Static IP renewal", 20: "Static IP change eligibility", 21: "Static residential IP",
        24: "Static traffic add-on", 25: "Static IP rate plan",
    ]
    static let summaryLabels: [Int: String] = [9: "Dynamic traffic", 12: "Long-term IDC traffic"]
    static let staticIPLabels: [Int: String] = [14: "Datacenter IP", 25: "Static residential IP"]
}

extension ProductType: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
