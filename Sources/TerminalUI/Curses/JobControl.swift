#if canImport(Glibc)
    import Glibc
#endif

/// Whether stopping the process (Ctrl-Z) can be undone by a shell's `fg`.
///
/// A process group is orphaned when no member's parent is in another group of the same session:
/// nobody with job control is watching it (the dashboard was started with `exec`, or by a script
/// without job control). The kernel ignores Ctrl-Z for such a group, and a process that stopped
/// itself there would stay stopped, its terminal frozen, until someone found it and sent SIGCONT.
enum JobControl {
    /// True when our parent is a job-control shell: in our session, in another process group.
    static var canStop: Bool {
        let parent = getppid()
        guard parent > 1 else { return false }
        return getsid(parent) == getsid(0) && getpgid(parent) != getpgrp()
    }
}
