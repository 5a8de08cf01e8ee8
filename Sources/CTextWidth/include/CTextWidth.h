#ifndef PROXYLITE_CTEXTWIDTH_H
#define PROXYLITE_CTEXTWIDTH_H
#include <stdint.h>

/// glibc wcwidth for one Unicode scalar: -1 for control characters, 0, 1 or 2 otherwise.
int ctw_wcwidth(uint32_t scalar);
/// Makes LC_CTYPE a UTF-8 locale: the user's if it is UTF-8, C.UTF-8 otherwise. Returns 1 on success.
int ctw_ensure_utf8_ctype(void);
#endif
