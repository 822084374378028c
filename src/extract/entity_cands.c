/* SPDX-License-Identifier: MIT
 * Candidate mentions and links between them, collected by the finders before selection. */
#include <string.h>

#include "extract/entity_find.h"

zn_status zn__ent_add_grown(ent_doc *d, size_t s, size_t e, unsigned type, unsigned prio)
{
    size_t cap = d->cap_cands ? d->cap_cands * 2 : 32;
    // the first array (every text with a candidate) from the scratch allocator's inline part:
    // nothing to copy yet
    ent_cand *c = d->cap_cands ? zn__ent_grow(d, d->cands, d->n_cands, cap, sizeof *c)
                               : zn__ent_alloc(d, cap, sizeof *c);
    if (c == NULL) {
        return ZN_ERR_NOMEM;
    }
    d->cands = c;
    d->cap_cands = cap;
    d->cands[d->n_cands++] = (ent_cand){s, e, (uint8_t)type, (uint8_t)prio};
    return ZN_OK;
}

zn_status zn__ent_link(ent_doc *d, unsigned kind, size_t as, size_t ae, size_t bs, size_t be)
{
    if (d->n_links == d->cap_links) {
        size_t cap = d->cap_links ? d->cap_links * 2 : 8;
        ent_link *l = zn__ent_grow(d, d->links, d->n_links, cap, sizeof *l);
        if (l == NULL) {
            return ZN_ERR_NOMEM;
        }
        d->links = l;
        d->cap_links = cap;
    }
    d->links[d->n_links++] = (ent_link){(uint8_t)kind, as, ae, bs, be};
    return ZN_OK;
}

int zn__ent_type_of(const ent_doc *d, size_t s, size_t e)
{
    int best = -1;
    unsigned prio = 0;
    for (size_t i = 0; i < d->n_cands; i++) {
        const ent_cand *c = &d->cands[i];
        if (c->start == s && c->end == e && c->prio > prio) {
            best = c->type;
            prio = c->prio;
        }
    }
    return best;
}
