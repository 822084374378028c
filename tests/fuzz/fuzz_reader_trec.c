/* SPDX-License-Identifier: MIT
 * Fuzz target: the trec container of the reader (see fuzz_reader.h). */
#define FUZZ_FORMAT ZN_FORMAT_TREC
#include "fuzz_reader.h"
