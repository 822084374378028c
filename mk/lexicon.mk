# The lexicon: tools/lexcompile (built for the build machine, optimised and without the
# sanitizers even in the sanitizer build, so that `make check` stays quick) turns python3-jieba's dict.txt,
# the OpenCC forms of its entries and jieba's HMM tables into $(BUILD)/zhnews.lex.
# JIEBA_DICT and JIEBA_HMM may point elsewhere: make JIEBA_DICT=/path/dict.txt

JIEBA_DICT ?= $(shell dpkg -L python3-jieba 2>/dev/null | grep '/jieba/dict\.txt$$' | head -n 1)
JIEBA_HMM ?= $(patsubst %/,%,$(dir $(shell dpkg -L python3-jieba 2>/dev/null | \
    grep '/jieba/finalseg/prob_emit\.py$$' | head -n 1)))

LEXCOMPILE := $(BUILD)/tools/lexcompile
LEXCOMPILE_SRC := tools/lexcompile.c tools/lexconv.c tools/lexhmm.c tools/lexwrite.c tools/lextrie.c \
    src/util/utf8.c
LEX_FIXTURE := $(BUILD)/tests/fixture.lex
# Words sharing first characters, so that the trie's child hash tables are tested too.
LEX_FIXTURE_WIDE := $(BUILD)/tests/fixture-wide.lex

all: $(BUILD)/zhnews.lex
INSTALL_DATA += $(BUILD)/zhnews.lex
CHECK_EXTRA += $(LEX_FIXTURE) $(LEX_FIXTURE_WIDE)

$(LEXCOMPILE): $(LEXCOMPILE_SRC) tools/lexcompile.h tools/lexwrite.h src/lexicon/lex_format.h
	@mkdir -p $(@D)
	$(CC) -std=c11 $(ZN_WARN) -D_GNU_SOURCE -Iinclude -Isrc -Itools \
	    $(shell $(PKG_CONFIG) --cflags opencc) $(CPPFLAGS) $(CFLAGS) -O2 $(LDFLAGS) \
	    -o $@ $(LEXCOMPILE_SRC) $(shell $(PKG_CONFIG) --libs opencc) -lm $(LDLIBS)

$(BUILD)/zhnews.lex: $(LEXCOMPILE) $(JIEBA_DICT)
	@test -n "$(JIEBA_DICT)" || { echo "lexicon: python3-jieba's dict.txt not found (make deps, or JIEBA_DICT=...)" >&2; exit 1; }
	$(LEXCOMPILE) --dict $(JIEBA_DICT) $(if $(JIEBA_HMM),--hmm $(JIEBA_HMM)) -o $@

# A tiny lexicon of our own words for the unit tests (with OpenCC forms and a small HMM).
$(LEX_FIXTURE): $(LEXCOMPILE) tests/fixtures/lexicon/dict.txt $(wildcard tests/fixtures/lexicon/prob_*.py)
	@mkdir -p $(@D)
	$(LEXCOMPILE) --dict tests/fixtures/lexicon/dict.txt --hmm tests/fixtures/lexicon -o $@

$(LEX_FIXTURE_WIDE): $(LEXCOMPILE) tests/fixtures/lexicon-wide/dict.txt
	@mkdir -p $(@D)
	$(LEXCOMPILE) --dict tests/fixtures/lexicon-wide/dict.txt --no-opencc -o $@
