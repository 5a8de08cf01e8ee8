import Foundation
import ProxyLiteAPI

/// user-usage-flow/total.
enum FlowRoutes {
    static let routes: [Route] = [
        Route(endpoint: .flowTotal, style: .legacy) { world, request, context throws(SimulatorError) in
            let end = try date(request, "end_time", context) ?? context.now
            let start = try date(request, "start_time", context) ?? end.addingTimeInterval(-7 * 86_400)
            guard start <= end else { throw .badParameters(["start_time": ["起始时间不能晚于截止时间"]]) }
            guard end.timeIntervalSince(start) <= 400 * 86_400 else {
                throw .badParameters(["start_time": ["查询范围不能超过 400 天"]])
            }
            let type = try request.int("product_type")
            let username = request.text("username").flatMap { $0.isEmpty ? nil : $0 }
            let selected = world.accounts.filter {
                (username == nil || $0.username == username) && (type == nil || $0.productType == type)
            }
            let offset = Double(context.offset)
            let first = Int(((start.timeIntervalSince1970 + offset) / 86_400).rounded(.down))
            let last = Int(((end.timeIntervalSince1970 + offset) / 86_400).rounded(.down))
            var items: [JSONValue] = []
            for day in first...last {
                // Only the part of the day inside [start, end] counts: a start at 15:00 counts that
                // day's traffic from 15:00 on (the simulator's traffic is even within a day).
                let share = dayShare(day, start: start, end: end, now: context.now, offset: offset)
                var total: Int64 = 0
                for account in selected {
                    let whole = world.dailyFlowKB(account, dayIndex: day, now: context.now, offset: context.offset)
                    total = total.addingSaturated(Int64(saturating: (Double(whole) * share).rounded(.down)) ?? 0)
                }
                let date = Date(timeIntervalSince1970: Double(day) * 86_400 - offset)
                let flow: JSONValue = context.quirks && day % 4 == 0 ? .string(String(total)) : .integer(total)
                let item: JSONValue = .object([
                    ("day", .string(APIDate.providerString(date, offset: context.offset, dateOnly: true))), ("flow", flow),
                ])
                items.append(HostileRows.apply(item, .flow, index: day, plan: context.configuration.faults))
            }
            return .json(.object([("list", .array(items))]))
        }
    ]

    /// The fraction of day `day`'s counted traffic that falls between `start` and `end`. A day's
    /// traffic runs from its midnight to the next, or to `now` for today.
    static func dayShare(_ day: Int, start: Date, end: Date, now: Date, offset: Double) -> Double {
        let dayStart = Double(day) * 86_400 - offset
        let dayEnd = min(dayStart + 86_400, now.timeIntervalSince1970)
        guard dayEnd > dayStart else { return 1 }
        let from = max(dayStart, start.timeIntervalSince1970)
        // end_time is inclusive to the second (`23:59:59` covers the whole day).
        let to = min(dayEnd, end.timeIntervalSince1970 + 1)
        return max(0, min(1, (to - from) / (dayEnd - dayStart)))
    }

    /// A `Y-m-d H:i:s` parameter in provider time.
    static func date(_ request: SimRequest, _ field: String, _ context: RouteContext) throws(SimulatorError) -> Date? {
        guard let text = request.text(field), !text.isEmpty else { return nil }
        guard text.count == 19 || text.count == 10, let date = try? APIDate.parse(text, providerOffset: context.offset)
        else {
            throw .badParameters([field: ["\(field) 格式须为 Y-m-d H:i:s"]])
        }
        return date
    }
}
