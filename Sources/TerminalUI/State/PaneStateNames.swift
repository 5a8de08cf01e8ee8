import Foundation
import Monitor
import ProxyLiteAPI

/// The names the state had before it moved into the panes' own structs, kept so that the code
/// and tests that read them stay as they were.
extension UIState {
    public var accounts: TableState {
        get { accountsPane.table }
        set { accountsPane.table = newValue }
    }

    public var accountFilter: String {
        get { accountsPane.filter }
        set { accountsPane.filter = newValue }
    }

    public var accountSort: AccountSort {
        get { accountsPane.sort }
        set { accountsPane.sort = newValue }
    }

    public var accountColumns: [AccountColumn] {
        get { accountsPane.columns }
        set { accountsPane.columns = newValue }
    }

    public var accountMarks: Set<String> {
        get { accountsPane.marks }
        set { accountsPane.marks = newValue }
    }

    public var revealPassword: Bool {
        get { accountsPane.revealPassword }
        set { accountsPane.revealPassword = newValue }
    }

    public var flowDays: Int {
        get { flowPane.days }
        set { flowPane.days = newValue }
    }

    public var staticIPs: TableState {
        get { staticIPsPane.table }
        set { staticIPsPane.table = newValue }
    }

    public var staticIPFilter: String {
        get { staticIPsPane.filter }
        set { staticIPsPane.filter = newValue }
    }

    public var ipMarks: Set<String> {
        get { staticIPsPane.marks }
        set { staticIPsPane.marks = newValue }
    }

    public var orders: TableState {
        get { ordersPane.table }
        set { ordersPane.table = newValue }
    }

    public var orderStatusFilter: OrderStatus? {
        get { ordersPane.statusFilter }
        set { ordersPane.statusFilter = newValue }
    }

    public var unsettledOrder: UnsettledOrder? {
        get { ordersPane.unsettled }
        set { ordersPane.unsettled = newValue }
    }

    public var packages: TableState {
        get { packagesPane.table }
        set { packagesPane.table = newValue }
    }

    public var packageTypeFilter: ProductType? {
        get { packagesPane.typeFilter }
        set { packagesPane.typeFilter = newValue }
    }

    public var whitelist: TableState {
        get { whitelistPane.table }
        set { whitelistPane.table = newValue }
    }

    public var whitelistMarks: Set<String> {
        get { whitelistPane.marks }
        set { whitelistPane.marks = newValue }
    }

    public var whitelistDeletesNeedCode: Bool {
        get { whitelistPane.deletesNeedCode }
        set { whitelistPane.deletesNeedCode = newValue }
    }

    public var extraction: ExtractionState {
        get { extractPane.extraction }
        set { extractPane.extraction = newValue }
    }

    public var products: TableState {
        get { productsPane.table }
        set { productsPane.table = newValue }
    }

    public var alerts: TableState {
        get { alertsPane.table }
        set { alertsPane.table = newValue }
    }

    public var profiles: TableState {
        get { profilesPane.table }
        set { profilesPane.table = newValue }
    }
}
