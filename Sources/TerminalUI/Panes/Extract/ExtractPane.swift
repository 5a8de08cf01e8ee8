import Foundation
import Monitor
import ProxyLiteAPI

/// Proxy endpoints for a region, to copy or save.
enum ExtractPane: Pane {
    static let tab = Tab.extract
    static let id = "extract"
    static let title = "Extract"
    static let shortTitle = "Extr"
    static let onDemand: [Resource] = [.regions]

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        ExtractScreen.render(context, area: area, into: &buffer)
    }

    static let keys: [KeyAction] = [
        .pane(tab, "extract", "Enter e", .key(.keyExtract), keys: [.enter, .character("e")], footer: true) { ui, input in
            ui.openExtractionForm(input.snapshot)
        },
        .pane(tab, "save", "w", .key(.keySave), keys: chars("w"), footer: true) { ui, input in
            ui.openSaveForm(now: input.now)
        },
    ]
}
