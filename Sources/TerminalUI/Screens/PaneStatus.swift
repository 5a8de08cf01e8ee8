import Foundation
import Monitor
import ProxyLiteAPI

/// How a pane describes data that is missing or old.
enum PaneStatus {
    /// "stale 4m: HTTP 503" when the last poll failed, nil when fresh.
    static func stale<Value>(_ state: ResourceState<Value>, context: RenderContext) -> String? {
        guard let error = state.lastError, let age = state.age(now: context.now, monotonic: context.monotonic) else { return nil }
        return UIText.paneStale(TimeText.age(age), ErrorText.short(error))
    }

    /// Draws a pane's title line (with the stale mark) and returns the area below it, or nil when
    /// there is no data yet and a placeholder took its place.
    static func frame<Value>(
        _ title: String, note: String, state: ResourceState<Value>, context: RenderContext, area: Rect,
        into buffer: inout CellBuffer
    ) -> Rect? {
        PaneTitle.render(title, note: note, stale: stale(state, context: context), area: area, into: &buffer)
        let content = area.rows(1, area.height)
        return placeholder(state, area: content, into: &buffer) ? nil : content
    }

    /// Writes "loading…" or the error in the middle of `area` when there is no value yet; true if it did.
    static func placeholder<Value>(_ state: ResourceState<Value>, area: Rect, into buffer: inout CellBuffer) -> Bool {
        guard state.value == nil else { return false }
        let (text, role): (String, ColorRole) =
            state.lastError.map { (UIText.paneUnavailable(ErrorText.message($0)), .error) } ?? (UIText.paneLoading(), .dim)
        let line = DisplayWidth.truncate(text, to: max(0, area.width - 2))
        buffer.put(line, x: area.x + 1, y: area.y + min(2, max(0, area.height - 1)), role: role, clip: area)
        return true
    }
}

/// Short product-type names for narrow columns.
enum ShortType {
    static func label(_ code: Int) -> String {
        switch code {
        case 9: return UIText.typeDynTraffic()
        case 11: return UIText.typeDynIP()
        case 14: return UIText.typeDCStatic()
        case 25: return UIText.typeResStatic()
        default: return UIText.typeCode(code)
        }
    }
}
