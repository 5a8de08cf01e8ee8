import Foundation
import Monitor
import ProxyLiteAPI

/// Daily traffic of the whole account and of the selected sub-account, as bar charts.
enum FlowScreen {
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        // A server query's days are shown whole: its range is the one the user asked for.
        let queried = context.ui.serverQueries.isShown(.flow)
        let days = queried ? Int.max : context.ui.flowDays
        let state = context.snapshot.flow
        let whole = Array((state.value ?? []).suffix(days))
        let total = whole.lazy.map(\.bytes).saturatingSum()
        let span = queried ? UIText.flowQueried(whole.count) : UIText.flowLastDays(days)
        guard
            let content = PaneStatus.frame(
                UIText.flowTitle(span, ByteFormat.human(total)) + "\(UnreadableText.title(UnreadableText.count(whole) { $0.unreadable }))",
                note: UIText.flowNote(), state: state, context: context, area: area,
                into: &buffer)
        else { return }
        let half = content.height / 2
        let top = content.rows(0, half)
        let bottom = content.rows(half, content.height)
        buffer.put(UIText.flowWhole(), x: top.x, y: top.y, role: .accent, clip: top)
        BarChart(values: whole.map { ($0.day, $0.bytes) }).render(into: &buffer, area: top.rows(1, top.height))

        let focused = context.ui.focusedAccount(context.snapshot, context.lists)
        guard let name = focused?.account.username else {
            buffer.put(UIText.flowNoAccount(), x: bottom.x, y: bottom.y, role: .dim, clip: bottom)
            return
        }
        if let flow = context.snapshot.accountFlow, flow.username == name {
            // Under a query, the sub-account's chart keeps to the days the query asked for.
            let queriedDays = Set(whole.map(\.day))
            let mine = queried ? flow.days.filter { queriedDays.contains($0.day) } : Array(flow.days.suffix(days))
            let sum = mine.lazy.map(\.bytes).saturatingSum()
            let rate = focused?.rate.map { UIText.flowNow(ByteFormat.rate($0)) } ?? ""
            buffer.put(
                UIText.flowAccount(name, ByteFormat.human(sum), rate), x: bottom.x, y: bottom.y, role: .accent,
                clip: bottom)
            BarChart(values: mine.map { ($0.day, $0.bytes) }).render(into: &buffer, area: bottom.rows(1, bottom.height))
        } else {
            buffer.put(UIText.flowLoading(name), x: bottom.x, y: bottom.y, role: .dim, clip: bottom)
        }
    }
}
