# The reader's character tables: src/reader/gen_tables.py derives, from python3-jieba's
# dict.txt and its OpenCC conversions, how common each ideograph is and which script uses
# it, as one C table compiled into the library (see src/reader/hantable.h).
PYTHON3 ?= python3
JIEBA_DICT ?= $(shell dpkg -L python3-jieba 2>/dev/null | grep '/jieba/dict\.txt$$' | head -n 1)
READER_TABLE_C := $(BUILD)/gen/reader_hantable.c
READER_TABLE_O := $(BUILD)/obj/gen/reader_hantable.o

$(READER_TABLE_C): src/reader/gen_tables.py $(JIEBA_DICT)
	@test -n "$(JIEBA_DICT)" || { echo "reader: python3-jieba's dict.txt not found (make deps, or JIEBA_DICT=...)" >&2; exit 1; }
	@mkdir -p $(@D)
	$(PYTHON3) src/reader/gen_tables.py $(JIEBA_DICT) $@.tmp
	mv $@.tmp $@

$(READER_TABLE_O): $(READER_TABLE_C) src/reader/hantable.h
	@mkdir -p $(@D)
	$(CC) $(ZN_CPPFLAGS) -DZN_BUILDING_SHARED $(CPPFLAGS) $(ZN_CFLAGS) $(CFLAGS) -c $< -o $@

$(LIB_A) $(LIB_SO): $(READER_TABLE_O)
