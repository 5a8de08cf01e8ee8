import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to completion with posix_spawn and waitpid, on a thread of its own.
///
/// Foundation's `Process.waitUntilExit` spins a run loop on threads that have none, and a program
/// that daemonises (tmux's server) keeps an inherited pipe open; this does neither.
public func spawnAndWait(
    _ path: String, _ arguments: [String], environment: [String: String], captureOutput: Bool
) async
    -> (status: Int32, output: String)
{
    await onThread {
        var pipeFDs: [Int32] = [-1, -1]
        if captureOutput { _ = pipe(&pipeFDs) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if captureOutput {
            posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
            posix_spawn_file_actions_addclose(&actions, pipeFDs[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        if captureOutput { close(pipeFDs[1]) }
        guard spawned == 0 else {
            if captureOutput { close(pipeFDs[0]) }
            return (-1, "")
        }
        var output = Data()
        if captureOutput {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(pipeFDs[0], &buffer, buffer.count)
                if n > 0 {
                    output.append(contentsOf: buffer[0..<n])
                } else if n < 0, errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            close(pipeFDs[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitCode, String(decoding: output, as: UTF8.self))
    }
}
