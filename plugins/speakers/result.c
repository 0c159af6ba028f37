/*
 * result.c — the result's life cycle, and the names of the kinds the rules
 * share with the segment stage and the output.  (The arrays themselves grow
 * with spt_grow(), plugins/common/sparray.h.)
 */
#include <stdlib.h>
#include <string.h>
#include "spk_rules.h"

static const char *const spk_section_names[] = {
    "head", "dateline", "participants", "body", "signature", "notes", "other"
};

int spk_section_kind(const char *name, size_t len)
{
    for (int i = 0; i <= SPK_SEC_OTHER; i++)
        if (strlen(spk_section_names[i]) == len && memcmp(spk_section_names[i], name, len) == 0)
            return i;
    return SPK_SEC_OTHER;
}

const char *spk_how_name(int how)
{
    switch (how) {
    case SPK_CARRIED: return "carried";
    case SPK_DIALOGUE: return "dialogue";
    case SPK_QUOTED: return "quoted";
    default: return "named";
    }
}

void spk_result_init(spk_result *r)
{
    memset(r, 0, sizeof *r);
}

void spk_result_free(spk_result *r)
{
    for (size_t i = 0; i < r->nowned; i++)
        free(r->owned[i]);
    free(r->owned);
    free(r->parts);
    free(r->mentions);
    free(r->speech);
    spk_result_init(r);
}
