import Foundation

extension Product {
    /// Whether `count` more can be bought: total_count 0 means stock is not counted; otherwise
    /// remain_count must cover it. A stock field that could not be read may hide a sold-out
    /// product, so it does not pass.
    public func hasStock(for count: Int = 1) -> Bool {
        if unreadable.contains("total_count") || unreadable.contains("remain_count") { return false }
        if totalStock == 0 || (totalStock == nil && remainingStock == nil) { return true }
        guard let remaining = remainingStock else { return false }
        return remaining >= count
    }

    /// Whether it can be ordered from here: purchasable (on sale, not custom-only), with a
    /// readable id and type, and stock left.
    public var canBeOrdered: Bool { isPurchasable && hasIdentity && !unreadable.contains("type") && hasStock() }

    /// The duration multipliers (`etd`) worth offering: none when the list is empty or only 1.
    public var offeredMultipliers: [Int] {
        let valid = durationMultipliers.filter { $0 >= 1 }
        return valid.contains(where: { $0 > 1 }) ? valid : []
    }
}

extension PaymentGroup.Method {
    /// Whether `amount` is within the method's min and max. A bound it does not state, or a max of
    /// 0, does not limit; a bound that came but could not be read might, so nothing passes it.
    public func accepts(_ amount: Double) -> Bool {
        if unreadable.contains("min") || unreadable.contains("max") { return false }
        if let minimum, amount < minimum { return false }
        if let maximum, maximum > 0, amount > maximum { return false }
        return true
    }

    /// Whether it pays from the account balance, which the provider may charge when the order is
    /// created rather than when the user pays it. Read from the names: the reference has no flag.
    public var paysFromBalance: Bool {
        let words = (title + " " + group).lowercased()
        return words.contains("balance") || words.contains("余额")
    }
}
