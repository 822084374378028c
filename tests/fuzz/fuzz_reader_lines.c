/* SPDX-License-Identifier: MIT
 * Fuzz target: the lines container of the reader (see fuzz_reader.h). */
#define FUZZ_FORMAT ZN_FORMAT_LINES
#include "fuzz_reader.h"
