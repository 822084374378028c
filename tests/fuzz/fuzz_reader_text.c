/* SPDX-License-Identifier: MIT
 * Fuzz target: the text container of the reader (see fuzz_reader.h). */
#define FUZZ_FORMAT ZN_FORMAT_TEXT
#include "fuzz_reader.h"
