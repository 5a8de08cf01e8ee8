import Foundation
import Monitor

extension KeyAction {
    /// `Space * u` of a pane whose rows are marked by name: mark the focused row (and move on),
    /// mark every row shown (or, when they all are, unmark them), clear the marks. Names, not
    /// positions, so that marks survive refreshes, sorting and filtering; rows whose name could
    /// not be read are never marked.
    static func marks(
        _ tab: Tab, in marks: any WritableKeyPath<UIState, Set<String>> & Sendable,
        refusal: @escaping @Sendable (UIState, KeyInput) -> String?,
        focused: @escaping @Sendable (UIState, KeyInput) -> String?,
        shown: @escaping @Sendable (KeyInput) -> [String],
        clear: @escaping @Sendable (inout UIState, Date) -> Void
    ) -> KeyAction {
        .pane(
            tab, "mark", "Space * u", .key(.keyMark), keys: chars(" *u"),
            slots: ["mark", "mark all shown", "clear marks"],
            refusal: { ui, input in input.slot == 0 ? refusal(ui, input) : nil }
        ) { ui, input in
            switch input.slot {
            case 0:
                guard let name = focused(ui, input) else { return }
                if ui[keyPath: marks].remove(name) == nil { ui[keyPath: marks].insert(name) }
                ui.move(1, input.lists)
            case 1: ui.say(UIState.toggleAll(shown(input), in: &ui[keyPath: marks]), now: input.now)
            default: clear(&ui, input.now)
            }
        }
    }
}
