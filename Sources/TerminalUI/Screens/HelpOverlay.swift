import Foundation
import Monitor
import ProxyLiteAPI

/// `?`: every key, from the binding table.
enum HelpOverlay {
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let bindings = KeyBinding.available(readOnly: context.snapshot.readOnly, keys: context.ui.keyMap).filter {
            if case .pane(let tab) = $0.scope { return tab == context.ui.tab }
            return true
        }
        let inside = Overlay.frame(
            title: UIText.helpTitle(context.ui.tab.title), width: 76, height: bindings.count + 4, in: area, into: &buffer)
        for (i, binding) in bindings.enumerated() where i < inside.height {
            buffer.put(DisplayWidth.fit(binding.keys, to: 22), x: inside.x, y: inside.y + i, role: .footerKey, clip: inside)
            buffer.put(binding.action, x: inside.x + 23, y: inside.y + i, role: .dialog, clip: inside)
        }
        if bindings.count + 1 < inside.height {
            buffer.put(
                UIText.helpMouse(), x: inside.x, y: inside.y + bindings.count + 1, role: .dim, clip: inside)
        }
    }
}
