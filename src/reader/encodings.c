/* SPDX-License-Identifier: MIT
 * The encodings the reader knows by name (for --from and for uchardet's answers) and how
 * iconv calls them. */
#include <ctype.h>
#include <string.h>

#include "reader/detect.h"
#include "util/error.h"

static const struct {
    const char *label;
    const char *iconv_name;
    bool ascii_safe;
    const char *aliases; // space-separated; compared ignoring case, '-' and '_'
} known[] = {
    {"UTF-8", NULL, true, "UTF8 ASCII US-ASCII"},
    {"GB18030", "GB18030", true, "GBK GB2312 CP936 EUC-CN MS936 WINDOWS-936 X-GBK"},
    {"BIG5", "BIG5-HKSCS", true, "BIG-5 CP950 BIG5-TW CN-BIG5 X-BIG5"},
    {"BIG5-HKSCS", "BIG5-HKSCS", true, "BIG5HKSCS"},
    {"UTF-16LE", "UTF-16LE", false, ""},
    {"UTF-16BE", "UTF-16BE", false, ""},
    {"UTF-16", "UTF-16", false, "UCS-2"},
    {"UTF-32LE", "UTF-32LE", false, ""},
    {"UTF-32BE", "UTF-32BE", false, ""},
    {"UTF-32", "UTF-32", false, "UCS-4"},
    {"EUC-TW", "EUC-TW", true, ""},
    {"ISO-2022-CN", "ISO-2022-CN", false, ""},
    {"ISO-2022-CN-EXT", "ISO-2022-CN-EXT", false, ""},
    {"SHIFT_JIS", "SHIFT_JIS", true, "SJIS CP932 MS-KANJI"},
    {"EUC-JP", "EUC-JP", true, ""},
    {"EUC-KR", "EUC-KR", true, "CP949 UHC"},
    {"WINDOWS-1252", "CP1252", true, "CP1252"},
    {"ISO-8859-1", "ISO-8859-1", true, "LATIN1 L1"},
};

// Compares two names ignoring case, '-' and '_'.
static bool same_name(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0;
    size_t j = 0;
    for (;;) {
        while (i < alen && (a[i] == '-' || a[i] == '_')) {
            i++;
        }
        while (j < blen && (b[j] == '-' || b[j] == '_')) {
            j++;
        }
        if (i == alen || j == blen) {
            return i == alen && j == blen;
        }
        if (toupper((unsigned char)a[i]) != toupper((unsigned char)b[j])) {
            return false;
        }
        i++;
        j++;
    }
}

static bool has_alias(const char *aliases, const char *name)
{
    const char *p = aliases;
    while (*p != '\0') {
        const char *sp = strchr(p, ' ');
        size_t n = sp != NULL ? (size_t)(sp - p) : strlen(p);
        if (n > 0 && same_name(p, n, name, strlen(name))) {
            return true;
        }
        p += n;
        while (*p == ' ') {
            p++;
        }
    }
    return false;
}

zn_status zn__encoding_lookup(zn__encoding *out, const char *name, const char *path,
                              zn_error *err)
{
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        const char *label = known[i].label;
        if (same_name(label, strlen(label), name, strlen(name)) ||
            has_alias(known[i].aliases, name)) {
            out->label = label;
            out->iconv_name = known[i].iconv_name;
            out->ascii_safe = known[i].ascii_safe;
            out->bom = 0;
            out->confidence = 1.0;
            return ZN_OK;
        }
    }
    return zn__error_at(err, ZN_ERR_INVALID_ARG, path,
                        "unknown encoding '%.40s' (try UTF-8, GB18030, BIG5, BIG5-HKSCS, UTF-16LE)",
                        name);
}
