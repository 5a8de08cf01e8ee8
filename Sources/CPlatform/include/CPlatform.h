#ifndef PROXYLITE_CPLATFORM_H
#define PROXYLITE_CPLATFORM_H
#include <stddef.h>
#include <sys/types.h>

/// Starts `path` with `argv` and `envp` on a new pseudo-terminal of `cols`×`rows`, as its
/// controlling terminal. Returns 0 and sets the master descriptor and the child's pid, or -1.
int cpty_spawn(const char *path, char *const argv[], char *const envp[], int cols, int rows, int *master_fd, pid_t *pid);
/// Caps glibc malloc at `arenas` arenas and fixes its mmap threshold (see MemoryTuning.swift). Returns 1 on success.
int csys_limit_malloc_arenas(int arenas);
/// Bytes of heap in use (glibc mallinfo2's uordblks), for the soak run's memory figures.
size_t csys_heap_in_use(void);
/// Starts `path` (searched in PATH when it has no slash) with `argv` and `envp` in a process group
/// of its own (POSIX_SPAWN_SETPGROUP: the group's id is the child's pid), with default signal
/// handling and an empty signal mask, and no descriptor of ours above 2. Its stdin is the read end
/// of a new pipe whose write end (close-on-exec, non-blocking) is returned in `stdin_fd`; its
/// stdout and stderr are `out_fd` and `err_fd`, or /dev/null where they are -1.
/// Returns 0 and sets `stdin_fd` and `pid`, or the errno of the failure (ENOENT: no such program).
int cproc_spawn_group(const char *path, char *const argv[], char *const envp[], int out_fd, int err_fd, int *stdin_fd, pid_t *pid);
/// Writes `count` bytes to the non-blocking `fd`, waiting in poll(2) for room, for at most
/// `timeout_ms` milliseconds in all, with SIGPIPE blocked on the calling thread: a reader gone
/// ends the writing with EPIPE rather than a signal that would end the process (the SIGPIPE it
/// raised is consumed). Returns the bytes written.
size_t cproc_write_all(int fd, const void *buffer, size_t count, int timeout_ms);
/// Blocks until the child `pid` has ended, without reaping it (waitid with WNOWAIT): its pid, and
/// so its process group's id, stays its own until waitpid. Returns 0, or -1 with errno.
int cproc_wait_ended(pid_t pid);
#endif
