import Foundation
import Monitor
import ProxyLiteAPI

/// A small fixed dashboard for showing a theme without an API or the simulator: the Accounts pane
/// of a made-up account at a fixed moment, with a selected row, a marked one, a disabled one, one
/// near its limit (a gauge in each colour), a wide remark and a flash message.
public enum ThemeSample {
    public static let width = 80
    public static let height = 12

    /// The moment the sample is drawn at (the data is a minute old then).
    public static let now = Date(timeIntervalSince1970: 1_777_777_777)

    /// The sample's data: six accounts, the package totals, all fresh.
    public static var snapshot: Snapshot {
        var snapshot = Snapshot(source: "sample", readOnly: false)
        let created = now.addingTimeInterval(-86_400 * 40)
        func account(_ id: Int, _ name: String, usedGB: Double, limitGB: Int64, enabled: Bool = true, remark: String) -> SubAccount {
            SubAccount(
                id: id, username: name, password: "sample", createdAt: created.addingTimeInterval(Double(id) * 86_400),
                remark: remark, productType: ProductType(9), usageBytes: Int64(usedGB * 1_073_741_824), limitGB: limitGB,
                isEnabled: enabled)
        }
        let rows = [
            AccountRow(account: account(1, "shop-tokyo", usedGB: 9.7, limitGB: 10, remark: "东京店铺"), rate: 180_000),
            AccountRow(account: account(2, "crawler-01", usedGB: 6.8, limitGB: 10, remark: "nightly crawl"), rate: 40_000),
            AccountRow(account: account(3, "team-share", usedGB: 3.4, limitGB: 0, remark: "shared pool"), rate: 12_000),
            AccountRow(account: account(4, "qa-bot", usedGB: 1.2, limitGB: 5, remark: "tests"), rate: nil),
            AccountRow(account: account(6, "mobile-us", usedGB: 0.9, limitGB: 20, remark: "app checks"), rate: 2_500),
            AccountRow(account: account(5, "backup-eu", usedGB: 0.4, limitGB: 5, enabled: false, remark: "paused"), rate: nil),
        ]
        let fetched = now.addingTimeInterval(-60)
        snapshot.accounts = ResourceState(value: rows, fetchedAt: fetched)
        let summary = """
            {"total":52428800,"total_count":4,"effective":31457280,"effective_count":3,"effective_total":41943040,\
            "effective_used":21495808,"temporary":0,"temporary_count":0,"expired":10485760,"expired_count":1,"used":21495808}
            """
        if let decoded = try? JSONDecoder().decode(PackageSummary.self, from: Data(summary.utf8)) {
            snapshot.summary = ResourceState(value: decoded, fetchedAt: fetched)
        }
        snapshot.version = 1
        return snapshot
    }

    /// The UI state: the second row selected and one account marked.
    public static var ui: UIState {
        var ui = UIState()
        ui.accountsPane.table.selected = 1
        // Those that fit in 80 columns with the remarks (the defaults need 102).
        ui.accountsPane.columns = [.username, .status, .usage, .limit, .percent, .toLimit, .remark]
        ui.accountsPane.marks = ["qa-bot"]
        return ui
    }

    /// The sample drawn by the real screen code, `width` × `height` cells.
    public static func render(width: Int = width, height: Int = height) -> CellBuffer {
        let snapshot = self.snapshot
        var ui = self.ui
        let lists = VisibleLists.compute(snapshot, ui)
        ui.clamp(lists, bodyRows: ScreenLayout(width: width, height: height, snapshot: snapshot).body.height)
        // After the clamp, which drops a flash older than the real clock.
        ui.say("1 marked: qa-bot · e enable · d disable · Esc clear", now: now, seconds: 60)
        let context = RenderContext(
            snapshot: snapshot, ui: ui, lists: lists, now: now, zone: TimeZone(identifier: "UTC") ?? .current)
        return DashboardScreen.render(context, width: width, height: height)
    }
}
