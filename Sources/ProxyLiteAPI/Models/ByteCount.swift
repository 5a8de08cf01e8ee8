/// Traffic in bytes. The API speaks KB for usage and GB for limits; the models convert both here
/// so that nothing above the client ever multiplies by 1024 again.
public enum ByteUnits {
    public static let kilobyte: Int64 = 1024
    public static let gigabyte: Int64 = 1024 * 1024 * 1024

    /// Saturating: a count the API sends near Int64.max reads as the largest count, never as a
    /// wrapped negative number and never as a trap.
    public static func fromKB(_ kb: Int64) -> Int64 { kb.multipliedSaturated(by: kilobyte) }
    public static func fromGB(_ gb: Int64) -> Int64 { gb.multipliedSaturated(by: gigabyte) }
}
