import Foundation

/// A process's memory as the kernel counts it: the resident high-water mark (VmHWM, which
/// includes the shared libraries' pages it touched) and its private memory (pages no other
/// process maps: heap, stacks, written data), from /proc.
struct ProcessMemory: Sendable {
    var peakResidentBytes: Int
    var residentBytes: Int
    var privateBytes: Int

    init?(pid: pid_t) {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let rollup = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8)
        else { return nil }
        peakResidentBytes = Self.kilobytes("VmHWM:", status) * 1024
        residentBytes = Self.kilobytes("VmRSS:", status) * 1024
        privateBytes = (Self.kilobytes("Private_Clean:", rollup) + Self.kilobytes("Private_Dirty:", rollup)) * 1024
    }

    static func kilobytes(_ field: String, _ text: String) -> Int {
        for line in text.split(separator: "\n") where line.hasPrefix(field) {
            return line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        }
        return 0
    }

    var description: String {
        String(
            format: "VmHWM %.1f MB, resident %.1f MB, private %.1f MB", Double(peakResidentBytes) / 1_048_576,
            Double(residentBytes) / 1_048_576, Double(privateBytes) / 1_048_576)
    }
}
