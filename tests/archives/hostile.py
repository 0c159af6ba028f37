#!/usr/bin/env python3
"""hostile.py — make the hostile archives of tests/cli/cases/archives-hostile
in the current folder, with python3's standard library only.

    names.tar     members named '../up.txt', '/etc/abs.txt', 'a/../../x.txt',
                  './ok1.txt', 'dup.txt' twice, './dup.txt', a symbolic and a
                  hard link, a directory, and good members between them
    nul.zip       a member whose name holds a NUL ('ok.txt\\0../../evil.txt')
    cut.tar.gz    three members, the gzip cut in the middle of the third
    badhdr.tar    two members, the second's header garbled
    bomb.tar.gz   a 3 MB member (zeros compress 1000 to 1) and a small one
    gzbomb.tar    a member that is a gzip of 3 MB of text, and a small one
    nested.tar    a tar inside a tar, then a good member
"""
import gzip
import io
import tarfile
import zipfile


def add(tar, name, data, **kw):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 0
    for k, v in kw.items():
        setattr(info, k, v)
    tar.addfile(info, io.BytesIO(data))


def tar_bytes(build, fmt=tarfile.GNU_FORMAT):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode='w', format=fmt) as t:
        build(t)
    return out.getvalue()


def names(t):
    add(t, './ok1.txt', b'The first good member.\n')
    add(t, '../up.txt', b'Outside, one level up.\n')
    add(t, '/etc/abs.txt', b'An absolute name.\n')
    add(t, 'a/../../x.txt', b'Outside through a folder.\n')
    add(t, 'dup.txt', b'The first dup.\n')
    add(t, 'dup.txt', b'The second dup.\n')
    add(t, './/dup.txt', b'The third dup, the same name once normalised.\n')
    link = tarfile.TarInfo('sym.txt')
    link.type, link.linkname = tarfile.SYMTYPE, '/etc/passwd'
    t.addfile(link)
    hard = tarfile.TarInfo('hard.txt')
    hard.type, hard.linkname = tarfile.LNKTYPE, 'ok1.txt'
    t.addfile(hard)
    d = tarfile.TarInfo('sub')
    d.type = tarfile.DIRTYPE
    t.addfile(d)
    add(t, 'sub/ok2.txt', b'The second good member.\n')


with open('names.tar', 'wb') as f:
    f.write(tar_bytes(names))

# zipfile cuts a name at a NUL itself: the NUL is put in afterwards, in the
# local and the central header alike (the same length, so nothing else moves)
out = io.BytesIO()
with zipfile.ZipFile(out, 'w') as z:
    z.writestr('first.txt', 'Before the NUL.\n')
    z.writestr('ok.txt@../../evil.txt', 'A name with a NUL in it.\n')
with open('nul.zip', 'wb') as f:
    f.write(out.getvalue().replace(b'ok.txt@../', b'ok.txt\0../'))

three = tar_bytes(lambda t: [add(t, 'm%d.txt' % i, (b'Member %d. ' % i) * 4000)
                             for i in (1, 2, 3)])
packed = gzip.compress(three, mtime=0)
# cut where the third member's data is: its offset in the tar is known
with open('cut.tar.gz', 'wb') as f:
    f.write(packed[:len(packed) - 40])

two = tar_bytes(lambda t: [add(t, 'h1.txt', b'Before the garbled header.\n'),
                           add(t, 'h2.txt', b'After it.\n')], tarfile.USTAR_FORMAT)
two = bytearray(two)
two[1024:1024 + 100] = b'\xff' * 100   # h2's header: name and mode, checksum off
with open('badhdr.tar', 'wb') as f:
    f.write(bytes(two))

with open('bomb.tar.gz', 'wb') as f:
    f.write(gzip.compress(tar_bytes(lambda t: [add(t, 'zeros.txt', b'0' * 3000000),
                                                add(t, 'small.txt', b'Small.\n')]),
                          mtime=0))

with open('gzbomb.tar', 'wb') as f:
    f.write(tar_bytes(lambda t: [
        add(t, 'big.txt.gz', gzip.compress(b'Many words. ' * 250000, mtime=0)),
        add(t, 'small.txt', b'Small.\n')]))

inner = tar_bytes(lambda t: add(t, 'in.txt', b'Inside the inner tar.\n'))
with open('nested.tar', 'wb') as f:
    f.write(tar_bytes(lambda t: [add(t, 'inner.tar', inner),
                                 add(t, 'after.txt', b'After the inner tar.\n')]))
