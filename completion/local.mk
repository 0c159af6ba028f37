# The bash completion, installed where bash-completion looks (configure.ac:
# --with-bash-completion-dir); tests/completion.test drives it.
dist_bashcompletion_DATA = %reldir%/spanpipe
