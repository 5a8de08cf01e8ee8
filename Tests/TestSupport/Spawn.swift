import Foundation

#if canImport(Glibc)
    import Glibc
#endif

private let spawnLock = NSLock()

/// Runs a program to completion with posix_spawn, poll and waitpid, on a thread of its own.
///
/// Foundation's `Process.waitUntilExit` spins a run loop on threads that have none, its
/// `FileHandle` reads trap on an error, and a program that daemonises (tmux's server) keeps an
/// inherited pipe open; this does none of that.
public func spawnAndWait(
    _ path: String, _ arguments: [String], environment: [String: String], captureOutput: Bool
) async
    -> (status: Int32, output: String, errors: String)
{
    await onThread {
        var out: [Int32] = [-1, -1]
        var err: [Int32] = [-1, -1]
        // A program spawned meanwhile from another thread (a tmux server, which lives on) must
        // not inherit these pipes and hold this program's output open: they are close-on-exec,
        // and made and handed over under one lock, so no spawn can fall between.
        spawnLock.lock()
        if captureOutput {
            _ = pipe(&out)
            _ = pipe(&err)
            for fd in out + err { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if captureOutput {
            posix_spawn_file_actions_adddup2(&actions, out[1], 1)
            posix_spawn_file_actions_adddup2(&actions, err[1], 2)
            for fd in out + err { posix_spawn_file_actions_addclose(&actions, fd) }
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        if captureOutput {
            close(out[1])
            close(err[1])
        }
        spawnLock.unlock()
        guard spawned == 0 else {
            if captureOutput {
                close(out[0])
                close(err[0])
            }
            return (-1, "", "")
        }
        var collected = [Data(), Data()]
        if captureOutput {
            // Both pipes drained together, so that neither can fill up and stall the program.
            var open = [out[0], err[0]]
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while open.contains(where: { $0 >= 0 }) {
                var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
                if poll(&fds, nfds_t(fds.count), -1) < 0 {
                    if errno == EINTR { continue }
                    break
                }
                for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
                    let n = read(fds[index].fd, &buffer, buffer.count)
                    if n > 0 {
                        collected[index].append(contentsOf: buffer[0..<n])
                    } else if n == 0 || errno != EINTR {
                        close(open[index])
                        open[index] = -1
                    }
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitCode, String(decoding: collected[0], as: UTF8.self), String(decoding: collected[1], as: UTF8.self))
    }
}
