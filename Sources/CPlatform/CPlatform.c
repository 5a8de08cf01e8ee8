#define _GNU_SOURCE
#include "CPlatform.h"
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <pthread.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

int cpty_spawn(const char *path, char *const argv[], char *const envp[], int cols, int rows, int *master_fd, pid_t *pid) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_col = (unsigned short)cols;
    size.ws_row = (unsigned short)rows;
    pid_t child = forkpty(master_fd, NULL, NULL, &size);
    if (child < 0) return -1;
    if (child == 0) {
        execve(path, argv, envp);
        _exit(127);
    }
    *pid = child;
    return 0;
}

int csys_limit_malloc_arenas(int arenas) {
#ifdef M_ARENA_MAX
    // A fixed mmap threshold also stops glibc from raising it after each large free, which would
    // put the next 20 MB answer on the heap, where its pages are not given back.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    return mallopt(M_ARENA_MAX, arenas);
#else
    (void)arenas;
    return 0;
#endif
}

size_t csys_heap_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return info.uordblks;
}

int cproc_spawn_group(const char *path, char *const argv[], char *const envp[], int out_fd, int err_fd, int *stdin_fd, pid_t *pid) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return errno;
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int result = posix_spawn_file_actions_init(&actions);
    if (result != 0) {
        close(fds[0]);
        close(fds[1]);
        return result;
    }
    result = posix_spawnattr_init(&attributes);
    if (result != 0) {
        posix_spawn_file_actions_destroy(&actions);
        close(fds[0]);
        close(fds[1]);
        return result;
    }
    // dup2 clears close-on-exec on the copy; the originals close at exec.
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
    if (out_fd >= 0) posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
    else posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    if (err_fd >= 0) posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    else posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
#endif
    sigset_t empty, defaults;
    sigemptyset(&empty);
    sigemptyset(&defaults);
    // Ignored signals stay ignored across exec (the dashboard ignores SIGPIPE): give them back.
    for (int sig = 1; sig < 32; sig++) {
        if (sig != SIGKILL && sig != SIGSTOP) sigaddset(&defaults, sig);
    }
    posix_spawnattr_setsigmask(&attributes, &empty);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t child = 0;
    if (strchr(path, '/') != NULL) {
        result = posix_spawn(&child, path, &actions, &attributes, argv, envp);
    } else {
        result = posix_spawnp(&child, path, &actions, &attributes, argv, envp);
    }
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[0]);
    if (result != 0) {
        close(fds[1]);
        return result;
    }
    int flags = fcntl(fds[1], F_GETFL);
    if (flags >= 0) fcntl(fds[1], F_SETFL, flags | O_NONBLOCK);
    *stdin_fd = fds[1];
    *pid = child;
    return 0;
}

static long long cproc_now_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

size_t cproc_write_all(int fd, const void *buffer, size_t count, int timeout_ms) {
    sigset_t pipe_only, old;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_only, &old);
    const char *bytes = buffer;
    size_t done = 0;
    long long deadline = cproc_now_ms() + timeout_ms;
    while (done < count) {
        long long left = deadline - cproc_now_ms();
        if (left <= 0) break;
        struct pollfd pfd = {fd, POLLOUT, 0};
        int ready = poll(&pfd, 1, (int)left);
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) break;
        ssize_t written = write(fd, bytes + done, count - done);
        if (written > 0) {
            done += (size_t)written;
        } else if (written < 0 && (errno == EINTR || errno == EAGAIN)) {
            continue;
        } else {
            if (written < 0 && errno == EPIPE) {
                // The signal this write raised is pending on this thread: take it before unblocking.
                struct timespec zero = {0, 0};
                while (sigtimedwait(&pipe_only, NULL, &zero) == SIGPIPE) {
                }
            }
            break;
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return done;
}

int cproc_wait_ended(pid_t pid) {
    siginfo_t info;
    for (;;) {
        memset(&info, 0, sizeof info);
        if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT) == 0) return 0;
        if (errno != EINTR) return -1;
    }
}
