import Foundation
import Monitor
import ProxyLiteAPI

/// The Extract pane: the last form, what it extracted, and region lists fetched for it.
public struct ExtractionState: Sendable, Equatable {
    public var form: FormState?
    public var request: ExtractionRequest?
    public var format: ExtractionFormat = .json
    public var endpoints: [String] = []
    public var extractedAt: Date?
    /// Cities of the chosen state (ip/dynamic-citys/search).
    public var cities: [String] = []
    /// Regions open to one proxy account (ip/dal4), when the form names one.
    public var areas: AccountAreas?

    public struct AccountAreas: Sendable, Equatable {
        public var username: String
        public var areas: [AreaV4]
    }

    public init() {}
}

extension UIState {
    static var anyRegion: String { UIText.sqAny() }

    mutating func openExtractionForm(_ snapshot: Snapshot) {
        let form =
            extraction.form
            ?? FormState(
                title: UIText.exTitle(), intro: [UIText.exIntro()],
                fields: [
                    FormField(
                        "account", UIText.exAccount(), .text(.alphanumeric, maxLength: 32, secret: false), hint: UIText.exAccountHint(),
                        optional: true),
                    .choice("country", UIText.sqCountry(), [Self.anyRegion], hint: UIText.exCountryHint()),
                    .choice("state", UIText.exState(), [Self.anyRegion]), .choice("city", UIText.exCity(), [Self.anyRegion]),
                    FormField(
                        "count", UIText.exNumber(), .text(.digits, maxLength: 4, secret: false), text: "10", hint: UIText.exNumberHint()),
                    FormField(
                        "life", UIText.exSession(), .text(.digits, maxLength: 4, secret: false), text: "30", hint: UIText.exSessionHint()),
                    .choice(
                        "network", UIText.exNetwork(), ExtractionNetwork.allCases.map { ($0.rawValue, .network($0)) },
                        hint: UIText.exNetworkHint()),
                    .choice("format", UIText.exFormat(), Self.formats.map { ($0.label, .format($0.format)) }, hint: UIText.exFormatHint()),
                ], submitLabel: UIText.exSubmit())
        dialog = .form(form, .extract)
        refreshExtractionForm(snapshot)
    }

    /// Rebuilds the region choices of an open Extract form, keeping what is chosen when it still exists.
    mutating func refreshExtractionForm(_ snapshot: Snapshot) {
        guard case .form(var form, .extract) = dialog else { return }
        let account = form["account"].text
        let areas = extraction.areas?.username == account && !account.isEmpty ? extraction.areas?.areas : nil
        var countries: [(code: String, label: String, states: [String])]
        // A country or state whose name could not be read is not offered: it cannot be asked for.
        if let areas {
            countries = areas.filter(\.hasIdentity).map { ($0.area, $0.area, $0.states.filter(\.hasIdentity).map(\.state)) }
        } else {
            countries = (snapshot.regions.value?.countries ?? []).filter(\.hasIdentity).map {
                ($0.countryCode, "\($0.countryCode) · \($0.nameEnglish)", Array(Set($0.items.filter(\.hasIdentity).map(\.state))).sorted())
            }
        }
        countries.sort { $0.code < $1.code }
        Self.setOptions(&form["country"], [Self.anyRegion] + countries.map(\.label))
        let country = form["country"].index > 0 ? countries[form["country"].index - 1] : nil
        Self.setOptions(&form["state"], [Self.anyRegion] + (country?.states ?? []))
        var cities = extraction.cities
        if let areas, let country, let state = stateName(of: form) {
            cities =
                areas.first { $0.area == country.code && $0.hasIdentity }?.states.first { $0.state == state && $0.hasIdentity }?.cities
                ?? []
        }
        Self.setOptions(&form["city"], [Self.anyRegion] + (form["state"].index > 0 ? cities : []))
        dialog = .form(form, .extract)
    }

    private static func setOptions(_ field: inout FormField, _ options: [String]) {
        let chosen = field.choice
        field.kind = .choice(options)
        field.values = options.map(ChoiceValue.text)
        field.index = chosen.flatMap { options.firstIndex(of: $0) } ?? 0
    }

    /// The answer formats of ip/v3 the form offers.
    static var formats: [(label: String, format: ExtractionFormat)] {
        [
            (UIText.exJSONLines(), .json), (UIText.exTextLines(), .text(separator: nil)), (UIText.exTextCommas(), .text(separator: ",")),
            (UIText.exTextSemicolons(), .text(separator: ";")),
        ]
    }

    /// What joins the endpoints in the saved file.
    var fileSeparator: String {
        if case .text(let separator?) = extraction.format { return separator }
        return "\n"
    }

    func countryCode(of form: FormState) -> String? {
        guard form["country"].index > 0, let label = form["country"].choice else { return nil }
        return String(label.split(separator: " ").first ?? Substring(label))
    }

    func stateName(of form: FormState) -> String? {
        form["state"].index > 0 ? form["state"].choice : nil
    }

    func extractionRequest(_ form: FormState) -> ExtractionRequest {
        let count = Int(form["count"].text) ?? 10
        return ExtractionRequest(
            countryCode: countryCode(of: form), state: stateName(of: form),
            city: form["city"].index > 0 ? form["city"].choice : nil, count: max(1, count),
            lifetimeMinutes: Int(form["life"].text),
            network: {
                if case .network(let network)? = form["network"].value { return network }
                return ExtractionNetwork.allCases[0]
            }())
    }

    mutating func openSaveForm(now: Date) {
        guard !extraction.endpoints.isEmpty else { return say(UIText.exNothingYet(), now: now) }
        let stamp = TimeText.fileStamp(extraction.extractedAt ?? now)
        dialog = .form(
            FormState(
                title: UIText.exSaveTitle(extraction.endpoints.count),
                intro: [
                    fileSeparator == "\n"
                        ? UIText.exOnePerLine() : UIText.exSeparatedBy(fileSeparator)
                ],
                fields: [
                    FormField(
                        "path", UIText.exFile(), .text(.any, maxLength: 512, secret: false), text: "~/proxylite-endpoints-\(stamp).txt")
                ],
                submitLabel: UIText.exSave()), .saveExtracted(extraction.endpoints))
    }
}

extension UIState {
    /// How saving the endpoints went (the loop writes the file).
    public mutating func noteFileWritten(_ path: String, _ error: String?, now: Date) {
        if let error {
            say(UIText.exWriteFailed(path, error), role: .error, now: now, seconds: 12)
        } else {
            say(UIText.exSaved(extraction.endpoints.count, path), role: .good, now: now, seconds: 10)
        }
    }
}
