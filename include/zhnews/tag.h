/* SPDX-License-Identifier: MIT
 * The accurate tagger: Baidu's LAC "small" lexical-analysis network (character embedding, two
 * bidirectional GRU layers, CRF), run in plain C from the model Debian ships with jieba.
 * It gives every character a tag and merges them into words with a part-of-speech or
 * entity tag (PER, LOC, ORG, TIME). */
#ifndef ZHNEWS_ZHNEWS_TAG_H
#define ZHNEWS_ZHNEWS_TAG_H

#include "zhnews/common.h"

/* The loaded model: immutable after zn_tagger_open, shareable by any number of threads. */
typedef struct zn_tagger zn_tagger;

/* Opens the model in `model_dir`, the folder holding word.dic, tag.dic and model_baseline/
 * (jieba's lac_small). With model_dir NULL: $ZHNEWS_LAC_MODEL when set and not empty, else
 * the folder found when zhnews was built (see zn_tagger_default_dir).
 * Every parameter file is checked: header, data type (float32), shape against the other
 * files, and size. Returns ZN_OK; ZN_ERR_NOT_FOUND (a file is missing, or no folder is
 * known); ZN_ERR_IO, ZN_ERR_PERMISSION; ZN_ERR_DATA for a bad file, with a message naming
 * the file and the byte offset, e.g.
 *   "lac_small/model_baseline/gru_0.w_0: truncated tensor data (offset 28: need 196608
 *    bytes, 1000 left)";
 * ZN_ERR_NOMEM. On failure *out is NULL. The model takes about 13 MB. */
ZN_API zn_status zn_tagger_open(zn_tagger **out, const char *model_dir, zn_error *err);

/* Frees the model. Accepts NULL. The words of lists filled by it must not be read
 * afterwards (their tags point at the model's names); the lists themselves may be cleared
 * or used with another model. */
ZN_API void zn_tagger_close(zn_tagger *t);

/* The model folder compiled in at build time (make variable LAC_MODEL_DIR), or NULL when the
 * build found none. Cannot fail; the string is static. */
ZN_API const char *zn_tagger_default_dir(void);

/* Number of character tags of the model (57 for lac_small) and the name of tag `id`
 * ("n-B", "PER-I", "O"); NULL when id is out of range. Cannot fail; the name lives as long
 * as the tagger. */
ZN_API size_t zn_tagger_tag_count(const zn_tagger *t);
ZN_API const char *zn_tagger_tag_name(const zn_tagger *t, size_t id);

/* Entity class of a word, from its tag. */
typedef enum zn_tag_entity {
    ZN_TAG_ENTITY_NONE = 0,
    ZN_TAG_ENTITY_PER,  /* person */
    ZN_TAG_ENTITY_LOC,  /* place */
    ZN_TAG_ENTITY_ORG,  /* organisation */
    ZN_TAG_ENTITY_TIME, /* date or time expression */
} zn_tag_entity;

/* One word: characters merged as LAC does (a word starts at a "-B" tag, or at "O" after a
 * tag that is not "O"). */
typedef struct zn_tag_word {
    zn_span span;          /* bytes of the text given to zn_tagger_run */
    size_t first_char;     /* index of its first character (code point) in that text */
    size_t n_chars;        /* number of characters, >= 1 */
    const char *tag;       /* "n", "v", "w", "nr", "PER", "LOC", "ORG", "TIME", "O", ...;
                            * owned by the tagger */
    zn_tag_entity entity;  /* from the tag */
} zn_tag_word;

/* Private working memory of a tag list (buffers reused from run to run). */
struct zn_tag_scratch;

/* The result of one zn_tagger_run, caller-owned: initialise with zn_tag_list_init, reuse
 * for any number of runs (each run replaces the content), release with zn_tag_list_clear.
 * One list belongs to one thread at a time; use one list per thread. */
typedef struct zn_tag_list {
    zn_tag_word *words;    /* n_words words in text order */
    size_t n_words;
    uint16_t *char_tags;   /* n_chars model tag ids, one per character (zn_tagger_tag_name) */
    size_t *char_offsets;  /* n_chars + 1 byte offsets: character i is
                            * [char_offsets[i], char_offsets[i + 1]) */
    size_t n_chars;
    struct zn_tag_scratch *scratch; /* private */
} zn_tag_list;

/* Makes an empty list. Cannot fail. */
ZN_API void zn_tag_list_init(zn_tag_list *list);

/* Frees everything the list holds and leaves it empty and reusable. Cannot fail. */
ZN_API void zn_tag_list_clear(zn_tag_list *list);

/* Tags the UTF-8 text s[0..len) (need not be NUL-terminated) into *out.
 * Before the network sees it, each character is mapped to what the model knows: full-width
 * ASCII forms (U+FF01–U+FF5E) and U+3000 to ASCII, Traditional characters to Simplified
 * (OpenCC's character table), one character for one, so all offsets refer to `s` as given.
 * A byte that is not valid UTF-8 counts as one unknown character. Each line is tagged on
 * its own (LAC knows sentences and lines; a line break, \n or \r, is a one-character piece
 * of its own); a line longer than ZN_TAG_SEGMENT_CHARS characters is cut into pieces after
 * sentence ends (。！？ …), else after commas, else at that length. Whole articles may
 * be given: their pieces go through the network four at a time.
 * Returns ZN_OK or ZN_ERR_NOMEM (then *out is empty). The tagger is only read: any number
 * of threads may run it at once, each with its own list.
 * Example: "罗智泉在深圳" gives 罗智泉/PER 在/p 深圳/LOC. */
#define ZN_TAG_SEGMENT_CHARS 512
ZN_API zn_status zn_tagger_run(const zn_tagger *t, const char *s, size_t len, zn_tag_list *out,
                               zn_error *err);

/* Tags n texts in one call: outs[i] receives what zn_tagger_run(t, texts[i], lens[i], ...)
 * would give, exactly. Faster for many short texts (the sentences or paragraphs of an
 * article): pieces of similar length go through the recurrent layers four at a time, so
 * each pass over the weights serves four. outs holds n distinct lists; outs[0] also holds
 * the call's working memory.
 * Returns ZN_OK or ZN_ERR_NOMEM (then every list is empty). Thread safety as
 * zn_tagger_run: the lists belong to the calling thread. */
ZN_API zn_status zn_tagger_run_many(const zn_tagger *t, const char *const *texts,
                                    const size_t *lens, size_t n, zn_tag_list *outs,
                                    zn_error *err);

#endif
