import Foundation
import Monitor
import ProxyLiteAPI

/// The Extract pane: the last request and its endpoints on the left, region stock on the right.
enum ExtractScreen {
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.regions
        let extraction = context.ui.extraction
        PaneTitle.render(
            Tab.extract.title, note: UIText.extractNote(), stale: PaneStatus.stale(state, context: context),
            area: area,
            into: &buffer)
        let content = area.rows(1, area.height)
        let sideWidth = content.width >= 90 ? 36 : 0
        let left = Rect(x: content.x + 1, y: content.y, width: content.width - sideWidth - 2, height: content.height)
        var y = left.y
        if let request = extraction.request {
            let region = [request.countryCode, request.state, request.city].compactMap { $0 }.joined(separator: " / ")
            let text =
                UIText.exRequest(
                    region.isEmpty ? UIText.exAnyRegion() : region, request.count ?? 0,
                    request.lifetimeMinutes.map { UIText.fsMinutes($0) } ?? UIText.wlDefault(),
                    request.network?.rawValue ?? UIText.wlDefault())
            buffer.put(text, x: left.x, y: y, role: .accent, clip: left)
            y += 1
            if let at = extraction.extractedAt {
                buffer.put(UIText.extractedAt(TimeText.clock(at, zone: context.zone)), x: left.x, y: y, role: .dim, clip: left)
                y += 1
            }
            y += 1
            for endpoint in extraction.endpoints where y < left.maxY {
                buffer.put(endpoint, x: left.x, y: y, role: .normal, clip: left)
                y += 1
            }
            if extraction.endpoints.isEmpty { buffer.put(UIText.extractNoEndpoints(), x: left.x, y: y, role: .warning, clip: left) }
        } else {
            buffer.put(
                UIText.extractNothing(), x: left.x, y: y + 1,
                role: .dim, clip: left)
        }
        guard sideWidth > 0 else { return }
        let side = Rect(x: content.maxX - sideWidth, y: content.y, width: sideWidth, height: content.height)
        guard let regions = state.value else {
            _ = PaneStatus.placeholder(state, area: side, into: &buffer)
            return
        }
        var lines: [(String, ColorRole)] = [(UIText.hostPoolStock(), .accent)]
        lines += regions.hostPool.sorted { $0.count > $1.count }.prefix(max(3, side.height / 2 - 2)).map { stockLine($0) }
        lines.append(("", .normal))
        lines.append((UIText.staticIPStock(), .accent))
        lines += regions.staticStock.sorted { $0.count > $1.count }.map { stockLine($0) }
        for (i, line) in lines.prefix(side.height).enumerated() {
            buffer.put(line.0, x: side.x, y: side.y + i, role: line.1, clip: side)
        }
    }

    static func stockLine(_ stock: RegionStock) -> (String, ColorRole) {
        let name = stock.nameEnglish ?? stock.nameChinese ?? ""
        let code = stock.hasIdentity ? stock.countryCode : UnreadableText.mark
        let count = stock.countIsUnreadable ? UnreadableText.mark : String(stock.count)
        return (
            "  \(DisplayWidth.fit(code + " " + name, to: 24)) \(count.leftPadded(7))",
            stock.count == 0 && !stock.countIsUnreadable ? .dim : .normal
        )
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
