import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// More panes than fit: `0` (or `:`) picks one by name, and the tab bar scrolls to keep the
/// current pane in view instead of cutting labels down to numbers.
@Suite struct PanePickerTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func press(_ keys: [Key], _ ui: inout UIState, width: Int = 120, height: Int = 30) -> [Effect] {
        let data = Snapshot(source: "t", readOnly: false)
        let layout = ScreenLayout(width: width, height: height)
        var effects: [Effect] = []
        for key in keys {
            effects += ui.handle(
                key, snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now, layout: layout)
        }
        return effects
    }

    @Test func zeroOpensThePickerAndTypingChoosesAPane() {
        var ui = UIState()
        _ = press([.character("0")], &ui)
        guard case .panePicker = ui.dialog else {
            Issue.record("0 did not open the picker")
            return
        }
        _ = press("whi".map { Key.character($0) } + [.enter], &ui)
        #expect(ui.dialog == nil)
        #expect(ui.tab == .whitelist)
    }

    @Test func colonOpensItTooAndArrowsChooseAmongMatches() {
        var ui = UIState()
        _ = press([.character(":"), .character("s")], &ui)  // Accounts, Static IPs, Orders?, … every title with an s
        guard case .panePicker(let picker) = ui.dialog else {
            Issue.record(": did not open the picker")
            return
        }
        #expect(picker.matches.count > 1)
        let second = picker.matches[1]
        _ = press([.down, .enter], &ui)
        #expect(ui.tab == second)
    }

    @Test func escapeLeavesThePaneAsItWas() {
        var ui = UIState()
        ui.tab = .orders
        _ = press([.character("0"), .character("p"), .escape], &ui)
        #expect(ui.dialog == nil)
        #expect(ui.tab == .orders)
    }

    @Test func theNumberOfAPaneFindsItToo() {
        var ui = UIState()
        _ = press([.character("0"), .character("8"), .enter], &ui)
        #expect(ui.tab == .products)
    }

    @Test func thePickerIsDrawnWithTheMatches() {
        var ui = UIState()
        _ = press([.character("0"), .character("o"), .character("r")], &ui)
        let screen = renderDashboard(Snapshot(source: "t", readOnly: false), ui, now: now, width: 100, height: 30)
        let text = (0..<screen.height).map { screen.line($0) }.joined(separator: "\n")
        #expect(text.contains("Go to pane"))
        #expect(text.contains("› or"))
        #expect(text.contains("4 Orders"))
        #expect(text.components(separatedBy: "2 Flow").count == 2)  // in the tab bar only: filtered out of the picker
        #expect(text.components(separatedBy: "4 Orders").count == 3)  // the tab bar and the picker
    }

    @Test func aNarrowTabBarScrollsToTheCurrentPaneAndKeepsItsLabels() {
        for width in [60, 64, 72] {
            for tab in Tab.allCases {
                let bar = TabBar(current: tab, width: width)
                #expect(bar.hits.contains { $0.tab == tab }, "\(tab) out of view at \(width)")
                #expect(bar.hits.allSatisfy { $0.range.upperBound <= width - 1 }, "\(tab) at \(width): \(bar.hits)")
                #expect(bar.style == .short)
                #expect(bar.moreLeft || bar.moreRight)
            }
        }
        #expect(TabBar(current: .accounts, width: 60).moreRight)
        #expect(!TabBar(current: .accounts, width: 60).moreLeft)
        #expect(TabBar(current: .products, width: 60).moreLeft)
        let wide = TabBar(current: .products, width: 160)
        #expect(wide.style == .full && wide.hits.count == Tab.allCases.count && !wide.moreLeft && !wide.moreRight)
    }

    @Test func theScrolledBarIsDrawnAndClickable() {
        var ui = UIState()
        ui.tab = .products
        let screen = renderDashboard(Snapshot(source: "t", readOnly: false), ui, now: now, width: 60, height: 20)
        let row = screen.line(1)
        #expect(row.hasPrefix("‹"))
        #expect(row.contains("8 Prod"))
        let bar = TabBar(current: .products, width: 60)
        let target = bar.hits[0]
        _ = press([.mouse(MouseEvent(kind: .press, x: target.range.lowerBound, y: 1))], &ui, width: 60, height: 20)
        #expect(ui.tab == target.tab)
    }
}
