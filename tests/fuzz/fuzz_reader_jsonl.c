/* SPDX-License-Identifier: MIT
 * Fuzz target: the jsonl container of the reader (see fuzz_reader.h). */
#define FUZZ_FORMAT ZN_FORMAT_JSONL
#include "fuzz_reader.h"
