import Foundation

/// Whether a path names a regular file (after links), and its size: what may be read whole.
enum RegularFile {
    /// Its size in bytes, nil when it is missing or not a regular file.
    static func size(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }
}
