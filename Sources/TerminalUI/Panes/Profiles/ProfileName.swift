import Foundation
import Monitor

/// A profile's name as every view writes it: made display-safe (it comes from the config) and
/// cut with `…` when it is absurdly long, in the profile's colour when the config gives one the
/// theme has a role for.
enum ProfileName {
    /// The most columns a name takes anywhere: enough for any sensible name.
    static let maxColumns = 24

    static func text(_ name: String, maxColumns: Int = maxColumns) -> String {
        DisplayWidth.truncate(DisplayWidth.displaySafe(name), to: maxColumns)
    }

    /// The role of the profile's colour, or `fallback` when it has none the theme knows.
    static func role(_ colour: String?, fallback: ColorRole) -> ColorRole {
        ColorRole.profile(named: colour) ?? fallback
    }
}
