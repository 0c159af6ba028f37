# embed.sed — each line of a text file as a line of a C string literal: the
# build turns view.css and view.js into view_assets.c with it.  '?' is
# escaped because C11 still reads "??(" and friends as trigraphs.
s/\\/\\\\/g
s/"/\\"/g
s/?/\\?/g
s/^/    "/
s/$/\\n"/
