# Reliability (issue 9): libFuzzer targets, the golden tests under valgrind, batch under
# ThreadSanitizer. The bad-input suite tests/bad/run.sh runs with the other suites.
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="decode json"] [-j2]
#       builds every tests/fuzz/fuzz_NAME.c with clang -fsanitize=fuzzer,address,undefined
#       into $(BUILD)/fuzz/ (the library is rebuilt there with the same instrumentation) and
#       runs each for FUZZ_SECONDS on tests/fuzz/corpus/NAME (new inputs go to
#       $(BUILD)/fuzz/corpus/NAME, crashes to $(BUILD)/fuzz/artifacts/). With -j2 two run at
#       a time. The last lines of every log ($(BUILD)/fuzz/NAME.log) are printed.
#   make fuzz-regress      replays tests/fuzz/regress/TARGET-what (inputs that crashed once)
#                          through their targets, without fuzzing
#   make check-valgrind    golden inputs under valgrind memcheck: no error, no leak
#   make check-tsan        zhnews batch -j 4 on 500 generated files under ThreadSanitizer

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_DIR := $(BUILD)/fuzz
FUZZ_ALL := $(sort $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_TARGETS ?= $(FUZZ_ALL)
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_LIB := $(FUZZ_DIR)/libzhnews.a
FUZZ_BINS := $(FUZZ_ALL:%=$(FUZZ_DIR)/fuzz_%)
FUZZ_LEX := $(BUILD)/zhnews.lex

.PHONY: fuzz fuzz-build fuzz-lib fuzz-regress check-valgrind check-tsan check-known $(FUZZ_ALL:%=fuzz-run-%)

fuzz: $(FUZZ_TARGETS:%=fuzz-run-%) ## run every libFuzzer target for FUZZ_SECONDS (clang)

fuzz-build: $(FUZZ_BINS)

# The library with fuzzer coverage and the sanitizers; the sub-make tracks dependencies.
fuzz-lib:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_DIR) CC=$(FUZZ_CC) CFLAGS="-O1 -g" \
	    SAN_FLAGS="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" $(FUZZ_LIB)

$(FUZZ_LIB): fuzz-lib

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_util.h tests/fuzz/fuzz_reader.h \
    $(FUZZ_LIB) $(FUZZ_LEX)
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 $(ZN_WARN) -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) -D_GNU_SOURCE \
	    -Iinclude -Isrc $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null) \
	    -DFUZZ_LEXICON='"$(FUZZ_LEX)"' -o $@ $< $(FUZZ_LIB) $(ZN_LDLIBS)

$(FUZZ_ALL:%=fuzz-run-%): fuzz-run-%: $(FUZZ_DIR)/fuzz_%
	@mkdir -p $(FUZZ_DIR)/corpus/$* $(FUZZ_DIR)/artifacts
	@echo "fuzz $*: $(FUZZ_SECONDS) s, log $(FUZZ_DIR)/$*.log"
	@$< -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -max_len=8192 -timeout=20 \
	    -rss_limit_mb=3072 -artifact_prefix=$(FUZZ_DIR)/artifacts/$*- \
	    $(FUZZ_DIR)/corpus/$* tests/fuzz/corpus/$* >$(FUZZ_DIR)/$*.log 2>&1; \
	    status=$$?; grep -E '^#[0-9]+ +DONE|^stat::number_of_executed_units|SUMMARY' \
	    $(FUZZ_DIR)/$*.log | sed 's/^/  $*: /'; \
	    if [ $$status != 0 ]; then echo "fuzz $*: FAILED (status $$status), see $(FUZZ_DIR)/$*.log"; \
	    grep -A30 'ERROR\|invariant' $(FUZZ_DIR)/$*.log | head -40; exit 1; fi

fuzz-regress: $(FUZZ_BINS) ## replay the inputs that once crashed a fuzz target
	@status=0; for f in tests/fuzz/regress/*; do t=$${f##*/}; t=$${t%%-*}; \
	    if $(FUZZ_DIR)/fuzz_$$t $$f >$(FUZZ_DIR)/regress.log 2>&1; then echo "ok $$f"; \
	    else echo "not ok $$f"; grep -m3 'ERROR\|runtime error\|invariant' $(FUZZ_DIR)/regress.log; \
	    status=1; fi; done; exit $$status

check-valgrind: all ## the golden tests under valgrind memcheck (no errors, no leaks)
	@sh tests/bad/valgrind.sh $(BUILD)

# batch under ThreadSanitizer: the CLI is rebuilt in $(BUILD)/tsan with -fsanitize=thread.
check-tsan: all ## zhnews batch -j 4 on 500 generated files under ThreadSanitizer
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/tsan CFLAGS="-O1 -g" \
	    SAN_FLAGS="-fsanitize=thread" $(BUILD)/tsan/zhnews
	@sh tests/bad/tsan.sh $(BUILD)/tsan/zhnews $(FUZZ_LEX)

# Regression checks of fixed bugs, run by tests/bad/run.sh (so by `make check`, ASan too).
REGRESS_LIB := $(BUILD)/tests/bad/regress_lib
CHECK_EXTRA += $(REGRESS_LIB)
$(REGRESS_LIB): tests/bad/regress_lib.c $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ZN_CPPFLAGS) $(CPPFLAGS) $(ZN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_A) \
	    $(ZN_LDLIBS) $(LDLIBS)

# Regression checks of open bugs (tests/bad/known.sh); not part of `make check`.
check-known: all ## open bugs found by fuzzing (fail until fixed)
	@sh tests/bad/known.sh $(BUILD)
