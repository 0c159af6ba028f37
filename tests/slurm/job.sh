#!/bin/sh
# job.sh — spanpipe over a corpus folder as a Slurm job array, one shard a
# task, every task's output in one tree: docs/scaling.md shows this script and
# tests/slurm.test runs it on a one-node cluster.
#
#   sbatch --array=0-3 job.sh CORPUS OUT [run options]
#   sbatch --array=2 job.sh CORPUS OUT      # run task 2 again: --resume does
#                                           # only what it had not finished
#
# The 4 of --shard must stay the array's size whatever tasks are (re)run.
#SBATCH --job-name=spanpipe
#SBATCH --cpus-per-task=1
corpus=$1 out=$2
shift 2
exec spanpipe run -j "${SLURM_CPUS_PER_TASK:-1}" -p segment,speakers,citations \
    --shard "$SLURM_ARRAY_TASK_ID/4" --resume "$@" -O "$out" "$corpus"
