/*
 * childgroups.h — the process groups of the child processes spanpipe
 * started (exec stages), so that none outlives its use.
 *
 * Each child is started as the leader of its own process group, so that
 * killing the group also stops what it started in turn (`sh -c 'python3
 * stage.py'`: killing the sh alone leaves python running).  The groups
 * alive are recorded here; they are all killed (SIGKILL) when spanpipe
 * exits without having stopped them itself: at exit(), on SIGINT, SIGTERM
 * or SIGHUP, and on a fatal signal (watch.c).
 *
 * Threads: every function may be called from any thread at any time;
 * childgroups_kill_all() is also async-signal-safe.
 */
#ifndef SPANPIPE_CHILDGROUPS_H
#define SPANPIPE_CHILDGROUPS_H

#include <sys/types.h>

/* Record the process group PGID (> 0) as alive.  The first call also installs
 * the exit and signal hooks (a signal that is ignored stays ignored; the
 * previous handler of a caught one runs after the groups are killed). */
void childgroups_add(pid_t pgid);

/* PGID is stopped and reaped (or about to be): forget it. */
void childgroups_remove(pid_t pgid);

/* SIGKILL every group recorded (they stay recorded). */
void childgroups_kill_all(void);

#endif
