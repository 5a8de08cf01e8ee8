import Foundation

/// Other monitors (htop, btop) run as the dashboard is, on a 120×40 pseudo-terminal for the same
/// idle window, so that README can set their memory, CPU and terminal bytes beside ours. They
/// watch the machine, not an API: what compares is what a full-screen monitor left open costs.
struct BesideTools {
    let seconds: Double
    let environment: [String: String]

    /// One figure line per tool found on PATH; a tool that is not installed is said so.
    func run(_ tools: [String], report: (String, Double, String) -> Void) async throws {
        for tool in tools {
            guard let path = Self.locate(tool) else {
                print("\(tool): not installed (apt-get install -y \(tool))")
                continue
            }
            if let home = environment["HOME"] {
                try? FileManager.default.createDirectory(atPath: home + "/config", withIntermediateDirectories: true)
            }
            let pty = try PTYProcess(path: path, arguments: [], environment: environment, columns: 120, rows: 40)
            defer { pty.stop() }
            try await Task.sleep(for: .seconds(3))  // its first screen
            let bytesBefore = pty.byteCount
            let cpuBefore = pty.cpuSeconds
            let start = ContinuousClock.now
            try await Task.sleep(for: .seconds(seconds))
            let elapsed = start.duration(to: .now)
            let window = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let memory = ProcessMemory(pid: pty.pid)
            report("\(tool): idle CPU over \(Int(window)) s", (pty.cpuSeconds - cpuBefore) / window * 100, "% of one core")
            report("\(tool): bytes to the terminal per minute", Double(pty.byteCount - bytesBefore) / window * 60, "B/min")
            report("\(tool): peak resident memory (VmHWM)", Double(memory?.peakResidentBytes ?? 0) / 1_048_576, "MB")
            report("\(tool): private memory", Double(memory?.privateBytes ?? 0) / 1_048_576, "MB")
        }
    }

    static func locate(_ tool: String) -> String? {
        for directory in ["/usr/bin", "/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: "\(directory)/\(tool)") {
            return "\(directory)/\(tool)"
        }
        return nil
    }
}
