/// The English table: the reference every other language is checked against. Split by area,
/// for the type checker is slow on one very large literal.
enum EnglishTexts {
    static var table: [UIText: String] {
        var table: [UIText: String] = [:]
        for part in [tabs, header, lines, keys, dialogs, accounts, panes, provider, snapshot] { table.merge(part) { first, _ in first } }
        return table
    }

    static let tabs: [UIText: String] = [
        .tabAccounts: "Accounts", .tabAccountsShort: "Accts", .tabFlow: "Flow", .tabFlowShort: "Flow",
        .tabStaticIPs: "Static IPs", .tabStaticIPsShort: "IPs", .tabOrders: "Orders", .tabOrdersShort: "Orders",
        .tabPackages: "Packages", .tabPackagesShort: "Pkgs", .tabWhitelist: "Whitelist", .tabWhitelistShort: "White",
        .tabExtract: "Extract", .tabExtractShort: "Extr", .tabProducts: "Products", .tabProductsShort: "Prod",
        .tabAlerts: "Alerts", .tabAlertsShort: "Alerts", .tabProfiles: "Profiles", .tabProfilesShort: "Prof",
    ]

    static let header: [UIText: String] = [
        .headerAlertOne: "1 alert", .headerAlerts: "{1} alerts", .headerHistoryOff: "history off: {1}",
        .headerHistoryReading: "history: read-only (another proxylite-top writes)", .headerLeft: "left {1}",
        .headerRunsOut: "runs out {1} at 24h rate", .headerLeftCount: "left {1} ({2})", .headerExpiring: "expiring 7d {1} ({2})",
        .headerExpired: "expired {1} ({2})", .headerUsed: "used {1}", .connConnecting: "… connecting", .connLive: "● live · {1}",
        .connStale: "◐ stale {1} ({2}) · {3}", .connRetryIn: " · retry in {1}s", .connRetrying: " · retrying…",
        .connOffline: "○ offline ({1}){2}", .connStopped: "■ {1}; fix it, then r (or change the key file) · {2}",
        .months: "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", .monthDay: "{1} {2}", .monthDayYear: "{1} {2} {3}",
    ]

    static let lines: [UIText: String] = [
        .filterLabel: "Filter: ", .filterHint: "  Enter apply · Esc cancel", .filterCleared: "Filter cleared",
        .filterSet: "Filter: {1}", .marksCleared: "Marks cleared.",
        .readOnlyRefused: "Read-only mode: {1} is off (started with --read-only or read_only = true).",
        .cannotSuspend: "Ctrl-Z: no job-control shell to come back to with fg; still running.", .tooSmall: "Terminal too small",
        .tooSmallSize: "{1}×{2}, needs {3}×{4}", .tooSmallQuit: "q quits", .paneStale: "stale {1}: {2}",
        .paneUnavailable: "unavailable: {1}", .paneLoading: "loading…", .unreadableOne: "  · 1 value unreadable",
        .unreadableMany: "  · {1} values unreadable", .typeDynTraffic: "dyn traffic", .typeDynIP: "dyn IP",
        .typeDCStatic: "DC static", .typeResStatic: "res static", .typeCode: "type {1}", .never: "never",
        .cellExpired: "expired", .cellDaysLeft: "{1}d",
    ]

    static let keys: [UIText: String] = [
        .keySwitchPane: "switch pane", .keyPickPane: "go to a pane by name", .keyNextPane: "next pane",
        .keyPreviousPane: "previous pane", .keyProfiles: "profiles overview", .keyPickProfile: "show another profile",
        .keyHelp: "help", .keyRefresh: "refresh now", .keyRepaint: "repaint", .keyQuit: "quit", .keyMove: "move",
        .onlyOneProfile: "Only one profile is watched ({1}); [profiles.<name>] tables in config.toml add more.",
        .refreshing: "Refreshing…", .helpTitle: "Keys · {1} (Esc closes)", .helpMouse: "Mouse: click a tab or a row; wheel scrolls.",
        .keyMark: "mark / mark all shown / clear marks", .markAllMarked: "Marked {1} shown; {2} in all.",
        .markAllUnmarked: "Unmarked {1}.",
    ]

    static let dialogs: [UIText: String] = [
        .dialogWorking: "Working", .dialogWaitingHint: "Esc hides this; the answer still shows in the flash line.",
        .dialogQuitTitle: "Quit?", .dialogQuitOne: "1 change is still being sent.",
        .dialogQuitMany: "{1} changes are still being sent.",
        .dialogQuitWarning: "Quitting now may cut it off; the provider may or may not apply it.", .buttonCancel: "Cancel",
        .buttonQuit: "Quit", .dialogQuitKeys: "y quit · n/Esc stay · Tab switch · Enter press", .dialogEscCloses: " (Esc closes)",
        .dialogGoToPane: "Go to pane", .dialogNoPaneMatches: "no pane matches",
        .dialogPickerKeys: "type to filter · ↑↓ choose · Enter open · Esc close",
        .dialogConfirmKeys: "y confirm · n/Esc cancel · Tab switch · Enter press", .dialogTypedKeys: "Enter delete · Esc cancel",
        .dialogFormKeys: "Tab/↑↓ move · ←→ choose · Enter next/press · Esc cancel",
        .dialogSettling: "… (y and Enter answer in a moment)",
    ]

    static let accounts: [UIText: String] = [
        .accountsTitle: "Accounts {1} / {2}", .accountsFilter: "  filter “{1}”", .accountsSort: "sort: {1} {2}",
        .accountsMarked: "  {1} marked", .accountsPending: "  {1} pending", .accountsLag: " · usage lags up to 5 min",
        .accountsSorted: "Sorted by {1} {2}", .colUsername: "USERNAME", .colStatus: "STATUS", .colType: "TYPE", .colUsage: "USAGE",
        .colLimit: "LIMIT", .colPercent: "USE%", .colRate: "RATE", .colToLimit: "TO LIMIT", .colRemark: "REMARK",
        .colCreated: "CREATED", .colTrend: "24H", .cellOn: "on", .cellOff: "off", .cellAtLimit: "at limit", .sortUser: "user",
        .sortStatus: "status", .sortType: "type", .sortUsage: "usage", .sortLimit: "limit", .sortPercent: "use %",
        .sortRate: "rate", .sortToLimit: "to limit", .sortRemark: "remark", .sortCreated: "created", .sortTrend: "24 h",
        .keyFilter: "filter", .keyClearFilter: "clear filter", .keySort: "sort by next column", .keyReverseSort: "reverse sort",
        .keyAccountDetails: "account details (p there shows the password, w 24 h / 7 d)", .keyAddAccounts: "add sub-accounts",
        .keyEnable: "enable selected or marked", .keyDisable: "disable selected or marked", .keyDelete: "delete selected or marked",
        .keyLimit: "change limit", .keyChange: "change password, remark, limits, UDP", .keyRaw: "raw record as the API sends it",
    ]

    static let panes: [UIText: String] = [
        .alertsTitle: "Alerts {1}",
        .alertsActive: "  {1} active",
        .alertsNone: "No alerts.",
        .alertsHelp1: "Alerts are set in config.toml, under [alerts]: usage_percent, hours_to_limit, static_ip_days,",
        .alertsHelp2: "package_days, traffic_left_gb, api_down_minutes, spike_factor (only the kinds set are watched);",
        .alertsHelp3: "bell = true and desktop = true ring the bell and send a desktop notification.",
        .alertsReading: "another proxylite-top raises them; shown read back",
        .alertsOff: "history is off: no alerts are raised",
        .alertsFailed: "history failed: no alerts are raised",
        .alertsKeptElsewhere: "Alerts are kept by the dashboard that writes the history ({1}): acknowledge them there.",
        .keyAcknowledge: "acknowledge selected",
        .keyAcknowledgeAll: "acknowledge all active",
        .alertOver: "That alert is over.",
        .alertAlreadyAcked: "Already acknowledged.",
        .alertAcked: "Acknowledged: {1} {2}.",
        .alertNoneActive: "No active alerts.",
        .alertAckedCount: "Acknowledged {1}.",
        .colAlertState: "STATE",
        .colKind: "KIND",
        .colSubject: "SUBJECT",
        .colValue: "VALUE",
        .colMessage: "MESSAGE",
        .colRaised: "RAISED",
        .colCleared: "CLEARED",
        .kindUsage: "usage",
        .kindToLimit: "to limit",
        .kindStaticIP: "static IP",
        .kindPackage: "package",
        .kindTrafficLeft: "traffic left",
        .kindAPIDown: "API down",
        .kindSpike: "spike",
        .stateActive: "ACTIVE",
        .stateAck: "ack",
        .statePast: "past",
        .colIP: "IP",
        .keyAddIPs: "add IPs",
        .keyRemoveIPs: "remove selected or marked",
        .keyRawRecord: "raw record",
        .whitelistTitle: "Whitelist {1}",
        .yourIPListed: "your IP {1} is listed",
        .yourIPNotListed: "your IP {1} is not listed",
        .whitelistEmpty: "No whitelisted IPs. a adds some.",
        .colProfile: "PROFILE",
        .colReadOnly: "RO",
        .cellReadOnly: "RO",
        .colHealth: "HEALTH",
        .colLeft: "LEFT",
        .colRunsOut: "RUNS OUT",
        .colAlerts: "ALERTS",
        .colPkgExp: "PKG EXP",
        .colIPExp: "IP EXP",
        .colUpdated: "UPDATED",
        .colSource: "SOURCE",
        .healthLive: "● live",
        .healthStale: "◐ stale {1}",
        .healthOffline: "○ offline",
        .healthStopped: "■ stopped",
        .profilesTitle: "Profiles {1}",
        .profilesNotPolling: "  {1} not polling",
        .profilesNote: "EXP: within package_days / static_ip_days · {1} picks a profile",
        .keyShowProfile: "show this profile",
        .profileShown: "profile {1} is the one shown.",
        .profileSwitched: "profile: {1}",
        .profilePickerKeys: "type a name's start · ↑↓ choose · Enter show · Esc close",
        .profilePickerTitle: "Show profile",
        .profilePickerNone: "  no profile starts with “{1}”",
        .noteReadOnly: "read-only",
        .noteShown: "shown",
        .keyExtract: "choose region and extract",
        .keySave: "save the endpoints to a file",
        .extractNote: "Enter choose region and extract · w save to a file",
        .extractedAt: "extracted at {1}",
        .extractNoEndpoints: "No endpoints were returned.",
        .extractNothing: "Nothing extracted yet. Enter opens the form: country, state, city, number, session, network.",
        .hostPoolStock: "Host pool stock",
        .staticIPStock: "Static IP stock",
    ]

    static let provider: [UIText: String] = [
        .providerSaid: "the provider said (code {1}): {2}", .providerSaidEnglish: " The provider said: {1}",
        .errKeyRejected: "key rejected", .errNotVerified: "account not verified", .errBadParameters: "bad parameters",
        .errRateLimited: "rate limited", .errAPICode: "API code {1}", .errHTTP: "HTTP {1}", .errRedirect: "redirected (HTTP {1})",
        .errTimeout: "timeout", .errRefused: "connection refused", .errDNS: "DNS failure", .errTLS: "TLS failure",
        .errTransport: "connection lost", .errDecoding: "bad response", .errCancelled: "cancelled",
    ]

    static let snapshot: [UIText: String] = [
        .snapshotHeader: "proxylite-top snapshot · {1} · {2}", .snapshotNone: "(none)", .snapshotFailed: "!! {1} failed: {2}",
        .snapshotUnreadableOne: " · 1 value unreadable, shown as ?",
        .snapshotUnreadableMany: " · {1} values unreadable, shown as ?",
        .snapshotFlowTotal: "total {1} over {2} days; the last ~5 minutes are not counted yet",
        .snapshotSummary:
            "summary: total {1} in {2} packages · left {3} in {4} valid · expiring within 7 days {5} ({6}) · expired {7} ({8}) · used {9}",
        .snapshotAccounts: "Sub-accounts", .snapshotFlow: "Daily traffic, whole account", .snapshotStaticIPs: "Static IPs",
        .snapshotOrders: "Orders", .snapshotPackages: "Packages", .snapshotWhitelist: "Whitelisted IPs",
        .snapshotProducts: "Products", .snapshotRegions: "Regions",
    ]
}
