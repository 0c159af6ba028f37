/*
 * shard.h — how a --shard K/N run splits its work, and which shard a
 * document or an input belongs to.
 *
 * A key's shard is 64-bit FNV-1a of its bytes, modulo N: simple and stable
 * across machines and releases, so every task of a job array splits a corpus
 * the same way.  What is split depends on the inputs (shard_plan_make):
 *
 *   several inputs listed        whole inputs, keyed by their path below the
 *                                argument that named them; the others' are
 *                                not opened (an archive goes whole to one)
 *   one input, an archive        its members, keyed by their path below the
 *                                archive's folder (an archive is a folder):
 *                                every shard reads the archive, and only its
 *                                own members' data
 *   one input, not an archive,   documents, keyed by their id: every shard
 *   or sp_run_options.shard_by_id  reads everything
 *
 * A plan is made before the run's threads start and only read after.
 */
#ifndef SPANPIPE_SHARD_H
#define SPANPIPE_SHARD_H

#include "io/inputs.h"

#include <stddef.h>
#include <stdint.h>

typedef struct shard_plan {
    unsigned shard, shards;   /* K of N; no sharding when N < 2 */
    int listed;               /* whole listed inputs go to a shard */
    int members;              /* the members of an archive listed alone do */
    int docs;                 /* the documents of other inputs do */
} shard_plan;

/* The plan for shard K of N over LISTED listed inputs; BY_ID: split by
 * document id whatever the inputs (sp_run_options.shard_by_id). */
void shard_plan_make(shard_plan *sp, unsigned k, unsigned n, int by_id, size_t listed);

/* The shard (0 to N-1, N > 0) of the key S of LEN bytes. */
unsigned shard_of(const char *s, size_t len, unsigned n);

/* Whether input IN (listed, or an archive's member) is read by this shard:
 * 0 when it goes whole to another. */
int shard_input_mine(const shard_plan *sp, const input_file *in);

/* Whether the documents of input IN are split by id (the worker looks). */
int shard_by_doc(const shard_plan *sp, const input_file *in);

#endif
