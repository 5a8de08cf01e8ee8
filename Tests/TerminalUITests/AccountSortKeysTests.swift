import Foundation
import ProxyLiteAPI
import TestSupport
import Testing

@testable import Monitor
@testable import TerminalUI

/// The integer sort keys give exactly the order of the string comparisons they replaced, on
/// names and remarks in CJK, emoji, ZWJ sequences, decomposed accents and unreadable values.
@Suite struct AccountSortKeysTests {
    /// Rows with ties in every column, and texts whose Unicode order differs from their bytes'.
    static let rows: [AccountRow] = {
        let remarks = [
            "", "电商爬虫", "数据采集-东京", "👩‍💻 team", "👍🏽 ok", "👍 ok", "Ame\u{301}lie", "Amélie", "amelie", "Zürich", "Zu\u{308}rich",
            "🏳️‍🌈", "한국어", "カタカナ", "QA", "qa", "z",
        ]
        let names = ["Kx9aB", "kx9ab", "aaa1", "AAA1", "b12", "b2", "Zed3", "zed3q", "m1", "M1x"]
        var rows: [AccountRow] = []
        for i in 0..<120 {
            let json = """
                {"id":\(i),"username":"\(names[i % names.count])\(i / 7)","password":"secret99",\
                "created_at":"\(i % 5 == 0 ? "2026-13-45 00:00:00" : "2026-0\(1 + i % 9)-02 03:04:05")",\
                "remark":"\(remarks[i % remarks.count])","product_type":\([9, 11, 14, 25][i % 4]),\
                "usage_flow":\(i % 11 == 0 ? "\"NaN\"" : "\((i * 7919) % 13 * 1_048_576)"),"limit_flow":\(i % 3 * 5),\
                "status":\(i % 4 == 0 ? 0 : 1)}
                """
            let account = Fixtures.decode(SubAccount.self, json)
            rows.append(AccountRow(account: account, rate: i % 6 == 0 ? nil : Double(i % 9) * 1000))
        }
        return rows
    }()

    @Test(arguments: AccountColumn.allCases, [false, true])
    func keysGiveTheOrderOfTheComparisonsTheyReplaced(column: AccountColumn, descending: Bool) {
        let sort = AccountSort(column: column, descending: descending)
        let trends: [String: [Int64]] = [Self.rows[3].account.username: [1, 2], Self.rows[40].account.username: [5]]
        let order = sort.order(Self.rows, trends: trends)
        let expected = Self.referenceOrder(sort, Self.rows, trends: trends)
        #expect(order.map { Self.rows[$0].account.username } == expected.map { Self.rows[$0].account.username })
        #expect(order.map { Self.rows[$0].account.remark } == expected.map { Self.rows[$0].account.remark })
    }

    @Test func ranksTreatCanonicallyEquivalentTextsAsEqual() {
        let ranks = AccountTextRanks(Self.rows, fetchedAt: nil)
        let decomposed = Self.rows.indices.filter {
            Self.rows[$0].account.remark.unicodeScalars.elementsEqual("Ame\u{301}lie".unicodeScalars)
        }
        let composed = Self.rows.indices.filter { Self.rows[$0].account.remark.unicodeScalars.elementsEqual("Am\u{E9}lie".unicodeScalars) }
        #expect(!decomposed.isEmpty && !composed.isEmpty)
        #expect(Set((decomposed + composed).map { ranks.remark[$0] }).count == 1)
        let lower = Self.rows.indices.filter { Self.rows[$0].account.remark == "amelie" }
        #expect(!lower.isEmpty && ranks.remark[lower[0]] != ranks.remark[composed[0]])
    }

    @Test func ranksAreReusedOnlyWhenNamesAndRemarksAreUnchanged() {
        let first = AccountTextRanks(Self.rows, fetchedAt: nil)
        var moved = Self.rows
        for i in moved.indices { moved[i].account.usageBytes += 1 }
        let reused = AccountTextRanks(moved, fetchedAt: nil, reusing: first, of: Self.rows)
        #expect(reused.username == first.username && reused.remark == first.remark)
        var renamed = Self.rows
        renamed.swapAt(0, 1)
        let fresh = AccountTextRanks(renamed, fetchedAt: nil, reusing: first, of: Self.rows)
        #expect(fresh.username == AccountTextRanks(renamed, fetchedAt: nil).username)
        #expect(fresh.username != first.username)
    }

    @Test func theStoresRanksAreUsedOnlyForTheListTheyWereComputedFor() {
        var snapshot = Snapshot()
        let fetched = Date(timeIntervalSince1970: 1_800_000_000)
        snapshot.accounts = ResourceState(value: Self.rows, fetchedAt: fetched)
        snapshot.accountRanks = AccountTextRanks(Array(Self.rows.prefix(10)), fetchedAt: fetched)
        #expect(snapshot.fittingAccountRanks == nil)
        snapshot.accountRanks = AccountTextRanks(Self.rows, fetchedAt: fetched)
        #expect(snapshot.fittingAccountRanks != nil)
        snapshot.accounts.fetchedAt = fetched.addingTimeInterval(30)
        #expect(snapshot.fittingAccountRanks == nil)
    }

    @Test func aNewSnapshotWithChangedAccountsIsSortedAgainAndOneWithTheSameIsNot() {
        let cache = VisibleListCache()
        var ui = UIState()
        ui.accountSort = AccountSort(column: .usage)
        var snapshot = Snapshot()
        snapshot.accounts = ResourceState(value: Self.rows, fetchedAt: Date(timeIntervalSince1970: 1_800_000_000))
        let first = cache.lists(snapshot, ui).accounts
        #expect(first == VisibleLists.accounts(Self.rows, filter: "", sort: ui.accountSort))
        snapshot.version += 1  // another resource's poll: the same rows
        #expect(cache.lists(snapshot, ui).accounts == first)
        // The same number of rows, in place of the others: usage changed.
        var changed = Self.rows
        for i in changed.indices { changed[i].account.usageBytes = Int64(i) * 1_000 }
        snapshot.accounts.value = changed
        snapshot.version += 1
        let again = cache.lists(snapshot, ui).accounts
        #expect(again == VisibleLists.accounts(changed, filter: "", sort: ui.accountSort))
        #expect(again != first)
    }

    /// Two sub-accounts may share a name (README): turning the direction round must give the
    /// order a fresh sort in that direction gives, or such a pair swaps at the next poll.
    @Test(arguments: [AccountColumn.usage, .username, .remark])
    func aReversedDirectionOrdersTiesAsAFreshSortDoes(column: AccountColumn) {
        let cache = VisibleListCache()
        let twins = Self.rows + Self.rows
        var ui = UIState()
        ui.accountSort = AccountSort(column: column, descending: false)
        var snapshot = Snapshot()
        snapshot.accounts = ResourceState(value: twins, fetchedAt: Date(timeIntervalSince1970: 1_800_000_000))
        _ = cache.lists(snapshot, ui)
        ui.accountSort.descending = true
        #expect(cache.lists(snapshot, ui).accounts == VisibleLists.accounts(twins, filter: "", sort: ui.accountSort))
        ui.accountSort.descending = false
        #expect(cache.lists(snapshot, ui).accounts == VisibleLists.accounts(twins, filter: "", sort: ui.accountSort))
    }

    @Test func theRadixSortGivesTheOrderOfTheComparison() {
        var random = SeededRandom(seed: 14)
        var entries: [AccountSortEntry] = []
        for index in 0..<20_000 {  // above the size below which it compares
            // Few distinct keys and names: ties at every level, the row's place deciding the last.
            let key = random.chance(0.5) ? UInt64(random.below(7)) : random.next()
            entries.append(AccountSortEntry(key: key, tie: UInt32(random.below(40)), index: UInt32(index)))
        }
        var radix = entries
        AccountSortRadix.sort(&radix)
        let compared = entries.sorted(by: AccountSortEntry.precedes)
        #expect(radix.map(\.index) == compared.map(\.index))
    }

    @Test(arguments: [
        "a", "KX9", "kx9a", "电商", "👍", "👩‍💻", "ame", "Amé", "AMÉ", "e\u{301}", "zü", "ZÜ", "qa 1", "nothing like it",
    ])
    func theSearchTextFindsWhatTheRowsDo(filter: String) {
        let order = Array(Self.rows.indices.reversed())
        let cache = VisibleListCache()
        var ui = UIState()
        ui.accountFilter = filter
        var snapshot = Snapshot()
        snapshot.accounts = ResourceState(value: Self.rows, fetchedAt: nil)
        let expected = VisibleLists.filterAccounts(
            Self.rows, order: AccountSort().order(Self.rows), filter: filter)
        #expect(cache.lists(snapshot, ui).accounts == expected)
        let needle = Array(filter.lowercased().utf8)
        #expect(AccountSearchText(Self.rows).filter(order, needle) == VisibleLists.filterAccounts(Self.rows, order: order, filter: filter))
    }

    /// Capitals beyond ASCII in a name or remark are found by their lower-case forms, typed in
    /// either case: both the search text and the rows' own filter lower-case them.
    @Test(arguments: ["émile", "ÉMILE", "zürich", "ZÜRICH", "straße"])
    func capitalsBeyondASCIIAreFound(filter: String) {
        let remarks = ["ÉMILE et Cie", "ZÜRICH", "STRASSE", "Straße 5", "plain"]
        let rows = remarks.enumerated().map { i, remark in
            AccountRow(
                account: Fixtures.decode(
                    SubAccount.self, #"{"id":\#(i),"username":"u\#(i)","password":"secret99","remark":"\#(remark)","status":1}"#),
                rate: nil)
        }
        let order = Array(rows.indices)
        let found = VisibleLists.filterAccounts(rows, order: order, filter: filter)
        #expect(!found.isEmpty, "\(filter)")
        #expect(AccountSearchText(rows).filter(order, Array(filter.lowercased().utf8)) == found)
    }

    /// The store's snapshot of `rows` three times over (above the radix sort's threshold, and every
    /// name shared by three rows, which tie in name and often in key).
    static func storeSnapshot() async -> (Snapshot, [AccountRow]) {
        let store = Store(source: "test", readOnly: false) { _ in }
        let accounts = (Self.rows + Self.rows + Self.rows).map(\.account)
        await store.apply(.accounts(accounts), at: Date(timeIntervalSince1970: 1_800_000_000))
        let snapshot = await store.current
        return (snapshot, snapshot.accounts.value ?? [])
    }

    /// The store's orders, read in either direction, are what a fresh sort of the same rows gives.
    @Test(arguments: AccountColumn.allCases.filter { $0 != .trend }, [false, true])
    func theStoresOrdersAreThoseOfAFreshSort(column: AccountColumn, descending: Bool) async {
        let (snapshot, rows) = await Self.storeSnapshot()
        #expect(rows.count == 360)
        let sort = AccountSort(column: column, descending: descending)
        let stored = sort.stored(snapshot)
        #expect(stored == sort.order(rows))
        let expected = Self.referenceOrder(sort, rows, trends: [:])
        #expect(stored?.map { rows[$0].account.username } == expected.map { rows[$0].account.username })
        var ui = UIState()
        ui.accountSort = sort
        #expect(VisibleListCache().lists(snapshot, ui).accounts == stored)
    }

    @Test func theStoresOrdersAreNotUsedForAnotherList() async {
        var (snapshot, rows) = await Self.storeSnapshot()
        #expect(AccountSort().stored(snapshot) != nil)
        snapshot.accounts.value = Array(rows.prefix(100))
        #expect(AccountSort().stored(snapshot) == nil)
        snapshot.accounts.value = rows
        snapshot.accounts.fetchedAt = Date(timeIntervalSince1970: 1_900_000_000)
        #expect(AccountSort().stored(snapshot) == nil)
        #expect(snapshot.accountSearch?.fit(snapshot.accounts) == false)
        // The cache then sorts the rows itself, to the same order.
        var ui = UIState()
        ui.accountFilter = "kx9"
        #expect(VisibleListCache().lists(snapshot, ui).accounts == VisibleLists.accounts(rows, filter: "kx9", sort: ui.accountSort))
    }

    /// Typed key by key, erased and typed again, the filter finds at each step what it finds typed
    /// whole on a fresh cache (it searches only the rows the shorter filter found).
    @Test func theFilterTypedKeyByKeyFindsWhatItFindsTypedWhole() async {
        let (snapshot, rows) = await Self.storeSnapshot()
        let cache = VisibleListCache()
        var ui = UIState()
        ui.accountSort = AccountSort(column: .remark)
        let steps = [
            "k", "kx", "kx9", "kx9a", "kx9", "kx", "k", "", "z", "zu", "zü", "zür", "z", "Z", "ZE", "zed3", "👍", "👍🏽", "电", "电商", "x",
            "x\u{0}", "x", "xa",
        ]
        for (number, filter) in steps.enumerated() {
            ui.accountFilter = filter
            // The sort changes while a filter is typed: the rows found are those of the new order.
            if number == 14 { ui.accountSort = AccountSort(column: .usage) }
            let found = cache.lists(snapshot, ui).accounts
            #expect(found == VisibleLists.accounts(rows, filter: filter, sort: ui.accountSort), "\(filter)")
            #expect(found == VisibleListCache().lists(snapshot, ui).accounts, "\(filter)")
        }
        #expect(!VisibleLists.accounts(rows, filter: "kx9a", sort: ui.accountSort).isEmpty)
        // A new poll while a filter is typed: the filter is applied to the new rows.
        let store = Store(source: "test", readOnly: false) { _ in }
        let fewer = Array(rows.map(\.account).prefix(200))
        await store.apply(.accounts(fewer), at: Date(timeIntervalSince1970: 1_800_000_100))
        var next = await store.current
        next.version = snapshot.version + 1
        ui.accountFilter = "x"
        #expect(cache.lists(next, ui).accounts == VisibleLists.accounts(next.accounts.value ?? [], filter: "x", sort: ui.accountSort))
    }

    /// A remark that only changed from composed to decomposed form (equal as `String`s, not as
    /// bytes) gets the filter's text made afresh: the filter finds what it finds in the rows.
    @Test func aRemarkRewrittenInAnotherNormalFormIsFoundAsWritten() async {
        let store = Store(source: "test", readOnly: false) { _ in }
        var accounts = Array(Self.rows.map(\.account).prefix(4))
        accounts[2].remark = "Am\u{E9}lie"
        await store.apply(.accounts(accounts), at: Date(timeIntervalSince1970: 1_800_000_000))
        accounts[2].remark = "Ame\u{301}lie"
        await store.apply(.accounts(accounts), at: Date(timeIntervalSince1970: 1_800_000_030))
        let snapshot = await store.current
        var ui = UIState()
        ui.accountFilter = "ame\u{301}"
        let rows = snapshot.accounts.value ?? []
        #expect(
            VisibleListCache().lists(snapshot, ui).accounts == VisibleLists.accounts(rows, filter: ui.accountFilter, sort: ui.accountSort))
        #expect(VisibleListCache().lists(snapshot, ui).accounts == [2])
    }

    /// A store for `serve` (no screen) makes none of the screen's indexes.
    @Test func aStoreWithoutAScreenDoesNotIndex() async {
        let store = Store(source: "test", readOnly: false, indexesAccounts: false) { _ in }
        await store.apply(.accounts(Self.rows.map(\.account)), at: Date(timeIntervalSince1970: 1_800_000_000))
        let snapshot = await store.current
        #expect(snapshot.accountOrders == nil && snapshot.accountSearch == nil && snapshot.accountRanks == nil)
        #expect(snapshot.accounts.value?.count == Self.rows.count)
    }

    /// An accounts poll whose names and remarks did not change keeps the filter's text and the
    /// ranks; one that renamed an account makes them afresh.
    @Test func theStoreKeepsTheTextOfUnchangedNames() async {
        let store = Store(source: "test", readOnly: false) { _ in }
        var accounts = Self.rows.map(\.account)
        await store.apply(.accounts(accounts), at: Date(timeIntervalSince1970: 1_800_000_000))
        for i in accounts.indices { accounts[i].usageBytes += 1_000 }
        await store.apply(.accounts(accounts), at: Date(timeIntervalSince1970: 1_800_000_030))
        let moved = await store.current
        #expect(moved.accountSearch?.fit(moved.accounts) == true)
        #expect(AccountSort().stored(moved) == AccountSort().order(moved.accounts.value ?? []))
        // The same rows again (an idle world): the orders are carried over, and still right.
        await store.apply(.accounts(accounts), at: Date(timeIntervalSince1970: 1_800_000_045))
        let again = await store.current
        for column in AccountColumn.allCases where column != .trend {
            let sort = AccountSort(column: column, descending: column.rawValue % 2 == 0)
            #expect(sort.stored(again) == sort.order(again.accounts.value ?? []), "\(column)")
        }
        accounts[0].username = "renamed0"
        await store.apply(.accounts(accounts), at: Date(timeIntervalSince1970: 1_800_000_060))
        let renamed = await store.current
        var ui = UIState()
        ui.accountFilter = "renamed"
        #expect(VisibleListCache().lists(renamed, ui).accounts == [0])
        ui.accountSort = AccountSort(column: .username)
        #expect(AccountSort(column: .username).stored(renamed) == AccountSort(column: .username).order(renamed.accounts.value ?? []))
    }

    /// The sort as it was before the keys: `String` comparisons for names and remarks, numeric
    /// keys for the rest, ties broken by the username in the same direction.
    static func referenceOrder(_ sort: AccountSort, _ rows: [AccountRow], trends: [String: [Int64]]) -> [Int] {
        func tie(_ a: Int, _ b: Int) -> Bool {
            sort.descending ? rows[a].account.username > rows[b].account.username : rows[a].account.username < rows[b].account.username
        }
        func text(_ value: (AccountRow) -> String) -> [Int] {
            Array(rows.indices).sorted { a, b in
                let x = value(rows[a])
                let y = value(rows[b])
                if x == y { return tie(a, b) }
                return sort.descending ? x > y : x < y
            }
        }
        let keys: [Double]
        switch sort.column {
        case .username: return text { $0.account.username }
        case .remark: return text { $0.account.remark }
        case .status: keys = rows.map { $0.account.isEnabled ? 1 : 0 }
        case .type: keys = rows.map { Double($0.account.productType.code) }
        case .usage: keys = rows.map { Double($0.account.usageBytes) }
        case .limit: keys = rows.map { $0.account.limitBytes.map(Double.init) ?? .infinity }
        case .percent: keys = rows.map { $0.usageFraction ?? -1 }
        case .rate: keys = rows.map { $0.rate ?? -1 }
        case .toLimit: keys = rows.map { $0.secondsToLimit ?? .infinity }
        case .created: keys = rows.map { $0.account.createdAt?.timeIntervalSince1970 ?? 0 }
        case .trend: keys = rows.map { trends[$0.account.username].map { Double(AccountsColumns.total($0)) } ?? -1 }
        }
        return Array(rows.indices).sorted { a, b in
            if keys[a] == keys[b] { return tie(a, b) }
            return sort.descending ? keys[a] > keys[b] : keys[a] < keys[b]
        }
    }
}
