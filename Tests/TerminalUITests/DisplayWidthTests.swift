import Monitor
import TerminalUI
import Testing

@Suite struct DisplayWidthTests {
    init() { DisplayWidth.prepareLocale() }

    @Test func wideCharactersCountTwoColumns() {
        #expect(DisplayWidth.columns("代理账户") == 8)
        #expect(DisplayWidth.columns("👍") == 2)
        #expect(DisplayWidth.columns("abc") == 3)
        #expect(DisplayWidth.columns("e\u{301}") == 1)
    }

    @Test func truncationNeverSplitsAWideGlyph() {
        #expect(DisplayWidth.truncate("代理账户", to: 8) == "代理账户")
        #expect(DisplayWidth.truncate("代理账户", to: 7) == "代理账…")
        #expect(DisplayWidth.truncate("代理账户", to: 6) == "代理…")
        #expect(DisplayWidth.fit("代理账户", to: 6) == "代理… ")
        #expect(DisplayWidth.fit("ab", to: 4, alignment: .right) == "  ab")
        #expect(DisplayWidth.truncate("anything", to: 0) == "")
    }

    @Test func sequencesTerminalsDisagreeOnAreFlattened() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(!DisplayWidth.displaySafe(family).unicodeScalars.contains("\u{200D}"))
        #expect(DisplayWidth.displaySafe("a\tb\nc") == "a b c")
        #expect(DisplayWidth.displaySafe("❤\u{FE0F}") == "❤")
    }
}

@Suite struct ByteFormatTests {
    static let cases: [(Int64, String)] = [
        (0, "0 B"), (1023, "1023 B"), (1024, "1 KB"), (1536, "1.5 KB"), (10 * 1024 + 512, "10.5 KB"),
        (150 * 1024 * 1024, "150 MB"), (5 * 1_073_741_824, "5 GB"), (1_099_511_627_776, "1 TB"),
    ]

    @Test func human() {
        for (bytes, text) in Self.cases {
            #expect(ByteFormat.human(bytes) == text)
        }
    }
}
