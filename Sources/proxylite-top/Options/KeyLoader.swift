import Foundation
import ProxyLiteAPI

/// Finds the app_key: a file named by the user (which must be private, as ssh insists for its
/// keys), else the environment. Never the command line, which every user can read from `ps`.
enum KeyLoader {
    static let environmentVariable = "PROXYLITE_APP_KEY"

    /// The key from `file`, else from the variable `variable` (a profile's `app_key_env`, which
    /// must then be set), else from PROXYLITE_APP_KEY; nil when none of them is given.
    static func load(
        file: String?, variable: String? = nil, profile: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws(CLIError) -> AppKey?
    {
        if let file { return try read(file) }
        if let variable {
            let owner = profile.map { "profile \($0)'s " } ?? ""
            guard let value = environment[variable] else {
                throw .usage("\(owner)app_key_env names \(variable), which is not set; export it with the app_key of that account.")
            }
            guard let key = AppKey(value) else { throw .usage("\(variable) (\(owner)app_key_env) is set but empty.") }
            return key
        }
        if let value = environment[environmentVariable] {
            guard let key = AppKey(value) else {
                throw .usage("\(environmentVariable) is set but empty; put the app_key from the account centre in it.")
            }
            return key
        }
        return nil
    }

    private static func read(_ path: String) throws(CLIError) -> AppKey {
        let expanded = (path as NSString).expandingTildeInPath
        var info = stat()
        guard stat(expanded, &info) == 0 else {
            throw .usage("cannot read the app_key file \(path): \(String(cString: strerror(errno))).")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .usage("the app_key file \(path) is not a regular file.") }
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 {
            throw .usage(
                "the app_key file \(path) can be read by other users (mode \(String(mode, radix: 8))); "
                    + "run `chmod 600 \(path)` and try again.")
        }
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw .usage("cannot read the app_key file \(path).")
        }
        guard let key = AppKey(String(decoding: data, as: UTF8.self)) else {
            throw .usage("the app_key file \(path) is empty.")
        }
        return key
    }
}
