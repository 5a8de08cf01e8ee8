/// Arithmetic on values the API sent, which may be as large as a 64-bit integer can hold: a
/// trapping `+`, `*` or `Int64(double)` on them would end the process (SIGILL) on one odd row.
/// Every such sum, product and conversion goes through here and stops at the limit instead.
extension Int64 {
    /// `self + other`, held at `.max` / `.min` instead of trapping.
    public func addingSaturated(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, held at `.max` / `.min` instead of trapping.
    public func subtractingSaturated(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other < 0 ? .max : .min
    }

    /// `self * other`, held at `.max` / `.min` instead of trapping.
    public func multipliedSaturated(by other: Int64) -> Int64 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard overflow else { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }

    /// `value` rounded toward zero and held within Int64; nil for NaN. Use instead of `Int64(d)`,
    /// which traps on NaN, infinity and anything beyond ±9.2e18.
    public init?(saturating value: Double) {
        guard !value.isNaN else { return nil }
        // 2^63 is the first Double past Int64.max; anything at or beyond it saturates.
        if value >= 9_223_372_036_854_775_808.0 {
            self = .max
        } else if value < -9_223_372_036_854_775_808.0 {
            self = .min
        } else {
            self = Int64(value)
        }
    }
}

extension Int {
    /// `value` rounded toward zero and held within Int; 0 for NaN. For durations and day counts
    /// computed from dates and rates that the API controls.
    public init(clamping value: Double) {
        self = Int(Int64(saturating: value) ?? 0)
    }
}

extension Sequence where Element == Int64 {
    /// The sum, held at the limit instead of trapping.
    public func saturatingSum() -> Int64 { reduce(0) { $0.addingSaturated($1) } }
}
