import Foundation
import ProxyLiteAPI

/// proxy-ip/list, proxy-ip/add, proxy-ip/delete.
enum WhitelistRoutes {
    static let routes: [Route] = [
        Route(endpoint: .whitelistIPList, style: .legacy) { world, request, context throws(SimulatorError) in
            let type = try request.int("product_type")
            let items = world.whitelist.filter { type == nil || $0.productType == type }.map { ip -> JSONValue in
                .object([
                    ("ip", .string(ip.ip)), ("remark", .string(ip.remark)),
                    ("product_type", .integer(Int64(ip.productType))), ("created_at", context.localDate(ip.createdAt)),
                ])
            }
            return .json(.object([("list", .array(HostileRows.apply(items, .whitelist, plan: context.configuration.faults)))]))
        },
        Route(endpoint: .whitelistIPAdd, style: .legacy) { world, request, context throws(SimulatorError) in
            let ips = Validation.list(request.text("ips") ?? "", newlines: true)
            guard !ips.isEmpty else { throw .badParameters(["ips": ["ips 不能为空"]]) }
            if let bad = ips.first(where: { !Validation.isIPAddress($0) }) {
                throw .badParameters(["ips": ["IP 格式错误: \(bad)"]])
            }
            let type = try request.int("product_type") ?? 9
            if type == 11, try request.int("user_product_id") == nil {
                throw .badParameters(["user_product_id": ["套餐类型为 11 时 user_product_id 必填"]])
            }
            let remark = request.text("remark") ?? ""
            for ip in ips where !world.whitelist.contains(where: { $0.ip == ip }) {
                world.whitelist.append(SimWhitelistIP(ip: ip, remark: remark, productType: type, createdAt: context.now))
            }
            return .none
        },
        Route(endpoint: .whitelistIPDelete, style: .legacy) { world, request, context throws(SimulatorError) in
            let ips = Validation.list(request.text("ips") ?? "")
            guard !ips.isEmpty else { throw .badParameters(["ips": ["ips 不能为空"]]) }
            let known = Set(world.whitelist.map(\.ip))
            if let missing = ips.first(where: { !known.contains($0) }) {
                throw .badParameters(["ips": ["白名单中没有该 IP: \(missing)"]])
            }
            if context.configuration.whitelistDeleteNeedsVerification {
                let kinds = DeletionVerification.Kind.allCases.map(\.rawValue)
                guard let kind = request.text("verify_type"), kinds.contains(kind) else {
                    throw .badParameters(["verify_type": ["需要验证:verify_type 须为 \(kinds.joined(separator: "、"))"]])
                }
                guard request.text("verify_code") == context.configuration.verificationCode else {
                    throw .badParameters(["verify_code": ["验证码错误"]])
                }
            }
            let set = Set(ips)
            world.whitelist.removeAll { set.contains($0.ip) }
            return .none
        },
    ]
}
