/* SPDX-License-Identifier: MIT
 * The whole public API of libzhnews: one header per pipeline stage, plus the shared
 * lexicon and common types. */
#ifndef ZHNEWS_ZHNEWS_ZHNEWS_H
#define ZHNEWS_ZHNEWS_ZHNEWS_H

#include "zhnews/common.h"
#include "zhnews/reader.h"
#include "zhnews/lexicon.h"
#include "zhnews/tokenize.h"
#include "zhnews/article.h"
#include "zhnews/output.h"

#endif
