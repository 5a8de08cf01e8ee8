/// The Simplified Chinese table. Labels for narrow places (tabs, fixed-width columns, the
/// footer) are kept no wider than the English ones: a CJK character takes two columns.
enum ChineseTexts {
    static var table: [UIText: String] {
        var table: [UIText: String] = [:]
        for part in [tabs, header, lines, keys, dialogs, accounts, panes, provider, snapshot] { table.merge(part) { first, _ in first } }
        return table
    }

    static let tabs: [UIText: String] = [
        .tabAccounts: "子账号", .tabAccountsShort: "账号", .tabFlow: "流量", .tabFlowShort: "流量", .tabStaticIPs: "静态IP",
        .tabStaticIPsShort: "IP", .tabOrders: "订单", .tabOrdersShort: "订单", .tabPackages: "套餐", .tabPackagesShort: "套餐",
        .tabWhitelist: "白名单", .tabWhitelistShort: "白名", .tabExtract: "提取", .tabExtractShort: "提取", .tabProducts: "产品",
        .tabProductsShort: "产品", .tabAlerts: "告警", .tabAlertsShort: "告警", .tabProfiles: "配置", .tabProfilesShort: "配置",
    ]

    static let header: [UIText: String] = [
        .headerAlertOne: "1 条告警", .headerAlerts: "{1} 条告警", .headerHistoryOff: "历史已关闭：{1}",
        .headerHistoryReading: "历史：只读（另一个 proxylite-top 正在写入）", .headerLeft: "剩余 {1}",
        .headerRunsOut: "按24小时速率 {1} 用完", .headerLeftCount: "剩余 {1}（{2}）", .headerExpiring: "7天内到期 {1}（{2}）",
        .headerExpired: "已过期 {1}（{2}）", .headerUsed: "已用 {1}", .connConnecting: "… 连接中", .connLive: "● 在线 · {1}",
        .connStale: "◐ 数据过时 {1}（{2}）· {3}", .connRetryIn: " · {1}秒后重试", .connRetrying: " · 重试中…",
        .connOffline: "○ 离线（{1}）{2}", .connStopped: "■ {1}；修正后按 r（或更换密钥文件）· {2}",
        .months: "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月", .monthDay: "{2}{1}日", .monthDayYear: "{3}年{2}{1}日",
    ]

    static let lines: [UIText: String] = [
        .filterLabel: "筛选：", .filterHint: "  Enter 应用 · Esc 取消", .filterCleared: "已清除筛选", .filterSet: "筛选：{1}",
        .marksCleared: "已清除标记。", .readOnlyRefused: "只读模式：{1}不可用（以 --read-only 或 read_only = true 启动）。",
        .cannotSuspend: "Ctrl-Z：没有可用 fg 返回的作业控制 shell；仍在运行。", .tooSmall: "终端太小",
        .tooSmallSize: "{1}×{2}，至少需要 {3}×{4}", .tooSmallQuit: "按 q 退出", .paneStale: "过时 {1}：{2}",
        .paneUnavailable: "不可用：{1}", .paneLoading: "加载中…", .unreadableOne: "  · 1 个值无法读取",
        .unreadableMany: "  · {1} 个值无法读取", .typeDynTraffic: "动态流量", .typeDynIP: "动态IP", .typeDCStatic: "机房静态",
        .typeResStatic: "住宅静态", .typeCode: "类型 {1}", .never: "永久",
        .cellExpired: "已过期", .cellDaysLeft: "{1}天",
    ]

    static let keys: [UIText: String] = [
        .keySwitchPane: "切换面板", .keyPickPane: "按名称跳转面板", .keyNextPane: "下一个面板", .keyPreviousPane: "上一个面板",
        .keyProfiles: "配置总览", .keyPickProfile: "查看其他配置", .keyHelp: "帮助", .keyRefresh: "刷新", .keyRepaint: "重绘",
        .keyQuit: "退出", .keyMove: "移动",
        .onlyOneProfile: "只监视了一个配置（{1}）；在 config.toml 中添加 [profiles.<名称>] 表可监视更多。",
        .refreshing: "正在刷新…", .helpTitle: "按键 · {1}（Esc 关闭）", .helpMouse: "鼠标：点击标签或行；滚轮滚动。",
        .keyMark: "标记 / 标记全部显示行 / 清除标记", .markAllMarked: "已标记显示的 {1} 行；共 {2} 行。",
        .markAllUnmarked: "已取消标记 {1} 行。",
    ]

    static let dialogs: [UIText: String] = [
        .dialogWorking: "处理中", .dialogWaitingHint: "Esc 隐藏此窗口；结果仍会显示在提示行。", .dialogQuitTitle: "退出？",
        .dialogQuitOne: "还有 1 项更改正在发送。", .dialogQuitMany: "还有 {1} 项更改正在发送。",
        .dialogQuitWarning: "现在退出可能中断发送；服务商可能应用，也可能不应用。", .buttonCancel: "取消", .buttonQuit: "退出",
        .dialogQuitKeys: "y 退出 · n/Esc 留下 · Tab 切换 · Enter 按下", .dialogEscCloses: "（Esc 关闭）",
        .dialogGoToPane: "跳转面板", .dialogNoPaneMatches: "没有匹配的面板",
        .dialogPickerKeys: "输入以筛选 · ↑↓ 选择 · Enter 打开 · Esc 关闭",
        .dialogConfirmKeys: "y 确认 · n/Esc 取消 · Tab 切换 · Enter 按下", .dialogTypedKeys: "Enter 删除 · Esc 取消",
        .dialogFormKeys: "Tab/↑↓ 移动 · ←→ 选择 · Enter 下一项/按下 · Esc 取消",
        .dialogSettling: "…（y 和 Enter 稍后生效）",
    ]

    static let accounts: [UIText: String] = [
        .accountsTitle: "子账号 {1} / {2}", .accountsFilter: "  筛选“{1}”", .accountsSort: "排序：{1} {2}",
        .accountsMarked: "  已标记 {1}", .accountsPending: "  {1} 项待生效", .accountsLag: " · 用量最多延迟5分钟",
        .accountsSorted: "已按{1}排序 {2}", .colUsername: "用户名", .colStatus: "状态", .colType: "类型", .colUsage: "已用",
        .colLimit: "限额", .colPercent: "使用率", .colRate: "速率", .colToLimit: "距限额", .colRemark: "备注",
        .colCreated: "创建日期", .colTrend: "24小时", .cellOn: "启用", .cellOff: "停用", .cellAtLimit: "已达限额",
        .sortUser: "用户名", .sortStatus: "状态", .sortType: "类型", .sortUsage: "已用", .sortLimit: "限额", .sortPercent: "使用率",
        .sortRate: "速率", .sortToLimit: "距限额", .sortRemark: "备注", .sortCreated: "创建日期", .sortTrend: "24小时",
        .keyFilter: "筛选", .keyClearFilter: "清除筛选", .keySort: "换列排序", .keyReverseSort: "反向排序",
        .keyAccountDetails: "账号详情（其中 p 显示密码，w 切换 24 小时/7 天）", .keyAddAccounts: "添加子账号",
        .keyEnable: "启用所选或已标记", .keyDisable: "停用所选或已标记", .keyDelete: "删除所选或已标记", .keyLimit: "改限额",
        .keyChange: "修改密码、备注、限额、UDP", .keyRaw: "API 返回的原始记录",
    ]

    static let panes: [UIText: String] = [
        .alertsTitle: "告警 {1}",
        .alertsActive: "  {1} 条活动",
        .alertsNone: "没有告警。",
        .alertsHelp1: "告警在 config.toml 的 [alerts] 下设置：usage_percent、hours_to_limit、static_ip_days、",
        .alertsHelp2: "package_days、traffic_left_gb、api_down_minutes、spike_factor（只监视已设置的种类）；",
        .alertsHelp3: "bell = true 和 desktop = true 会响铃并发送桌面通知。",
        .alertsReading: "由另一个 proxylite-top 触发；此处只读显示",
        .alertsOff: "历史已关闭：不会触发告警",
        .alertsFailed: "历史出错：不会触发告警",
        .alertsKeptElsewhere: "告警由写入历史的仪表盘（{1}）保存：请在那里确认。",
        .keyAcknowledge: "确认所选",
        .keyAcknowledgeAll: "确认全部活动告警",
        .alertOver: "该告警已结束。",
        .alertAlreadyAcked: "已经确认过。",
        .alertAcked: "已确认：{1} {2}。",
        .alertNoneActive: "没有活动告警。",
        .alertAckedCount: "已确认 {1} 条。",
        .colAlertState: "状态",
        .colKind: "类型",
        .colSubject: "对象",
        .colValue: "数值",
        .colMessage: "消息",
        .colRaised: "触发时间",
        .colCleared: "解除时间",
        .kindUsage: "用量",
        .kindToLimit: "距限额",
        .kindStaticIP: "静态IP",
        .kindPackage: "套餐",
        .kindTrafficLeft: "剩余流量",
        .kindAPIDown: "API 不可用",
        .kindSpike: "突增",
        .stateActive: "活动",
        .stateAck: "已确认",
        .statePast: "已过",
        .colIP: "IP",
        .keyAddIPs: "添加 IP",
        .keyRemoveIPs: "删除所选或已标记",
        .keyRawRecord: "原始记录",
        .whitelistTitle: "白名单 {1}",
        .yourIPListed: "你的 IP {1} 已在名单中",
        .yourIPNotListed: "你的 IP {1} 不在名单中",
        .whitelistEmpty: "白名单为空。按 a 添加。",
        .colProfile: "配置",
        .colReadOnly: "读",
        .cellReadOnly: "读",
        .colHealth: "状态",
        .colLeft: "剩余",
        .colRunsOut: "用完日期",
        .colAlerts: "告警",
        .colPkgExp: "套餐期",
        .colIPExp: "IP到期",
        .colUpdated: "更新",
        .colSource: "来源",
        .healthLive: "● 在线",
        .healthStale: "◐ 过时 {1}",
        .healthOffline: "○ 离线",
        .healthStopped: "■ 已停止",
        .profilesTitle: "配置 {1}",
        .profilesNotPolling: "  {1} 个未在轮询",
        .profilesNote: "到期：package_days / static_ip_days 之内 · {1} 选择配置",
        .keyShowProfile: "显示此配置",
        .profileShown: "配置 {1} 已在显示。",
        .profileSwitched: "配置：{1}",
        .profilePickerKeys: "输入名称开头 · ↑↓ 选择 · Enter 显示 · Esc 关闭",
        .profilePickerTitle: "显示配置",
        .profilePickerNone: "  没有以“{1}”开头的配置",
        .noteReadOnly: "只读",
        .noteShown: "显示中",
        .keyExtract: "选择地区并提取",
        .keySave: "保存到文件",
        .extractNote: "Enter 选择地区并提取 · w 保存到文件",
        .extractedAt: "提取于 {1}",
        .extractNoEndpoints: "没有返回任何端点。",
        .extractNothing: "尚未提取。Enter 打开表单：国家、州、城市、数量、会话、网络。",
        .hostPoolStock: "主机池库存",
        .staticIPStock: "静态IP库存",
    ]

    static let provider: [UIText: String] = [
        .providerSaid: "服务商返回（代码 {1}）：{2}", .providerSaidEnglish: " 服务商返回：{1}", .errKeyRejected: "密钥被拒绝",
        .errNotVerified: "账户未实名认证", .errBadParameters: "参数错误", .errRateLimited: "请求过多", .errAPICode: "API 代码 {1}",
        .errHTTP: "HTTP {1}", .errRedirect: "被重定向（HTTP {1}）", .errTimeout: "超时", .errRefused: "连接被拒绝",
        .errDNS: "DNS 解析失败", .errTLS: "TLS 失败", .errTransport: "连接中断", .errDecoding: "响应无法解析",
        .errCancelled: "已取消",
    ]

    static let snapshot: [UIText: String] = [
        .snapshotHeader: "proxylite-top 快照 · {1} · {2}", .snapshotNone: "（无）", .snapshotFailed: "!! {1} 失败：{2}",
        .snapshotUnreadableOne: " · 1 个值无法读取，显示为 ?", .snapshotUnreadableMany: " · {1} 个值无法读取，显示为 ?",
        .snapshotFlowTotal: "{2} 天共 {1}；最近约5分钟尚未计入",
        .snapshotSummary:
            "汇总：共 {1}，{2} 个套餐 · 剩余 {3}，{4} 个有效 · 7天内到期 {5}（{6}）· 已过期 {7}（{8}）· 已用 {9}",
        .snapshotAccounts: "子账号", .snapshotFlow: "每日流量（整个账户）", .snapshotStaticIPs: "静态IP", .snapshotOrders: "订单",
        .snapshotPackages: "套餐", .snapshotWhitelist: "白名单 IP", .snapshotProducts: "产品", .snapshotRegions: "地区",
    ]
}
