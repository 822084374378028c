/* SPDX-License-Identifier: MIT
 * Deciding whether a text is Traditional or Simplified Chinese, with OpenCC's converters:
 * characters that t2s changes are Traditional-only, those s2t changes Simplified-only. */
#ifndef ZHNEWS_PIPELINE_SCRIPT_H
#define ZHNEWS_PIPELINE_SCRIPT_H

#include "zhnews/output.h"

typedef struct script_detector script_detector;

/* Opens the two OpenCC converters. ZN_OK, ZN_ERR_EXTERNAL (OpenCC data missing), or
 * ZN_ERR_NOMEM; on failure *out is NULL. One detector per thread. */
zn_status zn__script_detector_new(script_detector **out, zn_error *err);

/* Frees. Accepts NULL. */
void zn__script_detector_free(script_detector *d);

/* The script of the first few thousand bytes of s[0..len) (valid UTF-8). Cannot fail: a
 * conversion error gives ZN_SCRIPT_UNKNOWN. */
zn_script zn__script_detect(script_detector *d, const char *s, size_t len);

#endif
