import Foundation
import Monitor
import ProxyLiteAPI

/// The form of each pane's server query (`F`): the filters the reference offers for its list,
/// opened with the last query asked, and read back into a `ServerQuery`.
enum ServerQueryForms {
    /// The product types offered in each list's type choice: the codes its section of the
    /// reference knows.
    static let orderTypes: [Int] = [3, 9, 11, 12, 14, 16, 17, 18, 19, 21, 24, 25, 26, 27, 28]
    static let packageTypes: [Int] = [9, 11, 12, 14, 25]
    static let flowTypes: [Int] = [9, 11, 14, 16, 21, 25]

    static func form(for tab: Tab, last: ServerQuery?) -> FormState? {
        let fields: [FormField]
        switch tab {
        case .orders:
            var query = OrderQuery()
            if case .orders(let last)? = last { query = last }
            fields = orderFields(query)
        case .staticIPs:
            var filter = StaticIPFilter()
            if case .staticIPs(let last)? = last { filter = last }
            fields = staticIPFields(filter)
        case .packages:
            var filter = PackageFilter()
            if case .packages(let last)? = last { filter = last }
            fields = [
                typeChoice(packageTypes, section: .account, selected: filter.productType),
                tradeNoField(filter.tradeNo),
            ]
        case .flow:
            var query = FlowQuery()
            if case .flow(let last)? = last { query = last }
            fields = [typeChoice(flowTypes, section: .account, selected: query.productType)] + dayFields(query.days)
        default: return nil
        }
        return FormState(
            title: ServerQueryText.formTitle(tab), intro: ServerQueryText.formIntro(tab), fields: fields,
            submitLabel: ServerQueryText.submitLabel)
    }

    private static func orderFields(_ query: OrderQuery) -> [FormField] {
        [
            tokenChoice("status", ServerQueryText.statusLabel, ServerQueryTokens.orderStatuses, selected: query.status),
            typeChoice(orderTypes, section: .order, selected: query.productType),
        ] + dayFields(query.days) + [
            tradeNoField(query.tradeNo),
            // The reference's 0 ("no restriction") is what "any" already means here.
            tokenChoice(
                "invoice", ServerQueryText.invoiceLabel, ServerQueryTokens.invoices.filter { $0.1 != .any }, selected: query.invoice),
            tokenChoice("payFee", ServerQueryText.payFeeLabel, ServerQueryTokens.payFeeStatuses, selected: query.payFeeStatus),
        ]
    }

    private static func staticIPFields(_ filter: StaticIPFilter) -> [FormField] {
        [
            FormField(
                "country", ServerQueryText.countryLabel, .text(.countryCode, maxLength: 2, secret: false),
                text: filter.countryCode ?? "", hint: ServerQueryText.countryHint, optional: true),
            tokenChoice("ipType", ServerQueryText.typeLabel, ServerQueryTokens.staticIPTypes, selected: filter.productType),
            tokenChoice("ipStatus", ServerQueryText.statusLabel, ServerQueryTokens.staticIPStatuses, selected: filter.status),
            tradeNoField(filter.tradeNo),
        ]
    }

    private static func dayFields(_ days: DayRange) -> [FormField] {
        [
            FormField(
                "from", ServerQueryText.fromLabel, .text(.day, maxLength: 10, secret: false), text: days.from?.description ?? "",
                hint: ServerQueryText.dayHint, optional: true),
            FormField(
                "to", ServerQueryText.toLabel, .text(.day, maxLength: 10, secret: false), text: days.to?.description ?? "",
                hint: ServerQueryText.dayHint, optional: true),
        ]
    }

    private static func tradeNoField(_ tradeNo: String?) -> FormField {
        FormField(
            "tradeNo", ServerQueryText.tradeNoLabel, .text(.alphanumeric, maxLength: 64, secret: false), text: tradeNo ?? "",
            hint: ServerQueryText.tradeNoHint, optional: true)
    }

    /// "any" first, then each token of `table`.
    private static func tokenChoice<T: Equatable>(_ key: String, _ label: String, _ table: [(String, T)], selected: T?) -> FormField {
        let options: [(label: String, value: ChoiceValue)] =
            [(ServerQueryText.any, ChoiceValue.unset)] + table.map { ($0.0, ChoiceValue.text($0.0)) }
        let index = selected.flatMap { value in table.firstIndex { $0.1 == value }.map { $0 + 1 } } ?? 0
        return .choice(key, label, options, selected: index)
    }

    private static func typeChoice(_ codes: [Int], section: ProductType.Section, selected: ProductType?) -> FormField {
        let options: [(label: String, value: ChoiceValue)] =
            [(ServerQueryText.any, ChoiceValue.unset)]
            + codes.map { ("\($0) \(ProductType($0).label(in: section))", ChoiceValue.productType(ProductType($0))) }
        let index = selected.flatMap { type in codes.firstIndex(of: type.code).map { $0 + 1 } } ?? 0
        return .choice("type", ServerQueryText.typeLabel, options, selected: index)
    }

    /// What a submitted form asks, or the field to fix and why.
    static func query(_ form: FormState, tab: Tab) -> Result<ServerQuery, Problem> {
        switch tab {
        case .orders:
            switch days(form) {
            case .failure(let problem): return .failure(problem)
            case .success(let range):
                return .success(
                    .orders(
                        OrderQuery(
                            status: token(form, "status", ServerQueryTokens.orderStatuses), productType: type(form), days: range,
                            tradeNo: text(form, "tradeNo"), invoice: token(form, "invoice", ServerQueryTokens.invoices),
                            payFeeStatus: token(form, "payFee", ServerQueryTokens.payFeeStatuses))))
            }
        case .staticIPs:
            return .success(
                .staticIPs(
                    StaticIPFilter(
                        countryCode: text(form, "country")?.uppercased(),
                        productType: token(form, "ipType", ServerQueryTokens.staticIPTypes), tradeNo: text(form, "tradeNo"),
                        status: token(form, "ipStatus", ServerQueryTokens.staticIPStatuses))))
        case .packages:
            return .success(.packages(PackageFilter(productType: type(form), tradeNo: text(form, "tradeNo"))))
        default:
            switch days(form) {
            case .failure(let problem): return .failure(problem)
            case .success(let range): return .success(.flow(FlowQuery(productType: type(form), days: range)))
            }
        }
    }

    struct Problem: Error, Equatable {
        var field: String
        var message: String
    }

    private static func days(_ form: FormState) -> Result<DayRange, Problem> {
        let range = DayRange(from: text(form, "from").flatMap { ProviderDay($0) }, to: text(form, "to").flatMap { ProviderDay($0) })
        if range.problem != nil, let from = range.from, let to = range.to {
            return .failure(Problem(field: "to", message: UIText.sqEndBeforeStart(to, from)))
        }
        return .success(range)
    }

    private static func text(_ form: FormState, _ key: String) -> String? {
        let text = form[key].text.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    private static func type(_ form: FormState) -> ProductType? {
        if case .productType(let type)? = form["type"].value { return type }
        return nil
    }

    private static func token<T>(_ form: FormState, _ key: String, _ table: [(String, T)]) -> T? {
        guard case .text(let token)? = form[key].value else { return nil }
        return table.first { $0.0 == token }?.1
    }
}
