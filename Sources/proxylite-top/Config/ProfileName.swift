/// What a profile may be called: it names a history file and shows in the header.
enum ProfileName {
    static let maxLength = 40

    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.count <= maxLength
            && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    static func rule(_ name: String) -> String {
        "profile name \"\(name)\" is not allowed; use letters, digits, - and _ (up to \(maxLength)), such as [profiles.main]"
    }
}
