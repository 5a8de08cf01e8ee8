import Foundation
import Monitor
import ProxyLiteAPI

/// Enter on a static IP: every field the API returned, undocumented ones included.
enum StaticIPDetailOverlay {
    static func render(_ context: RenderContext, identity: String, area: Rect, into buffer: inout CellBuffer) {
        guard let ip = context.snapshot.staticIPs.value?.first(where: { $0.identity == identity }) else {
            let inside = Overlay.frame(title: UIText.staticIPTitle(), width: 60, height: 3, in: area, into: &buffer)
            buffer.put(UIText.staticIPGone(), x: inside.x, y: inside.y, role: .warning, clip: inside)
            return
        }
        guard case .object(let members) = ip.maskedRaw else { return }
        let inside = Overlay.frame(
            title: UIText.staticIPRawTitle(ip.ip), width: 72, height: members.count + 2, in: area,
            into: &buffer)
        let keyWidth = min(20, (members.map { DisplayWidth.columns($0.0) }.max() ?? 4) + 1)
        for (i, (key, value)) in members.enumerated() where i < inside.height {
            buffer.put(DisplayWidth.fit(key, to: keyWidth), x: inside.x, y: inside.y + i, role: .dim, clip: inside)
            buffer.put(value.displayText, x: inside.x + keyWidth + 1, y: inside.y + i, role: .dialog, clip: inside)
        }
    }
}
