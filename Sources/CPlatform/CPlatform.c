#define _GNU_SOURCE
#include "CPlatform.h"
#include <malloc.h>
#include <pty.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
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
