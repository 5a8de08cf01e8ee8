/// The tab row: every pane's full label when they fit, else every short one; when even those do
/// not fit, a window of short labels that scrolls to keep the current pane in view, with ‹ and ›
/// where labels are out of view. Labels are never cut down to bare numbers.
public struct TabBar: Sendable {
    public let hits: [(tab: Tab, range: Range<Int>)]
    public let style: ScreenLayout.TabLabelStyle
    /// Labels out of view to the left or right.
    public let moreLeft: Bool
    public let moreRight: Bool

    /// `hidden` tabs are left out unless current.
    public init(current: Tab, width: Int, badges: [Tab: String] = [:], hidden: Set<Tab> = []) {
        let tabs = Tab.allCases.filter { !hidden.contains($0) || $0 == current }
        let fits = [ScreenLayout.TabLabelStyle.full, .short].first {
            ScreenLayout.labelsWidth($0, badges: badges, tabs: tabs) <= width - 1
        }
        let style = fits ?? .short
        func size(_ i: Int) -> Int { DisplayWidth.columns(ScreenLayout.tabLabel(tabs[i], style, badge: badges[tabs[i]])) + 1 }
        var start = 0
        var end = tabs.count
        if fits == nil {
            let index = tabs.firstIndex(of: current) ?? 0
            // The first window, from the left, that holds the current pane.
            func window(from start: Int) -> Int {
                let room = width - 1 - (start > 0 ? 2 : 0)
                var used = 0
                var end = start
                while end < tabs.count {
                    let more = end + 1 < tabs.count
                    guard used + size(end) + (more ? 2 : 0) <= room else { break }
                    used += size(end)
                    end += 1
                }
                return max(end, start + 1)
            }
            end = window(from: 0)
            while index >= end, start < index {
                start += 1
                end = window(from: start)
            }
        }
        var x = start > 0 ? 2 : 1
        var placed: [(Tab, Range<Int>)] = []
        for i in start..<end {
            let w = size(i) - 1
            placed.append((tabs[i], x..<(x + w)))
            x += w + 1
        }
        self.style = style
        hits = placed
        moreLeft = start > 0
        moreRight = end < tabs.count
    }
}
