import Foundation
import Logging
import Monitor
import ProxyLiteAPI

#if canImport(Glibc)
    import Glibc
#endif

/// After a rejected key has stopped polling, the user fixes the key file (or the config that
/// names it) and the dashboard picks it up by itself: the files are looked at once a minute, and a
/// change re-reads the key and resumes polling. Nothing is read while nothing changed.
struct KeyFileWatch: Sendable {
    let keyFile: String?
    let configFile: String?
    let every: Duration
    /// Reads the profile's key as the files say now (the config re-read, then its key file or variable).
    let loadKey: @Sendable () throws -> AppKey?

    /// What identifies a version of a file: a rewrite changes its time, size or inode; a chmod
    /// its change time and mode. (A key file written and only then made private is seen twice:
    /// refused while readable by others, read once chmod 600 lands.)
    struct Stamp: Equatable {
        let seconds: Int
        let nanoseconds: Int
        let changed: Int
        let changedNanoseconds: Int
        let mode: UInt32
        let size: Int
        let inode: UInt

        init?(_ path: String?) {
            guard let path else { return nil }
            var info = stat()
            guard stat((path as NSString).expandingTildeInPath, &info) == 0 else { return nil }
            seconds = Int(info.st_mtim.tv_sec)
            nanoseconds = Int(info.st_mtim.tv_nsec)
            changed = Int(info.st_ctim.tv_sec)
            changedNanoseconds = Int(info.st_ctim.tv_nsec)
            mode = UInt32(info.st_mode)
            size = Int(info.st_size)
            inode = UInt(info.st_ino)
        }
    }

    /// Runs until cancelled.
    /// `newKey` hears of a key taken into use (the history starts its series).
    func run(
        engine: MonitorEngine, client: ProxyLiteClient, logger: Logger, newKey: @Sendable (AppKey) async -> Void = { _ in }
    ) async {
        var seen = (Stamp(keyFile), Stamp(configFile))
        while !Task.isCancelled {
            try? await Task.sleep(for: every)
            let now = (Stamp(keyFile), Stamp(configFile))
            guard now.0 != seen.0 || now.1 != seen.1 else { continue }
            seen = now
            await reload(engine: engine, client: client, logger: logger, newKey: newKey)
        }
    }

    /// Reads the key again and, when it changed, uses it from the next request on and resumes
    /// a poller stopped by a rejected key. `serve` calls this on SIGHUP, whether or not the files
    /// look changed; with `resume`, a poller stopped for another permanent failure resumes too.
    func reload(
        engine: MonitorEngine, client: ProxyLiteClient, logger: Logger, resume: Bool = false,
        newKey: @Sendable (AppKey) async -> Void = { _ in }
    ) async {
        do {
            if let key = try loadKey(), key != client.currentKey {
                client.replaceKey(key)
                logger.notice("the app_key changed on disk; using the new one")
                await newKey(key)
                if await engine.isStopped { await engine.refreshNow() }
            }
        } catch {
            logger.warning("the changed key or config file could not be used", metadata: ["reason": "\(error)"])
        }
        if resume, await engine.isStopped { await engine.refreshNow() }
    }
}
