# The LAC tagger (src/tag/): where Debian's lac_small model is, and OpenCC's Traditional ->
# Simplified character table compiled into the library (generated under $(BUILD)/gen/tag/).

# The model folder compiled in as the default; override with `make LAC_MODEL_DIR=...` or at
# run time with $ZHNEWS_LAC_MODEL.
LAC_MODEL_DIR ?= $(shell dpkg -L python3-jieba 2>/dev/null | grep '/lac_small$$' | head -n 1)
# OpenCC's TSCharacters dictionary (from the libopencc package) and the tool that dumps it.
LAC_T2S_DICT ?= $(shell dpkg -S '*/opencc/TSCharacters.ocd2' 2>/dev/null | sed -n '1s/^[^:]*: //p')
OPENCC_DICT ?= opencc_dict
PYTHON ?= python3

$(BUILD)/obj/src/tag/model.o: ZN_CPPFLAGS += -DZN_LAC_MODEL_DIR='"$(LAC_MODEL_DIR)"'

LAC_T2S_C := $(BUILD)/gen/tag/t2s_table.c
LAC_T2S_O := $(BUILD)/obj/gen/tag/t2s_table.o

$(LAC_T2S_C): src/tag/gen_t2s.py
	@mkdir -p $(@D)
	@test -n "$(LAC_T2S_DICT)" || { echo "mk/tag.mk: OpenCC's TSCharacters.ocd2 not found" \
	    "(install libopencc-dev or set LAC_T2S_DICT)" >&2; exit 1; }
	$(OPENCC_DICT) -i $(LAC_T2S_DICT) -o $(@D)/TSCharacters.txt -f ocd2 -t text
	$(PYTHON) src/tag/gen_t2s.py $(@D)/TSCharacters.txt > $@.tmp
	mv $@.tmp $@

$(LAC_T2S_O): $(LAC_T2S_C)
	@mkdir -p $(@D)
	$(CC) $(ZN_CPPFLAGS) $(CPPFLAGS) $(ZN_CFLAGS) $(CFLAGS) -c $< -o $@

# The archive and the shared library take the generated table as one more object.
$(LIB_A): $(LAC_T2S_O)
$(LIB_SO): $(LAC_T2S_O)
