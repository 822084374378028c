/* SPDX-License-Identifier: MIT
 * The public face of the entity extractor (include/zhnews/extract.h): find candidates,
 * choose mentions, group them into entities. */
#include "extract/entity_find.h"
#include "extract/valid_text.h"
#include "util/error.h"

ZN_API const char *zn_entity_type_name(zn_entity_type type)
{
    static const char *const names[ZN_ENTITY_TYPE_COUNT] = {
        "company", "university", "lab", "organization", "media", "person", "place",
    };
    if ((unsigned)type >= ZN_ENTITY_TYPE_COUNT) {
        return "unknown";
    }
    return names[type];
}

static zn_status run(ent_doc *d, zn_entities **out)
{
    // Order matters: later finders look at the candidates of earlier ones.
    zn_status (*const steps[])(ent_doc *) = {
        zn__ent_find_tagged, zn__ent_find_grammar, zn__ent_find_lists,
        zn__ent_find_extended, zn__ent_find_people, zn__ent_select,
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        zn_status st = steps[i](d);
        if (st != ZN_OK) {
            return st;
        }
    }
    return zn__ent_group(d, out);
}

static zn_status extract(zn_entities **out, const zn_extract_input *in, bool valid,
                         zn_error *err)
{
    if (out == NULL) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "entities: no place for the result");
    }
    *out = NULL;
    if (in == NULL || (in->text == NULL && in->len > 0)) {
        return zn__error_set(err, ZN_ERR_INVALID_ARG, "entities: no text");
    }
    ent_doc d;
    _Alignas(16) char scratch[12 * 1024]; // enough for a line or a short paragraph
    zn_status st = zn__ent_doc_init(&d, in, valid, scratch, sizeof scratch, err);
    if (st == ZN_OK) {
        st = run(&d, out);
        if (st == ZN_ERR_NOMEM) {
            zn__error_nomem(err, "entities");
        }
    }
    zn__ent_doc_clear(&d);
    return st;
}

ZN_API zn_status zn_entities_extract(zn_entities **out, const zn_extract_input *in,
                                     zn_error *err)
{
    return extract(out, in, false, err);
}

zn_status zn__entities_extract_valid(zn_entities **out, const zn_extract_input *in,
                                     zn_error *err)
{
    return extract(out, in, true, err);
}

ZN_API void zn_entities_free(zn_entities *ents)
{
    zn__ent_result_free(ents);
}

ZN_API size_t zn_entities_count(const zn_entities *ents)
{
    return ents != NULL ? ents->count : 0;
}

ZN_API const zn_entity *zn_entities_get(const zn_entities *ents, size_t i)
{
    return ents != NULL && i < ents->count ? &ents->items[i] : NULL;
}

ZN_API const zn_entity_mention *zn_entities_mentions(const zn_entities *ents, size_t *count)
{
    size_t n = ents != NULL ? ents->n_mentions : 0;
    if (count != NULL) {
        *count = n;
    }
    return n > 0 ? ents->mentions : NULL;
}
