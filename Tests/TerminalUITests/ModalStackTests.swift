import Foundation
import Monitor
import Testing

@testable import TerminalUI

/// One modal stack: overlays at the bottom, a filter being typed above them, a dialog on top;
/// keys go to the top layer and closing it uncovers the one below.
@Suite struct ModalStackTests {
    @Test func layersStayInOrderWhateverOrderTheyOpenIn() {
        var ui = UIState()
        ui.dialog = .panePicker(PanePicker())
        ui.overlay = .help
        #expect(ui.modals == [.overlay(.help), .dialog(.panePicker(PanePicker()))])
        ui.overlay = .accountDetail(username: "a1")  // replaces the overlay, under the dialog
        #expect(ui.modals.count == 2 && ui.modals.first == .overlay(.accountDetail(username: "a1")))
        ui.dialog = nil
        #expect(ui.modals == [.overlay(.accountDetail(username: "a1"))])
        ui.overlay = .none
        #expect(ui.modals.isEmpty)
    }

    @Test func keysGoToTheTopLayerAndClosingItUncoversTheOneBelow() {
        var ui = UIState()
        let data = Snapshot(source: "t", readOnly: false)
        let layout = ScreenLayout(width: 100, height: 30)
        func press(_ key: Key) {
            _ = ui.handle(key, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: 20, now: Date(), layout: layout)
        }
        ui.overlay = .help
        ui.dialog = .panePicker(PanePicker())
        press(.escape)  // closes the picker, not the help under it
        #expect(ui.dialog == nil && ui.overlay == .help)
        press(.escape)
        #expect(ui.modals.isEmpty)
    }
}
