# Normaliser (issue #4): compile the variant tables from data/variants/, Unihan (Debian
# unicode-data) and OpenCC's character dictionaries (libopencc-data, dumped with opencc_dict)
# into a C file under $(BUILD); it is linked into the library. Nothing generated is committed.

UNIHAN_DIR ?= $(patsubst %/,%,$(dir $(firstword $(shell dpkg -L unicode-data 2>/dev/null | \
    grep '/Unihan_Variants.txt.bz2$$'))))
OPENCC_DATA ?= $(patsubst %/,%,$(dir $(firstword $(shell dpkg -S STCharacters.ocd2 2>/dev/null | \
    sed -n 's|^.*: \(/.*/STCharacters.ocd2\)$$|\1|p'))))
OPENCC_DICT ?= opencc_dict
PYTHON3 ?= python3

NORM_GEN_DIR := $(BUILD)/gen/normalize
NORM_GEN_C := $(NORM_GEN_DIR)/variants_data.c
NORM_GEN_OBJ := $(BUILD)/obj/gen/normalize/variants_data.o
NORM_OCD := STCharacters TSCharacters TWVariants HKVariants JPVariants
NORM_OCD_TXT := $(NORM_OCD:%=$(NORM_GEN_DIR)/opencc/%.txt)

$(NORM_GEN_DIR)/opencc/%.txt:
	@mkdir -p $(@D)
	@test -n "$(OPENCC_DATA)" || { echo "normalize.mk: OpenCC data not found (install opencc or set OPENCC_DATA)" >&2; exit 1; }
	$(OPENCC_DICT) -i $(OPENCC_DATA)/$*.ocd2 -o $@.tmp -f ocd2 -t text
	mv $@.tmp $@

$(NORM_GEN_C): tools/variants_build.py $(wildcard data/variants/*.tsv) $(NORM_OCD_TXT)
	@mkdir -p $(@D)
	@test -n "$(UNIHAN_DIR)" || { echo "normalize.mk: Unihan not found (install unicode-data or set UNIHAN_DIR)" >&2; exit 1; }
	$(PYTHON3) tools/variants_build.py --unihan $(UNIHAN_DIR) --opencc $(NORM_GEN_DIR)/opencc \
	    --data data/variants -o $@

$(NORM_GEN_OBJ): $(NORM_GEN_C) src/normalize/variants_table.h
	@mkdir -p $(@D)
	$(CC) $(ZN_CPPFLAGS) $(CPPFLAGS) $(ZN_CFLAGS) $(CFLAGS) -c $< -o $@

$(LIB_A) $(LIB_SO): $(NORM_GEN_OBJ)
