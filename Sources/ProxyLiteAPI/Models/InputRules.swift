/// The provider's documented input rules, endpoint by endpoint. The client's forms and the
/// simulator both check these, so the two cannot drift apart; where the reference states no
/// rule there is none here (the provider decides).
public enum InputRules {
    /// whitelist-account/add, change-password and the account names everywhere: "仅支持数字和字母",
    /// letters and digits, no length rule.
    public static func isAlphanumeric(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }

    /// proxy-account/change: "6-16 位数字或字母".
    public static let changedPasswordLength = 6...16

    public static func isValidChangedPassword(_ text: String) -> Bool {
        isAlphanumeric(text) && changedPasswordLength.contains(text.count)
    }

    /// change-remark only: "32个中文或64个英文以内", 64 units.
    public static let maxRemarkUnits = 64

    /// A remark's length in units: a CJK code point counts 2, every other code point 1. The
    /// reference only says 32 Chinese or 64 Latin characters; a server counts code points, not
    /// terminal columns, so an emoji or an accented Latin letter counts 1 like any non-CJK one.
    public static func remarkUnits(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isCJK($1) ? 2 : 1) }
    }

    /// Han, kana, Hangul, CJK punctuation and full-width forms.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x2E80...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        default: return false
        }
    }

    /// A traffic limit in GB: 0 means none, and the account list documents 102400 as the most
    /// (limit_flow), so every endpoint that sets a limit is held to it.
    public static let maxLimitGB = 102_400
}
