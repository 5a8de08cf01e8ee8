import ProxyLiteAPI

/// Traffic in human units, binary multiples as the provider counts them (1 GB = 1024³ bytes).
public enum ByteFormat {
    private static let units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"]

    /// `1536` → `1.5 KB`; three significant digits at most, so columns stay narrow.
    public static func human(_ bytes: Int64) -> String {
        // -Int64.min does not exist: the smallest count is shown as the largest negated.
        if bytes < 0 { return "-" + human(bytes == .min ? .max : -bytes) }
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        let text: String
        if value >= 100 {
            text = String(Int(value.rounded()))
        } else if value >= 10 {
            text = trim(format(value, decimals: 1))
        } else {
            text = trim(format(value, decimals: 2))
        }
        return "\(text) \(units[unit])"
    }

    /// Bytes per second as `1.2 MB/s`.
    public static func rate(_ bytesPerSecond: Double) -> String {
        guard bytesPerSecond.isFinite, bytesPerSecond > 0 else { return "0 B/s" }
        return human(Int64(saturating: bytesPerSecond.rounded()) ?? 0) + "/s"
    }

    static func format(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let fraction = text[text.index(after: dot)...]
            if fraction.count < decimals { text += String(repeating: "0", count: decimals - fraction.count) }
        }
        return text
    }

    private static func trim(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = text
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }
}
