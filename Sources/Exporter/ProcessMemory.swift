import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// This process's resident memory now and at its peak, from /proc/self/status (Linux only;
/// nil elsewhere or when it cannot be read).
struct ProcessMemory: Sendable {
    let residentBytes: Int64
    let peakResidentBytes: Int64

    /// Hands freed heap back to the system first (glibc keeps it until some later free trims
    /// it), so that two readings compare what is live, not when glibc happened to trim.
    static func settled() -> ProcessMemory? {
        #if canImport(Glibc)
            // Looked up at run time: Swift's Glibc module does not declare malloc_trim.
            // RTLD_DEFAULT is a null handle in glibc.
            if let symbol = dlsym(nil, "malloc_trim") {
                typealias Trim = @convention(c) (Int) -> Int32
                _ = unsafeBitCast(symbol, to: Trim.self)(0)
            }
        #endif
        return current()
    }

    static func current() -> ProcessMemory? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        var fields: [String: Int64] = [:]
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") || line.hasPrefix("VmHWM:") {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" })
            // "VmRSS:   123456 kB"
            if parts.count >= 2, let kilobytes = Int64(parts[1]) { fields[String(parts[0])] = kilobytes * 1024 }
        }
        guard let resident = fields["VmRSS"], let peak = fields["VmHWM"] else { return nil }
        return ProcessMemory(residentBytes: resident, peakResidentBytes: peak)
    }
}
