# Batch and archive (issue 8): the keyword extractor's IDF table. tools/idf_build.py compiles
# python3-jieba's idf.txt, with the OpenCC forms of its words, into a C file under $(BUILD)
# that is linked into the library. JIEBA_IDF may point elsewhere: make JIEBA_IDF=/path/idf.txt

JIEBA_IDF ?= $(shell dpkg -L python3-jieba 2>/dev/null | grep '/jieba/analyse/idf\.txt$$' | head -n 1)
OPENCC_CLI ?= opencc
PYTHON3 ?= python3

IDF_GEN_C := $(BUILD)/gen/keywords/idf_data.c
IDF_GEN_OBJ := $(BUILD)/obj/gen/keywords/idf_data.o

$(IDF_GEN_C): tools/idf_build.py $(JIEBA_IDF)
	@mkdir -p $(@D)
	@test -n "$(JIEBA_IDF)" || { echo "batch.mk: python3-jieba's idf.txt not found (make deps, or JIEBA_IDF=...)" >&2; exit 1; }
	$(PYTHON3) tools/idf_build.py --idf $(JIEBA_IDF) --opencc $(OPENCC_CLI) -o $@

$(IDF_GEN_OBJ): $(IDF_GEN_C) src/extract/idf_table.h
	@mkdir -p $(@D)
	$(CC) $(ZN_CPPFLAGS) $(CPPFLAGS) $(ZN_CFLAGS) $(CFLAGS) -c $< -o $@

$(LIB_A) $(LIB_SO): $(IDF_GEN_OBJ)
