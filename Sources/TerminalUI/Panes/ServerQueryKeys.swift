import Foundation
import Monitor
import ProxyLiteAPI

/// `F` and `Esc` in the Orders, Static IPs, Packages and Flow panes: ask the provider for the
/// list with its own filters, and go back to the polled list. Read-only: a query changes nothing.
enum ServerQueryKeys {
    /// `F`: the form of the pane's server query.
    static func query(_ tab: Tab) -> KeyAction {
        .pane(tab, "server-query", "F", .key(.sqKeyHelp), keys: KeyAction.chars("F"), footer: true) { ui, _ in
            ui.openServerQuery(tab)
        }
    }

    /// `Esc`: back to the polled list. (The Static IPs pane's Esc, which clears its `/` filter,
    /// clears a server query first.)
    static func clear(_ tab: Tab) -> KeyAction {
        .pane(tab, "clear-server-query", "Esc", .key(.sqClearHelp), keys: [.escape]) { ui, input in
            ui.clearServerQuery(tab, now: input.now)
        }
    }
}

extension UIState {
    mutating func openServerQuery(_ tab: Tab) {
        guard let form = ServerQueryForms.form(for: tab, last: serverQueries.asked[tab] ?? serverQueries.shown[tab]?.query)
        else { return }
        dialog = .form(form, .serverQuery(tab))
    }

    /// Back to the polled list; true when a query was shown.
    @discardableResult
    mutating func clearServerQuery(_ tab: Tab, now: Date) -> Bool {
        guard serverQueries.clear(tab) else { return false }
        resetTable(tab)
        forgetHiddenMarks(tab)
        say(ServerQueryText.cleared, now: now)
        return true
    }

    mutating func submitServerQuery(_ form: FormState, tab: Tab, snapshot: Snapshot, now: Date) -> [Effect] {
        switch ServerQueryForms.query(form, tab: tab) {
        case .failure(let problem):
            var form = form
            form.message = problem.message
            form.focus = form.fields.firstIndex { $0.key == problem.field } ?? 0
            dialog = .form(form, .serverQuery(tab))
            return []
        case .success(let query) where query.terms.isEmpty:
            // Nothing to filter on: that is the polled list.
            if !clearServerQuery(tab, now: now) { say(ServerQueryText.nothingToFilter, now: now) }
            return []
        case .success(let query):
            serverQueries.ask(query, profile: snapshot.profiles.active)
            return send(
                .query(query), profile: snapshot.profiles.active, now: now, awaiting: .serverQuery(query),
                waitingTitle: ServerQueryText.waiting)
        }
    }

    /// The provider's answer: shown in the pane from now on.
    mutating func showServerQuery(_ query: ServerQuery, _ result: ServerQueryResult, snapshot: Snapshot, now: Date) {
        let tab = ServerQueries.tab(of: query)
        guard serverQueries.show(query, result, profile: snapshot.profiles.active, at: now) else { return }
        resetTable(tab)
        forgetHiddenMarks(tab)
        say(ServerQueryText.shown(result.count, tab: tab), role: .good, now: now, seconds: 8)
    }

    /// A query refused or unanswered: whatever the pane showed stays.
    mutating func serverQueryFailed(_ query: ServerQuery, _ error: ProxyLiteError, now: Date) {
        // A query replaced or cleared since has nothing left to fail.
        guard serverQueries.asked[ServerQueries.tab(of: query)] == query else { return }
        say(ServerQueryText.failed(ErrorText.message(error)), role: .error, now: now, seconds: 12)
    }

    /// Marks name rows of the list they were made on; another list (a query's answer, or the
    /// polled list again) would act on rows the user no longer sees, or silently on fewer.
    private mutating func forgetHiddenMarks(_ tab: Tab) {
        if tab == .staticIPs { ipMarks.removeAll() }
    }

    private mutating func resetTable(_ tab: Tab) {
        if let table = Panes.pane(tab).table { self[keyPath: table] = TableState() }
    }
}
