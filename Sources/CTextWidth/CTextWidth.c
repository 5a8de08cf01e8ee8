#define _XOPEN_SOURCE 700
#include "CTextWidth.h"
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>

int ctw_wcwidth(uint32_t scalar) { return wcwidth((wchar_t)scalar); }

int ctw_ensure_utf8_ctype(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && strcmp(codeset, "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") != NULL) return 1;
    return setlocale(LC_CTYPE, "en_US.UTF-8") != NULL;
}
