import Foundation
import Monitor
import ProxyLiteAPI

/// Daily traffic as vertical bars in eighths of a cell, with a byte-scaled y axis and dates below.
///
/// Redrawn only when the data changes (a new day, a new poll): bars do not scroll with time, so
/// an idle screen sends nothing.
public struct BarChart {
    public var values: [(label: String, bytes: Int64)]

    public init(values: [(label: String, bytes: Int64)]) { self.values = values }

    /// The width of the axis labels for values up to `maxValue`, and its rule.
    static func axisWidth(_ maxValue: Int64) -> Int {
        let scaleTop = niceCeiling(max(maxValue, 1))
        return ([ByteFormat.human(scaleTop), ByteFormat.human(scaleTop / 2), "0"].map { DisplayWidth.columns($0) }.max() ?? 1) + 1
    }

    /// Bars that fit in an area `width` columns wide whatever the values, for series summed into
    /// bars first: the widest axis label (`1000 KB`), its space and the rule.
    public static func plotWidth(in width: Int) -> Int { max(0, width - 9) }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard area.width >= 12, area.height >= 3 else { return }
        let maxValue = max(values.map(\.bytes).max() ?? 0, 1)
        let scaleTop = Self.niceCeiling(maxValue)
        let axisLabels = [ByteFormat.human(scaleTop), ByteFormat.human(scaleTop / 2), "0"]
        let axisWidth = Self.axisWidth(maxValue)
        let plot = Rect(x: area.x + axisWidth + 1, y: area.y, width: area.width - axisWidth - 1, height: area.height - 1)
        guard plot.width > 0, plot.height > 0 else { return }

        // Axis: labels at the top, middle and bottom, and a vertical rule.
        for row in 0..<plot.height {
            buffer.put("│", x: area.x + axisWidth, y: plot.y + row, role: .chartAxis, clip: area)
        }
        buffer.put(
            DisplayWidth.fit(axisLabels[0], to: axisWidth - 1, alignment: .right), x: area.x, y: plot.y, role: .chartAxis, clip: area)
        if plot.height >= 3 {
            buffer.put(
                DisplayWidth.fit(axisLabels[1], to: axisWidth - 1, alignment: .right), x: area.x, y: plot.y + plot.height / 2,
                role: .chartAxis, clip: area)
        }
        buffer.put(
            DisplayWidth.fit("0", to: axisWidth - 1, alignment: .right), x: area.x, y: plot.maxY - 1, role: .chartAxis, clip: area)
        buffer.put(
            String(repeating: "─", count: plot.width), x: plot.x, y: plot.maxY, role: .chartAxis, clip: area)
        buffer.put("└", x: area.x + axisWidth, y: plot.maxY, role: .chartAxis, clip: area)

        guard !values.isEmpty else { return }
        // The most recent days that fit, one column each (or wider when there is room).
        let shown = Array(values.suffix(plot.width))
        let barWidth = max(1, min(3, plot.width / shown.count))
        let step = barWidth + (barWidth > 1 ? 1 : 0)
        let blocks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        for (i, value) in shown.enumerated() {
            let x = plot.x + i * step
            guard x + barWidth <= plot.maxX else { break }
            let eighths = Int(clamping: (Double(max(0, value.bytes)) / Double(scaleTop) * Double(plot.height * 8)).rounded())
            for row in 0..<plot.height {
                let level = eighths - row * 8
                guard level > 0 else { break }
                let glyph = level >= 8 ? "█" : blocks[level - 1]
                buffer.put(String(repeating: glyph, count: barWidth), x: x, y: plot.maxY - 1 - row, role: .chartBar, clip: area)
            }
        }
        // Dates under the first, middle and last bar.
        let marks = Set([0, shown.count / 2, shown.count - 1])
        var lastEnd = plot.x - 1
        for i in marks.sorted() {
            let label = String(shown[i].label.suffix(5))  // MM-DD
            let x = min(plot.x + i * step, plot.maxX - DisplayWidth.columns(label))
            guard x > lastEnd else { continue }
            buffer.put(label, x: x, y: plot.maxY, role: .chartAxis, clip: area)
            lastEnd = x + DisplayWidth.columns(label)
        }
    }

    /// The smallest 1, 2 or 5 × 1024ⁿ (or × 10ⁿ within a unit) at or above `value`, so axis labels read cleanly.
    static func niceCeiling(_ value: Int64) -> Int64 {
        var unit: Int64 = 1
        while value / unit >= 1024 { unit *= 1024 }
        let scaled = Double(value) / Double(unit)
        var magnitude = 1.0
        while magnitude * 10 <= scaled { magnitude *= 10 }
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= scaled {
            // Saturating: a day near Int64.max bytes has no nicer ceiling than the limit itself.
            return Int64(saturating: factor * magnitude * Double(unit)) ?? value
        }
        return value
    }
}
