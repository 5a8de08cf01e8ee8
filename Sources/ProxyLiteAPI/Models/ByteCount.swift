/// Traffic in bytes. The API speaks KB for usage and GB for limits; the models convert both here
/// so that nothing above the client ever multiplies by 1024 again.
public enum ByteUnits {
    public static let kilobyte: Int64 = 1024
    public static let gigabyte: Int64 = 1024 * 1024 * 1024

    public static func fromKB(_ kb: Int64) -> Int64 { kb.multipliedReportingOverflow(by: kilobyte).partialValue }
    public static func fromGB(_ gb: Int64) -> Int64 { gb.multipliedReportingOverflow(by: gigabyte).partialValue }
}
