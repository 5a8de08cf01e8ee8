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
    var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": FileManager.default.temporaryDirectory.path]
    env.merge(environment) { $1 }
    let result = await spawnAndWait(BuiltBinary.url.path, arguments, environment: env, captureOutput: true)
    return RunResult(status: result.status, stdout: result.output, stderr: result.errors)
}

/// Runs blocking `work` on a new thread and resumes with its result.
public func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: work()) }
    }
}
