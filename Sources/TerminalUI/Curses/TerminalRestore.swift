import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Puts the terminal back if the process dies abnormally (a trap in Swift code, a crash), where
/// `endwin` never runs: the tty modes saved before curses started are restored and the escape
/// sequences that leave the alternate screen and show the cursor are written, all with
/// async-signal-safe calls, then the signal is raised again so that it still ends the process.
enum TerminalRestore {
    // Written once before the handlers are installed, then only read, from signal handlers.
    nonisolated(unsafe) static var saved = termios()
    nonisolated(unsafe) static var hasSaved = false

    static func install() {
        hasSaved = tcgetattr(STDIN_FILENO, &saved) == 0
        for sig in [SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGABRT] {
            Glibc.signal(sig) { number in
                if TerminalRestore.hasSaved { _ = tcsetattr(STDIN_FILENO, TCSANOW, &TerminalRestore.saved) }
                let reset: StaticString = "\u{1b}[0m\u{1b}[?1000l\u{1b}[?1049l\u{1b}[?25h\r\n"
                _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}
