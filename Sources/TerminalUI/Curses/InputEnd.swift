#if canImport(Glibc)
    import Glibc
#endif

/// Tells a terminal that has gone away from one that merely has nothing to read.
///
/// When the terminal disappears without a SIGHUP (the SSH connection dropped and the process has
/// no controlling terminal, so nobody sends one), `poll(2)` keeps reporting stdin as readable
/// (a hung-up tty is readable, and reads give 0 or EIO for ever), and ncurses reports that as
/// "no key". A loop that only looks for keys then spins at 100 % of a core: every such wake-up
/// must be checked here.
public enum InputEnd {
    /// Whether `revents` from poll(2) on stdin already says it is over.
    public static func isHangUp(_ revents: Int16) -> Bool {
        revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// After poll(2) said `fd` was readable and reading it gave no key: true when it is at its
    /// end (EOF or an error) rather than between keys. A live terminal whose input was drained
    /// is not readable any more; one that is, with nothing to read (or that refuses to say how
    /// much there is), is gone.
    public static func hasEnded(_ fd: Int32) -> Bool {
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let result = poll(&ready, 1, 0)
        if result < 0 { return errno != EINTR }
        if result == 0 { return false }  // drained: a live terminal between keys
        if isHangUp(ready.revents) { return true }
        var available: Int32 = 0
        guard ioctl(fd, UInt(FIONREAD), &available) == 0 else { return true }  // EIO: hung up
        return available == 0  // readable, and nothing to read: end of file
    }
}
