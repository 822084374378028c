# The extractor's word lists: tools/gen_entities.py compiles data/entities/*.txt (and the
# Traditional-to-Simplified character table of OpenCC's t2s, run once at build time) into
# one C table that is compiled into the library.
PYTHON3 ?= python3
OPENCC ?= opencc
ENTITY_DATA := $(sort $(wildcard data/entities/*.txt))
ENTITY_TABLE_C := $(BUILD)/gen/entity_tables.c
ENTITY_TABLE_O := $(BUILD)/obj/gen/entity_tables.o

$(ENTITY_TABLE_C): tools/gen_entities.py $(ENTITY_DATA)
	@mkdir -p $(@D)
	$(PYTHON3) tools/gen_entities.py data/entities $@.tmp --opencc $(OPENCC)
	mv $@.tmp $@

$(ENTITY_TABLE_O): $(ENTITY_TABLE_C) src/extract/entity_data.h
	@mkdir -p $(@D)
	$(CC) $(ZN_CPPFLAGS) -DZN_BUILDING_SHARED $(CPPFLAGS) $(ZN_CFLAGS) $(CFLAGS) -c $< -o $@

$(LIB_A) $(LIB_SO): $(ENTITY_TABLE_O)
