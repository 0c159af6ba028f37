/*
 * badabi.c — descriptors the core must refuse, written out by hand because
 * SP_PLUGIN_DEFINE would fill in correct versions.  BAD_MAJOR: a major
 * version from the future; BAD_MINOR: a newer minor; BAD_MAGIC: not ours;
 * BAD_SIZE: a descriptor claiming BAD_SIZE bytes (1 GiB, 4 GiB - 1).
 */
#include <spanpipe/spanpipe.h>

static int noop(void *state, sp_doc *doc, sp_error *err)
{
    (void)state;
    (void)doc;
    (void)err;
    return 0;
}

SP_EXPORT extern const sp_plugin spanpipe_plugin;
SP_EXPORT const sp_plugin spanpipe_plugin = {
#if defined(BAD_SIZE)
    .magic = SP_ABI_MAGIC, .abi_major = SP_ABI_MAJOR, .abi_minor = SP_ABI_MINOR,
#elif defined(BAD_MAGIC)
    .magic = 0x12345678u, .abi_major = SP_ABI_MAJOR, .abi_minor = SP_ABI_MINOR,
#elif defined(BAD_MINOR)
    .magic = SP_ABI_MAGIC, .abi_major = SP_ABI_MAJOR, .abi_minor = SP_ABI_MINOR + 1,
#else
    .magic = SP_ABI_MAGIC, .abi_major = SP_ABI_MAJOR + 1, .abi_minor = 0,
#endif
#ifdef BAD_SIZE
    .size = BAD_SIZE,
#else
    .size = sizeof(sp_plugin),
#endif
    .name = BAD_NAME, .version = "9.9.9", .summary = "test stage with a bad ABI",
    .process = noop,
};
