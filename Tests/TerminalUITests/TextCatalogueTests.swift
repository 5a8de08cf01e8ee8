import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI
import TestSupport
import Testing

/// The text catalogue: complete in every language, placeholders alike, formatting by position.
@Suite struct TextCatalogueTests {
    @Test func everyKeyIsInEveryLanguageWithTheSamePlaceholders() {
        let english = Catalogue.table(.en)
        for language in Language.allCases {
            let problems = Catalogue.problems(Catalogue.table(language), reference: english)
            #expect(problems.isEmpty, "\(language.rawValue): \(problems.map(\.description).joined(separator: "; "))")
        }
    }

    @Test func aMissingKeyIsReported() {
        var table = Catalogue.table(.zhCN)
        table[.tabAlerts] = nil
        #expect(Catalogue.problems(table, reference: Catalogue.table(.en)) == [.missing(.tabAlerts)])
    }

    @Test func placeholdersThatDifferAreReported() {
        var table = Catalogue.table(.zhCN)
        table[.headerAlerts] = "告警"  // the count dropped
        table[.connStale] = "◐ 过时 {1}（{2}）"  // the time dropped
        let problems = Catalogue.problems(table, reference: Catalogue.table(.en))
        #expect(
            problems == [
                .placeholders(.headerAlerts, reference: [1], found: []), .placeholders(.connStale, reference: [1, 2, 3], found: [1, 2]),
            ])
    }

    @Test func anEmptyTextIsReported() {
        var table = Catalogue.table(.en)
        table[.buttonCancel] = ""
        #expect(Catalogue.problems(table, reference: Catalogue.table(.en)) == [.empty(.buttonCancel)])
    }

    @Test func valuesGoInByPosition() {
        #expect(UIText.monthDay.text(in: .zhCN, 14, "12月") == "12月14日")
        #expect(UIText.monthDay.text(in: .en, 14, "Dec") == "14 Dec")
        #expect(UIText.headerAlerts.text(in: .en, 3) == "3 alerts")
        #expect(Catalogue.placeholders("{2} of {1}, {x} {") == [1, 2])
    }

    @Test func theAmbientLanguageIsTheOneSet() {
        #expect(UIText.tabAccounts() == "Accounts")
        Language.$current.withValue(.zhCN) { #expect(UIText.tabAccounts() == "子账号") }
    }

    @Test(arguments: [
        ([:], Language.en), (["LANG": "zh_CN.UTF-8"], .zhCN), (["LANG": "zh_SG.UTF-8"], .zhCN), (["LANG": "zh"], .zhCN),
        (["LANG": "zh_TW.UTF-8"], .en), (["LANG": "zh_HK.UTF-8"], .en), (["LANG": "C.UTF-8"], .en), (["LANG": "en_US.UTF-8"], .en),
        (["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"], .en), (["LC_MESSAGES": "zh_CN.GB18030", "LANG": "en_GB.UTF-8"], .zhCN),
        (["LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN@stroke"], .zhCN), (["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US"], .zhCN),
        (["LC_CTYPE": "zh_CN.UTF-8"], .en),
    ])
    func theLocaleChoosesTheLanguage(environment: [String: String], expected: Language) {
        #expect(Language.fromEnvironment(environment) == expected)
    }

    @Test func optionOverConfigOverLocale() {
        let chinese = ["LANG": "zh_CN.UTF-8"]
        #expect(Language.choose(option: .en, config: .zhCN, environment: chinese) == .en)
        #expect(Language.choose(option: nil, config: .en, environment: chinese) == .en)
        #expect(Language.choose(option: nil, config: nil, environment: chinese) == .zhCN)
        #expect(Language.parse("zh_CN") == .zhCN && Language.parse("EN") == .en && Language.parse("fr") == nil)
    }

    @Test func theProvidersMessageIsShownAsSentWithAGlossInEnglish() {
        let error = ProxyLiteError(
            .invalidAppKey, endpoint: "whitelist-account/list", message: "The app_key was rejected (code 3).",
            provider: .init(code: 3, message: "app_key 错误"))
        let english = ErrorText.message(error)
        #expect(english.contains("app_key 错误") && english.contains("rejected (code 3)"))
        let chinese = Language.$current.withValue(.zhCN) { ErrorText.message(error) }
        #expect(chinese == "服务商返回（代码 3）：app_key 错误")
        let transport = ProxyLiteError(.timeout, endpoint: "x", message: "no answer within 20 s")
        #expect(Language.$current.withValue(.zhCN) { ErrorText.message(transport) } == "超时：no answer within 20 s")
        #expect(ErrorText.message(transport) == "no answer within 20 s")
    }
}
