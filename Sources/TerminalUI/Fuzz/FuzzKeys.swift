import Foundation
import ProxyLiteAPI

/// Random input for the keystroke fuzz: mostly the keys that act (pane keys, the action letters,
/// y / Enter / Esc for dialogs), with arrows, mouse clicks, function keys, stray Unicode and
/// pastes of text that would do harm if it were read as keys.
enum FuzzKeys {
    /// Every letter that does something somewhere (P and O: profiles), the digits that switch panes, and symbols.
    static let active = Array("aedDlcyYnNqrsSuRfwpPO/*[]? 12345678hjkx-.@:,\t")
    static let stray: [Character] = ["é", "代", "理", "👍", "\u{301}", "\u{200B}", "\u{1b}", "\u{7f}", "0", "9", "Z", "~"]
    static let named: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace, .delete,
    ]
    /// Pastes that act if read as keys (`dey`: d disables, e enables, y confirms), and text a form wants.
    static let pastes = [
        "dey", "Dy\n", "y\ny\n", "203.0.113.7", "shop1", "1\n2\n3", "代理账户", "\u{1b}[201~y", "a\u{0}b", "q", "",
        String(repeating: "x", count: 300),
    ]

    static func key(_ random: inout SeededRandom, width: Int, height: Int) -> Key {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<55: return .character(random.pick(active))
        case 55..<63: return .enter
        case 63..<70: return .escape
        case 70..<84: return random.pick(named)
        case 84..<88: return .character(random.pick(stray))
        case 88..<91: return .control(random.pick(Array("abcdefghijklmnopqrstuvwxyz")))
        case 91..<93: return .function(Int.random(in: 1...12, using: &random))
        case 93..<97:
            let kind = random.pick([MouseEvent.Kind.press, .press, .wheelUp, .wheelDown])
            return .mouse(
                MouseEvent(
                    kind: kind, x: Int.random(in: -1...max(0, width), using: &random),
                    y: Int.random(in: -1...max(0, height), using: &random)))
        default:
            if random.chance(0.5) { return .paste(random.pick(pastes)) }
            let scalars = (0..<Int.random(in: 0...40, using: &random)).compactMap { _ in
                UnicodeScalar(UInt32.random(in: 0...0x2FFFF, using: &random))
            }
            return .paste(String(scalars.map(Character.init)))
        }
    }

    /// A size from 0×0 to 300×100, mostly usable ones.
    static func size(_ random: inout SeededRandom) -> (width: Int, height: Int) {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return (0, 0)
        case 1: return (Int.random(in: 0...300, using: &random), Int.random(in: 0...100, using: &random))
        case 2: return (300, 100)
        case 3: return (Int.random(in: 0...70, using: &random), Int.random(in: 0...14, using: &random))
        default: return (Int.random(in: 60...160, using: &random), Int.random(in: 12...50, using: &random))
        }
    }

    /// Milliseconds between one read and the next: type-ahead speed, typing speed, or a pause.
    static func gap(_ random: inout SeededRandom) -> Int {
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<4: return Int.random(in: 0...60, using: &random)
        case 4..<8: return Int.random(in: 60...400, using: &random)
        default: return Int.random(in: 400...3000, using: &random)
        }
    }
}
