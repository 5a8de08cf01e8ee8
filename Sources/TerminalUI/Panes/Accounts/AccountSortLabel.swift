extension AccountColumn {
    /// The column's name in the sort line and the "Sorted by" message, in the language being drawn.
    var sortLabel: String {
        let keys: [UIText] = [
            .sortUser, .sortStatus, .sortType, .sortUsage, .sortLimit, .sortPercent, .sortRate, .sortToLimit, .sortRemark,
            .sortCreated, .sortTrend,
        ]
        return keys.indices.contains(rawValue) ? keys[rawValue]() : title
    }
}
