/* SPDX-License-Identifier: MIT
 * Stage 5, the extractor (entities): companies, universities, labs, other organisations,
 * media, people and places, each with a canonical name, aliases, roles and every mention.
 * Works on plain text alone and gets better with the tokenizer's words and LAC's tags. */
#ifndef ZHNEWS_ZHNEWS_EXTRACT_H
#define ZHNEWS_ZHNEWS_EXTRACT_H

#include "zhnews/common.h"
#include "zhnews/lexicon.h"
#include "zhnews/tag.h"
#include "zhnews/tokenize.h"

/* The kind of an entity. Values are stable; zn_entity_type_name gives the JSON name. */
typedef enum zn_entity_type {
    ZN_ENTITY_COMPANY = 0,
    ZN_ENTITY_UNIVERSITY,
    ZN_ENTITY_LAB,
    ZN_ENTITY_ORGANIZATION, /* government bodies, associations, parks, schools, parties, teams */
    ZN_ENTITY_MEDIA,
    ZN_ENTITY_PERSON,
    ZN_ENTITY_PLACE,
} zn_entity_type;

#define ZN_ENTITY_TYPE_COUNT 7

/* "company", "university", "lab", "organization", "media", "person", "place"; "unknown" for
 * a value outside the enum. Cannot fail; the string is static. */
ZN_API const char *zn_entity_type_name(zn_entity_type type);

/* One entity of a text. Strings are NUL-terminated UTF-8 owned by the zn_entities result;
 * mentions are byte spans into the text given to zn_entities_extract (the writer converts
 * them to code points), sorted by start, never overlapping each other or another entity's.
 * Example, for "香港中文大學(深圳)副校長羅智泉介紹說……羅智泉說": name "羅智泉", type
 * ZN_ENTITY_PERSON, roles {"副校長"}, two mentions. */
typedef struct zn_entity {
    const char *name;         /* canonical name, as written in the text */
    zn_entity_type type;
    const char *const *aliases; /* other names of the same entity, n_aliases of them */
    size_t n_aliases;
    const char *const *roles; /* titles given to a person (副校長, 記者), n_roles of them */
    size_t n_roles;
    const zn_span *mentions;  /* n_mentions spans; the entity's count is n_mentions */
    size_t n_mentions;
} zn_entity;

/* One mention in text order, for line-by-line output: its span and its entity's index, and
 * the same span in code points of the text (cp_start, cp_end: characters [cp_start, cp_end),
 * counted from the text's start), which the extractor knows anyway: a writer that reports
 * code-point offsets of the text as given need not count them again. */
typedef struct zn_entity_mention {
    zn_span span;
    size_t entity;
    size_t cp_start;
    size_t cp_end;
} zn_entity_mention;

/* The entities of one text (opaque; read with the functions below, free with
 * zn_entities_free). Immutable once made: any number of threads may read it. */
typedef struct zn_entities zn_entities;

/* What the extractor reads. Only text is required; the optional analyses make it better:
 *   tokens  the tokenizer's words (POS tags nr, ns, nt, nz ... from the lexicon);
 *   tags    LAC's words (PER, LOC, ORG and POS tags), zn_tagger_run on the same text;
 *   lex     the lexicon, asked whether a candidate name is a common word.
 * All spans must refer to text. Everything is borrowed for the duration of the call. */
typedef struct zn_extract_input {
    const char *text;              /* UTF-8, need not be NUL-terminated */
    size_t len;
    const zn_token *tokens;        /* may be NULL */
    size_t n_tokens;
    const zn_tag_word *tags;       /* may be NULL */
    size_t n_tags;
    const zn_lexicon *lex;         /* may be NULL */
} zn_extract_input;

/* Finds the entities of in->text. Entities come in order of first mention. Names stay
 * whole when nested or parenthesised (香港中文大學(深圳), 騰訊AI Lab); mentions are merged into
 * one entity across case of Latin letters (騰訊AI lab = 騰訊AI Lab), Traditional and
 * Simplified forms, legal-form suffixes (京東集團 → 京東), short names declared in the text
 * (（以下簡稱「X」）) and list abbreviations (ATJ(阿里巴巴、騰訊、京東): entity "ATJ" with the
 * members as aliases, while each member stays an entity of its own). Generic phrases
 * (聯合實驗室, 該校, 雙方) are never entities.
 * Returns ZN_OK; ZN_ERR_INVALID_ARG when out or in is NULL, in->text is NULL with len > 0,
 * the text is not valid UTF-8, or a token or tag span lies outside the text or does not
 * fall on character boundaries (the message names the offset); ZN_ERR_NOMEM. On failure
 * *out is NULL. Thread-safe: the function keeps no state. */
ZN_API zn_status zn_entities_extract(zn_entities **out, const zn_extract_input *in,
                                     zn_error *err);

/* Frees the result and every string and span it holds. Accepts NULL. */
ZN_API void zn_entities_free(zn_entities *ents);

/* Number of entities (0 for NULL) and entity i (NULL when i is out of range). The entity
 * lives as long as the result. Cannot fail. */
ZN_API size_t zn_entities_count(const zn_entities *ents);
ZN_API const zn_entity *zn_entities_get(const zn_entities *ents, size_t i);

/* All mentions of all entities in text order; *count (output) receives their number.
 * Returns NULL with *count 0 when there are none. Cannot fail. */
ZN_API const zn_entity_mention *zn_entities_mentions(const zn_entities *ents, size_t *count);

#endif
