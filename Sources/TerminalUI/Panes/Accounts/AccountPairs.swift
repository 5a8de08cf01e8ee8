import Foundation

/// `user:pass,user:pass` as typed in the add form's batch field.
public enum AccountPairs {
    public struct Problem: Error, Sendable { public let text: String }

    public static func parse(_ text: String) throws(Problem) -> [(username: String, password: String)] {
        var pairs: [(String, String)] = []
        for item in TextRule.split(text) {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { throw Problem(text: UIText.apNotPair(item)) }
            guard parts[0].allSatisfy(TextRule.isAlphanumeric) else {
                throw Problem(text: UIText.apUsername(parts[0]))
            }
            // whitelist-account/add: letters and digits, no length rule.
            guard !parts[1].isEmpty, parts[1].allSatisfy(TextRule.isAlphanumeric) else {
                throw Problem(text: UIText.apPassword(parts[0]))
            }
            pairs.append((parts[0], parts[1]))
        }
        if pairs.isEmpty { throw Problem(text: UIText.apAtLeastOne()) }
        let names = pairs.map(\.0)
        if let dup = names.first(where: { name in names.filter { $0 == name }.count > 1 }) { throw Problem(text: UIText.fsGivenTwice(dup)) }
        return pairs
    }

    static func problem(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch { return error.text }
    }
}
