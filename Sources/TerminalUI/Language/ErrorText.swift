import ProxyLiteAPI

/// The API's errors as the interface writes them. The provider's own message (Chinese) is shown
/// as it was sent in either language; the English interface keeps the client's English account
/// of the documented codes (3, 156, 400) beside it as a gloss with the remedy, and the Chinese one
/// shows the provider's words with its code.
public enum ErrorText {
    /// A few words for a status mark: "timeout", "HTTP 502", "key rejected".
    public static func short(_ error: ProxyLiteError) -> String {
        switch error.code {
        case .invalidAppKey: return UIText.errKeyRejected()
        case .notVerified: return UIText.errNotVerified()
        case .badParameters: return UIText.errBadParameters()
        case .rateLimited: return UIText.errRateLimited()
        case .api(let code): return UIText.errAPICode(code)
        case .httpStatus(let status): return UIText.errHTTP(status)
        case .redirect(let status): return UIText.errRedirect(status)
        case .timeout: return UIText.errTimeout()
        case .connectionRefused: return UIText.errRefused()
        case .dnsFailure: return UIText.errDNS()
        case .tlsFailure: return UIText.errTLS()
        case .transport: return UIText.errTransport()
        case .decoding: return UIText.errDecoding()
        case .cancelled: return UIText.errCancelled()
        }
    }

    /// What went wrong, for a placeholder, a flash line or a dialog.
    public static func message(_ error: ProxyLiteError) -> String {
        let said = error.provider.map(\.message) ?? ""
        switch Language.current {
        case .en:
            // The client's message for codes 3 and 156 explains them without quoting the provider.
            guard !said.isEmpty, !error.detail.contains(said) else { return error.detail }
            return error.detail + UIText.providerSaidEnglish(said)
        case .zhCN:
            guard let answer = error.provider else {
                // The client's own account (a transport failure, an HTTP status) stays as written,
                // after its name in the interface's language.
                return short(error) + "：" + error.detail
            }
            let fields = error.fieldErrors.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.joined(separator: "; "))" }
            let words = said.isEmpty ? short(error) : said
            return UIText.providerSaid(answer.code, words) + (fields.isEmpty ? "" : "（" + fields.joined(separator: "，") + "）")
        }
    }
}
