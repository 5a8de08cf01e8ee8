import Foundation

/// A horizontal bar of `fraction`, in eighths of a cell, with its percentage: `█████▌    62%`.
public enum Gauge {
    /// The role by usage: green below 80 %, yellow from 80 %, red from 95 %.
    public static func role(_ fraction: Double) -> ColorRole {
        fraction >= 0.95 ? .gaugeHigh : fraction >= 0.8 ? .gaugeMid : .gaugeLow
    }

    /// Draws the gauge in `width` columns at (x, y).
    public static func draw(_ fraction: Double?, x: Int, y: Int, width: Int, into buffer: inout CellBuffer, clip: Rect) {
        guard width > 0 else { return }
        guard let fraction else {
            buffer.put(DisplayWidth.fit("∞", to: width, alignment: .right), x: x, y: y, role: .dim, clip: clip)
            return
        }
        let label = percent(fraction)
        let barWidth = max(0, width - 5)
        let clamped = min(max(fraction, 0), 1)
        let eighths = Int((clamped * Double(barWidth * 8)).rounded())
        var bar = String(repeating: "█", count: eighths / 8)
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        bar += partial
        let filled = DisplayWidth.columns(bar)
        buffer.put(bar, x: x, y: y, role: role(fraction), clip: clip)
        buffer.put(String(repeating: "·", count: max(0, barWidth - filled)), x: x + filled, y: y, role: .gaugeEmpty, clip: clip)
        buffer.put(DisplayWidth.fit(label, to: min(5, width), alignment: .right), x: x + barWidth, y: y, role: role(fraction), clip: clip)
    }

    static func percent(_ fraction: Double) -> String {
        let p = fraction * 100
        if p >= 999 { return ">999%" }
        return p < 10 ? String(format: "%.1f%%", p) : String(format: "%.0f%%", p)
    }
}
