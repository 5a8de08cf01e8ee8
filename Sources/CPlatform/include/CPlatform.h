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
#endif
