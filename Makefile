# zhnews — plain GNU make. `make help` lists the targets.
# CC, CFLAGS, CPPFLAGS, LDFLAGS and LDLIBS are yours; required flags live in ZN_* variables.

CC      ?= cc
CFLAGS  ?= -O2 -g
PREFIX  ?= /usr/local
BUILD   ?= build
PKG_CONFIG ?= pkg-config

# Debian packages the build and the tests need; `make deps` installs the missing ones.
DEBIAN_PACKAGES := build-essential pkg-config libuchardet-dev libopencc-dev opencc \
    python3-jieba libjansson-dev libutf8proc-dev libcmocka-dev unicode-data python3 jq \
    libicu-dev parallel

PKGS := uchardet opencc jansson libutf8proc
ZN_WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
    -Wformat=2 -Wvla -Wno-format-nonliteral
ZN_CFLAGS := -std=c11 $(ZN_WARN) -fPIC -fvisibility=hidden $(SAN_FLAGS)
ZN_CPPFLAGS := -D_GNU_SOURCE -Iinclude -Isrc -MMD -MP \
    $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
ZN_LDLIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lpthread -lm
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

LIB_SRC  := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_SUPPORT := $(sort $(wildcard tests/unit/support_*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SUPPORT_OBJ := $(TEST_SUPPORT:%.c=$(BUILD)/obj/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

LIB_A  := $(BUILD)/libzhnews.a
LIB_SO := $(BUILD)/libzhnews.so
CLI    := $(BUILD)/zhnews

.SECONDARY:

.PHONY: all deps check check-build unit golden cli-tests asan demo eval bench fuzz \
    install uninstall clean help
.DEFAULT_GOAL := all

all: $(LIB_A) $(LIB_SO) $(CLI) ## build the library, the CLI and the lexicon

deps: ## install missing Debian packages (apt-get, as root)
	@sh tools/install-deps.sh $(DEBIAN_PACKAGES)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ZN_CPPFLAGS) $(CPPFLAGS) $(ZN_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/obj/src/%.o: ZN_CPPFLAGS += -DZN_BUILDING_SHARED
$(BUILD)/obj/src/cli/inputs.o: ZN_CPPFLAGS += -DZN_DATADIR='"$(PREFIX)/share/zhnews"'
# Tests that need the real lexicon find the one of their build.
$(BUILD)/obj/tests/%.o: ZN_CPPFLAGS += -DZN_TEST_LEXICON='"$(BUILD)/zhnews.lex"' \
    -DZN_TEST_FIXTURE_LEXICON='"$(BUILD)/tests/fixture.lex"'


$(LIB_A): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

$(LIB_SO): $(LIB_OBJ)
	$(CC) -shared $(ZN_CFLAGS) $(CFLAGS) $(LDFLAGS) -Wl,-soname,libzhnews.so.0 -o $@ $^ \
	    $(ZN_LDLIBS) $(LDLIBS)

$(CLI): $(CLI_OBJ) $(LIB_A)
	$(CC) $(ZN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB_A) $(ZN_LDLIBS) $(LDLIBS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(TEST_SUPPORT_OBJ) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ZN_CFLAGS) $(CFLAGS) $(LDFLAGS) $(TEST_LDFLAGS) -o $@ $< $(TEST_SUPPORT_OBJ) \
	    $(LIB_A) $(ZN_LDLIBS) $(CMOCKA_LIBS) $(LDLIBS)

# Module fragments (lexicon build, extra tools) live in mk/*.mk.
MK_FILES ?= $(sort $(wildcard mk/*.mk))
-include $(MK_FILES)

check-build: all $(TEST_BIN) $(CHECK_EXTRA)

check: deps ## build, run every test, then again under ASan+UBSan
	$(MAKE) --no-print-directory check-build
	sh tests/run-tests.sh $(BUILD)
	$(MAKE) --no-print-directory BUILD=$(BUILD)/asan CFLAGS="-O1 -g" \
	    SAN_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	    check-build
	ASAN_OPTIONS=detect_leaks=1 sh tests/run-tests.sh $(BUILD)/asan

demo: deps all ## build and run zhnews on the bundled sample articles
	$(CLI) --pretty data/samples/*.txt

eval: all ## score against ../shared/eval (skips when absent)
	@sh tests/eval/run-eval.sh $(BUILD)

bench: all ## run the benchmarks in bench/ and print a table
	@sh bench/run-bench.sh $(BUILD)

install: all ## install under $(DESTDIR)$(PREFIX)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	    $(DESTDIR)$(PREFIX)/include/zhnews $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/zhnews
	install -m 755 $(CLI) $(DESTDIR)$(PREFIX)/bin/zhnews
	install -m 644 $(LIB_A) $(DESTDIR)$(PREFIX)/lib/libzhnews.a
	install -m 755 $(LIB_SO) $(DESTDIR)$(PREFIX)/lib/libzhnews.so.0
	ln -sf libzhnews.so.0 $(DESTDIR)$(PREFIX)/lib/libzhnews.so
	install -m 644 include/zhnews/*.h $(DESTDIR)$(PREFIX)/include/zhnews/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(shell sed -n 's/^#define ZN_VERSION "\(.*\)"/\1/p' include/zhnews/common.h)|g' \
	    -e 's|@REQUIRES@|$(PKGS)|g' zhnews.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/zhnews.pc
	install -m 644 doc/zhnews.1 $(DESTDIR)$(PREFIX)/share/man/man1/zhnews.1
	for f in $(INSTALL_DATA); do install -m 644 $$f $(DESTDIR)$(PREFIX)/share/zhnews/; done

uninstall: ## remove what install put under $(DESTDIR)$(PREFIX)
	rm -f $(DESTDIR)$(PREFIX)/bin/zhnews $(DESTDIR)$(PREFIX)/lib/libzhnews.a \
	    $(DESTDIR)$(PREFIX)/lib/libzhnews.so $(DESTDIR)$(PREFIX)/lib/libzhnews.so.0 \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig/zhnews.pc $(DESTDIR)$(PREFIX)/share/man/man1/zhnews.1
	rm -rf $(DESTDIR)$(PREFIX)/include/zhnews $(DESTDIR)$(PREFIX)/share/zhnews

clean: ## remove build/
	rm -rf $(BUILD)

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | sort

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_BIN:$(BUILD)/tests/%=$(BUILD)/obj/tests/unit/%.d)
