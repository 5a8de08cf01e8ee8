/// A key press or mouse event, decoded from curses by the terminal backend.
public enum Key: Sendable, Hashable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Control plus a letter, lower-case (`.control("l")` is Ctrl-L).
    case control(Character)
    case mouse(MouseEvent)
    case function(Int)
    /// Text the terminal marked as pasted (bracketed paste, DEC mode 2004): one event, so that no
    /// pasted character can act as a key.
    case paste(String)
}

public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
