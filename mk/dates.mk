# Dates (issue 7): the lunar calendar table is computed at build time with ICU's Chinese
# calendar (tools/date_lunar.c) and compiled into the library; nothing of ICU at run time.

DATE_LUNAR_TOOL  := $(BUILD)/tools/date_lunar
DATE_LUNAR_TABLE := $(BUILD)/gen/date_lunar_table.h
ICU_CFLAGS := $(shell $(PKG_CONFIG) --cflags icu-i18n 2>/dev/null)
ICU_LIBS   := $(shell $(PKG_CONFIG) --libs icu-i18n 2>/dev/null)

$(DATE_LUNAR_TOOL): tools/date_lunar.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(ZN_WARN) $(ICU_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(ICU_LIBS) $(LDLIBS)

$(DATE_LUNAR_TABLE): $(DATE_LUNAR_TOOL)
	@mkdir -p $(@D)
	$(DATE_LUNAR_TOOL) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/src/extract/date_lunar.o: $(DATE_LUNAR_TABLE)
$(BUILD)/obj/src/extract/date_lunar.o: ZN_CPPFLAGS += -I$(BUILD)/gen

# Characters that may start a date word, taken from the word tables themselves.
DATE_STARTS := $(BUILD)/gen/date_starts.h
$(DATE_STARTS): tools/date_starts.py src/extract/date_fold.h $(wildcard src/extract/date_*.c)
	@mkdir -p $(@D)
	python3 tools/date_starts.py --fold src/extract/date_fold.h \
	    $(wildcard src/extract/date_*.c) > $@.tmp && mv $@.tmp $@

# Every date file sees the table bits (DATE_LIST_*); date_text.c holds the tables.
DATE_OBJS := $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard src/extract/date_*.c))
$(DATE_OBJS): $(DATE_STARTS)
$(DATE_OBJS): ZN_CPPFLAGS += -I$(BUILD)/gen
