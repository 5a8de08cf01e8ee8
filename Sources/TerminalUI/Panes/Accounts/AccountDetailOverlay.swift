import Foundation
import Monitor
import ProxyLiteAPI

/// Enter on an account: its fields and its own daily traffic.
enum AccountDetailOverlay {
    static func render(_ context: RenderContext, username: String, area: Rect, into buffer: inout CellBuffer) {
        let inside = Overlay.frame(
            title: UIText.detailTitle(username), width: area.width - 6, height: area.height - 2, in: area, into: &buffer)
        guard let row = context.snapshot.accounts.value?.first(where: { $0.account.username == username }) else {
            buffer.put(UIText.detailGone(), x: inside.x, y: inside.y, role: .warning, clip: inside)
            return
        }
        let a = row.account
        var fields: [(String, String)] = [
            (UIText.fieldStatus(), a.isEnabled ? UIText.valueEnabled() : UIText.valueDisabled()),
            (UIText.fieldType(), "\(ModelText.productType(a.productType, section: .account)) (\(a.productType.code))"),
            (
                UIText.fieldUsage(),
                ByteFormat.human(a.usageBytes) + (a.limitBytes.map { UIText.usageOf(ByteFormat.human($0)) } ?? UIText.usageNoLimit())
            ),
            (UIText.fieldRate(), row.rate.map(ByteFormat.rate) ?? UIText.rateAfterPoll()),
            (UIText.fieldToLimit(), row.secondsToLimit.map(TimeText.span) ?? "-"),
            (UIText.fieldPassword(), context.ui.revealPassword ? a.password.revealed : a.password.masked + UIText.passwordShows()),
            (UIText.fieldRemark(), a.remark),
            (
                UIText.fieldCreated(),
                a.createdAt.map { TimeText.day($0, zone: context.zone) + " " + TimeText.clock($0, zone: context.zone) } ?? "-"
            ),
        ]
        for pending in context.snapshot.pending[username] ?? [] {
            let when = TimeText.clock(pending.acceptedAt, zone: context.zone)
            fields.append(
                pending.unconfirmed
                    ? (UIText.fieldUnconfirmed(), UIText.pendingUnconfirmed(CommandText.summary(pending.command), when))
                    : (UIText.fieldPending(), UIText.pendingAccepted(CommandText.summary(pending.command), when)))
        }
        for (i, field) in fields.enumerated() where i < inside.height {
            buffer.put(DisplayWidth.fit(field.0, to: 10), x: inside.x, y: inside.y + i, role: .dim, clip: inside)
            buffer.put(field.1, x: inside.x + 11, y: inside.y + i, role: .dialog, clip: inside)
        }
        let chartTop = fields.count + 1
        guard inside.height > chartTop + 3 else { return }
        // Both charts when there is room for two of 5 rows or more; else the intraday one, unless
        // history has nothing for it.
        let room = inside.height - chartTop
        let series = intradaySeries(context, username: username)
        if room >= 12 {
            let split = chartTop + room / 2
            renderIntraday(
                context, username: username, title: inside.rows(chartTop, chartTop + 1), chart: inside.rows(chartTop + 1, split - 1),
                into: &buffer)
            renderDaily(
                context, username: username, title: inside.rows(split, split + 1), chart: inside.rows(split + 1, inside.height),
                into: &buffer)
        } else if series != nil {
            renderIntraday(
                context, username: username, title: inside.rows(chartTop, chartTop + 1), chart: inside.rows(chartTop + 1, inside.height),
                into: &buffer)
        } else {
            renderDaily(
                context, username: username, title: inside.rows(chartTop, chartTop + 1), chart: inside.rows(chartTop + 1, inside.height),
                into: &buffer)
        }
    }

    static func renderDaily(_ context: RenderContext, username: String, title: Rect, chart: Rect, into buffer: inout CellBuffer) {
        if let flow = context.snapshot.accountFlow, flow.username == username {
            let days = Array(flow.days.suffix(context.ui.flowDays))
            buffer.put(UIText.dailyTraffic(days.count), x: title.x, y: title.y, role: .accent, clip: title)
            BarChart(values: days.map { ($0.day, $0.bytes) }).render(into: &buffer, area: chart)
        } else {
            buffer.put(UIText.dailyLoading(), x: title.x, y: title.y, role: .dim, clip: title)
        }
    }

    /// The account's 5-minute buckets over 24 hours or 7 days, when history has them for it.
    static func intradaySeries(_ context: RenderContext, username: String) -> Intraday? {
        guard let intraday = context.snapshot.history.intraday, intraday.username == username else { return nil }
        return intraday
    }

    static func renderIntraday(_ context: RenderContext, username: String, title: Rect, chart: Rect, into buffer: inout CellBuffer) {
        let week = context.ui.accountsPane.intradayWeek
        let span = week ? UIText.span7d() : UIText.span24h()
        let other = week ? UIText.otherSpan24h() : UIText.otherSpan7d()
        let status = context.snapshot.history.status
        guard let intraday = intradaySeries(context, username: username) else {
            let text: String
            switch status {
            case .off: text = UIText.usageOverOff(span)
            case .failed(let reason): text = UIText.usageOverFailed(span, reason)
            case .opening, .writing, .reading: text = UIText.usageOverLoading(span)
            }
            buffer.put(text, x: title.x, y: title.y, role: .dim, clip: title)
            return
        }
        let points = week ? intraday.week : intraday.day
        guard points.contains(where: { $0 > 0 }) else {
            buffer.put(UIText.usageOverEmpty(span), x: title.x, y: title.y, role: .dim, clip: title)
            return
        }
        let (columns, perColumn) = downsample(points, width: BarChart.plotWidth(in: chart.width))
        let minutes = perColumn * Int(Intraday.bucketSeconds / 60)
        let per = minutes % 60 == 0 ? UIText.perHours(minutes / 60) : UIText.perMinutes(minutes)
        buffer.put(UIText.usageOverBars(span, per, other), x: title.x, y: title.y, role: .accent, clip: title)
        // Both series end with the same bucket; `start` is the first of the longer (the week).
        let start = intraday.start.addingTimeInterval(
            week ? 0 : Double(max(0, intraday.week.count - intraday.day.count)) * Intraday.bucketSeconds)
        let values = columns.enumerated().map { i, bytes in
            let at = start.addingTimeInterval(Double(i * perColumn) * Intraday.bucketSeconds)
            let label = week ? TimeText.day(at, zone: context.zone) : String(TimeText.clock(at, zone: context.zone).prefix(5))
            return (label, bytes)
        }
        BarChart(values: values).render(into: &buffer, area: chart)
    }

    /// `points` summed into at most `width` columns of a whole number of points each (so every bar
    /// covers the same time and the totals stay honest), that number a round span of time (5, 10,
    /// 15, 30 minutes; 1, 2, 3, 6, 12 hours; days); the columns and the points per column.
    static func downsample(_ points: [Int64], width: Int) -> ([Int64], Int) {
        guard width > 0, !points.isEmpty else { return ([], 1) }
        let needed = max(1, (points.count + width - 1) / width)
        let per = [1, 2, 3, 6, 12, 24, 36, 72, 144].first { $0 >= needed } ?? (needed + 287) / 288 * 288
        let columns = stride(from: 0, to: points.count, by: per).map {
            AccountsColumns.total(Array(points[$0..<min(points.count, $0 + per)]))
        }
        return (columns, per)
    }
}
