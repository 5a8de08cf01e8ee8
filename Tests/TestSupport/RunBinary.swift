import Foundation

/// The built `proxylite-top`, next to the test bundle in the build folder.
public enum BuiltBinary {
    public static var url: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // On Linux the runner is `…/debug/<package>PackageTests.xctest`; elsewhere it sits inside a bundle.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("proxylite-top").path),
            folder.pathComponents.count > 1
        {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("proxylite-top")
    }
}

/// What a finished run of the binary left behind.
public struct RunResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs the built binary with `arguments`, in `environment` (added to a minimal one), and waits.
public func runBinary(_ arguments: [String], environment: [String: String] = [:]) async throws -> RunResult {
    let process = Process()
    process.executableURL = BuiltBinary.url
    process.arguments = arguments
    var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": FileManager.default.temporaryDirectory.path]
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes while the process runs, so that a large output cannot fill a pipe and stall it.
    // The reads block, so they get threads of their own: blocking the two threads of Swift's
    // cooperative pool on a 2-core machine would stall every simulator in the test process.
    async let stdout = onThread { out.fileHandleForReading.readDataToEndOfFile() }
    async let stderr = onThread { err.fileHandleForReading.readDataToEndOfFile() }
    let (o, e) = await (stdout, stderr)
    await onThread { process.waitUntilExit() }
    return RunResult(
        status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

/// Runs blocking `work` on a new thread and resumes with its result.
public func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: work()) }
    }
}
