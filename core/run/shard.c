/* shard.c — what a --shard K/N run reads and processes (see shard.h). */
#include "run/shard.h"

#include <string.h>

void shard_plan_make(shard_plan *sp, unsigned k, unsigned n, int by_id, size_t listed)
{
    memset(sp, 0, sizeof *sp);
    sp->shard = k;
    sp->shards = n;
    if (n < 2)
        return;
    sp->listed = !by_id && listed > 1;
    sp->members = !by_id && listed == 1;
    sp->docs = by_id || listed == 1;
}

unsigned shard_of(const char *s, size_t len, unsigned n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return (unsigned)(h % n);
}

int shard_input_mine(const shard_plan *sp, const input_file *in)
{
    if (in->archive ? !sp->members : !sp->listed)
        return 1;
    /* The path below the argument that named it, so that every task of a job
     * array agrees wherever the corpus is mounted (a member of standard
     * input has no such path: its name in the archive is its path). */
    const char *key = in->rel ? in->rel : in->path;
    return shard_of(key, strlen(key), sp->shards) == sp->shard;
}

int shard_by_doc(const shard_plan *sp, const input_file *in)
{
    /* IN is NULL for a record of no input */
    return sp->docs && !(in && in->archive && sp->members);
}
