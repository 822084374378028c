/* SPDX-License-Identifier: MIT
 * AVX2+FMA kernels of the LAC network (x86-64 with GCC or Clang only). */
#ifndef ZHNEWS_TAG_KERNELS_AVX2_H
#define ZHNEWS_TAG_KERNELS_AVX2_H

#include "tag/tag_internal.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ZN__TAG_HAVE_AVX2 1
/* The AVX2+FMA kernel set; call only when the CPU supports both. Cannot fail. */
const zn__tag_kernels *zn__tag_kernels_avx2(void);
#else
#define ZN__TAG_HAVE_AVX2 0
#endif

#endif
