/// Where the user's SSH session comes from, for "whitelist my IP": the first field of
/// `SSH_CLIENT` ("addr port port") or `SSH_CONNECTION` ("addr port addr port").
public enum SSHClient {
    public static func address(_ environment: [String: String]) -> String? {
        for name in ["SSH_CLIENT", "SSH_CONNECTION"] {
            guard let value = environment[name], let first = value.split(separator: " ").first else { continue }
            var address = String(first)
            if address.hasPrefix("::ffff:"), IPAddress.isValid(String(address.dropFirst(7))) { address = String(address.dropFirst(7)) }
            if IPAddress.isValid(address) { return address }
        }
        return nil
    }
}
