import CNCursesw
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The only code that calls ncurses, and only from the thread that created it.
///
/// It copies a `CellBuffer` to the screen (`werase`, draw, `wnoutrefresh`, one `doupdate`):
/// ncurses compares with what the terminal shows and sends only the difference, so redrawing the
/// whole frame from state costs nothing when nothing changed.
final class CursesTerminal {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let theme: Theme
    private let colors: Bool
    private var attributes: [ColorRole: (attr: attr_t, pair: Int16)] = [:]
    private var ended = false
    /// Folds bracketed pastes, which ncurses delivers as loose keys, into `.paste` events.
    private var pastes = PasteDecoder()

    /// Takes over the terminal. Falls back to `xterm-256color` (then `vt100`) when the terminal
    /// type is unknown here, instead of letting ncurses exit the process.
    init(theme: Theme, noColor: Bool) throws {
        setlocale(LC_ALL, "")
        DisplayWidth.prepareLocale()
        var opened = newterm(nil, shim_stdout(), shim_stdin())
        if opened == nil {
            for fallback in ["xterm-256color", "vt100"] {
                opened = newterm(fallback, shim_stdout(), shim_stdin())
                if opened != nil { break }
            }
        }
        guard let opened else {
            throw TerminalError(message: "cannot start the terminal (TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "unset"))")
        }
        screen = opened
        guard let std = shim_stdscr() else { throw TerminalError(message: "curses gave no screen") }
        window = std
        self.theme = theme
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        set_escdelay(25)
        curs_set(0)
        leaveok(window, true)
        scrollok(window, false)
        mousemask(shim_button1_pressed() | shim_button4_pressed() | shim_button5_pressed(), nil)
        mouseinterval(0)
        colors = !noColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
        }
        setUpRoles()
        // Pasted text arrives marked, so that it can never act as keys (see `PasteDecoder`).
        Self.writeToTerminal(PasteDecoder.enable)
    }

    /// Writes a mode sequence curses does not know about straight to the terminal. Its order
    /// with curses' buffered output does not matter: a mode is not drawn.
    static func writeToTerminal(_ sequence: String) {
        var bytes = Array(sequence.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    /// Columns and rows of the terminal as curses knows them.
    var size: (width: Int, height: Int) { (Int(shim_getmaxx(window)), Int(shim_getmaxy(window))) }

    /// Asks the kernel for the window size and tells curses (after SIGWINCH).
    func resizeFromKernel() {
        var ws = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0, ws.ws_col > 0 {
            resizeterm(Int32(ws.ws_row), Int32(ws.ws_col))
        }
    }

    /// Rings the terminal's bell (or flashes it, where the user made the bell visual).
    func bell() {
        beep()
    }

    /// Writes a notification (OSC 9 and OSC 777) to the terminal, after the frame curses drew:
    /// curses' output is flushed by then, so the sequence cannot land inside a cell.
    func notify(_ sequence: String) {
        Self.writeToTerminal(sequence)
    }

    /// Forces a full repaint on the next draw (Ctrl-L).
    func invalidate() {
        clearok(shim_curscr(), true)
    }

    func draw(_ buffer: CellBuffer) {
        werase(window)
        let (width, height) = size
        for y in 0..<min(height, buffer.height) {
            var x = 0
            while x < min(width, buffer.width) {
                let role = buffer[x, y].role
                var run: [wchar_t] = []
                let start = x
                while x < min(width, buffer.width), buffer[x, y].role == role {
                    let cell = buffer[x, y]
                    if !cell.isContinuation {
                        for scalar in cell.text.unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) }
                    }
                    x += 1
                }
                // The bottom-right cell cannot be written without scrolling; leave it blank.
                if y == height - 1, x == width, !run.isEmpty, start < x { run.removeLast() }
                let style = attributes[role] ?? (0, 0)
                wattr_set(window, style.attr, style.pair, nil)
                run.withUnsafeBufferPointer { pointer in
                    _ = mvwaddnwstr(window, Int32(y), Int32(start), pointer.baseAddress, Int32(pointer.count))
                }
            }
        }
        wattr_set(window, 0, 0, nil)
        wnoutrefresh(window)
        doupdate()
    }

    /// Every pending key, decoded, a bracketed paste as one `.paste`. ncurses reports the end of
    /// input (EOF, EIO) as "no key", so an empty read is checked with `InputEnd` by the loop.
    func readKeys() -> [Key]? { pastes.feed(readRawKeys()) }

    private func readRawKeys() -> [Key] {
        var keys: [Key] = []
        while true {
            var ch: wint_t = 0
            let result = wget_wch(window, &ch)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                if let key = functionKey(Int32(ch)) { keys.append(key) }
            } else if let key = character(UInt32(ch)) {
                keys.append(key)
            }
            if keys.count > 256 { break }
        }
        return keys
    }

    /// Gives the terminal back to the shell and stops the process (Ctrl-Z); returns when it is
    /// continued (`fg`), with curses in charge again and the next draw a full repaint. Only from
    /// the curses thread, never from a signal handler.
    func suspend() {
        endwin()
        Self.writeToTerminal(PasteDecoder.disable + TerminalRestore.keypadOff)
        // SIGSTOP rather than SIGTSTP: our own SIGTSTP handler would only set the flag again.
        raise(SIGSTOP)
        resume()
    }

    /// After a stop and continue (ours or anyone's): curses back in program mode at the size the
    /// terminal has now, the whole screen to be painted again (the shell drew over it).
    func resume() {
        Self.writeToTerminal(PasteDecoder.enable)
        resizeFromKernel()
        invalidate()
    }

    func end() {
        guard !ended else { return }
        ended = true
        endwin()
        Self.writeToTerminal(PasteDecoder.disable)
        delscreen(screen)
    }

    deinit { end() }

    // MARK: - Private

    private func character(_ code: UInt32) -> Key? {
        switch code {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .control(Character(UnicodeScalar(code + 96)!))  // a…z
        default:
            guard let scalar = UnicodeScalar(code), code >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return nil  // handled through SIGWINCH
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let kind: MouseEvent.Kind
            if event.bstate & shim_button4_pressed() != 0 {
                kind = .wheelUp
            } else if shim_button5_pressed() != 0, event.bstate & shim_button5_pressed() != 0 {
                kind = .wheelDown
            } else if event.bstate & shim_button1_pressed() != 0 {
                kind = .press
            } else {
                return nil
            }
            return .mouse(MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y)))
        default:
            for n in 1...12 where code == shim_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    private func setUpRoles() {
        let count = Int(shim_colors())
        var pair: Int16 = 1
        for role in ColorRole.allCases {
            let style = theme.style(role)
            var attr: attr_t = 0
            if style.bold { attr |= shim_a_bold() }
            if style.dim { attr |= shim_a_dim() }
            if style.underline { attr |= shim_a_underline() }
            if style.reverse { attr |= shim_a_reverse() }
            var pairNumber: Int16 = 0
            if colors, Int(pair) < Int(shim_color_pairs()) {
                let fg = style.foreground.number(forTerminalColors: count).map(Int16.init) ?? -1
                let bg = style.background.number(forTerminalColors: count).map(Int16.init) ?? -1
                if fg != -1 || bg != -1 {
                    init_pair(pair, fg, bg)
                    pairNumber = pair
                    pair += 1
                }
            } else if !colors {
                attr |= Self.monochrome(role)
            }
            attributes[role] = (attr, pairNumber)
        }
    }

    /// Without colour, meaning is carried by attributes alone (the same as `ANSIText` shows).
    private static func monochrome(_ role: ColorRole) -> attr_t {
        let emphasis = role.monochromeEmphasis
        var attr: attr_t = 0
        if emphasis.reverse { attr |= shim_a_reverse() }
        if emphasis.bold { attr |= shim_a_bold() }
        if emphasis.dim { attr |= shim_a_dim() }
        if emphasis.underline { attr |= shim_a_underline() }
        return attr
    }
}
