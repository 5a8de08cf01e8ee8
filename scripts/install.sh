#!/bin/sh
# Installs proxylite-top under a prefix: the binary, the themes, the man page and the shell
# completions. Run it from anywhere; it finds the source tree from its own path.
set -eu

me=$(basename "$0")
usage() {
    cat <<EOF
Usage: $me --prefix DIR [--binary PATH] [--scratch-path DIR]

Installs proxylite-top under DIR:
  DIR/bin/proxylite-top                                  the binary (0755)
  DIR/share/proxylite-top/themes/*.toml                  the themes (the binary looks there)
  DIR/share/man/man1/proxylite-top.1                     the man page
  DIR/share/bash-completion/completions/proxylite-top   bash completion
  DIR/share/zsh/site-functions/_proxylite-top            zsh completion
  DIR/share/fish/vendor_completions.d/proxylite-top.fish fish completion

Options:
  --prefix DIR        where to install (for example /usr/local, or \$HOME/.local); required
  --binary PATH       install this already built binary instead of building one
  --scratch-path DIR  the build folder for the release build (default: .build in the source tree)
  -h, --help          show this help

Without --binary it builds a release with the Swift standard library linked in and no symbols
exported (swift build -c release --static-swift-stdlib -Xlinker --no-export-dynamic) and strips
it, so the machine that runs it needs no Swift toolchain, only the system libraries README lists. The man page and the completions are
written by the installed binary itself, so they match it.
EOF
}

fail() {
    echo "$me: $*" >&2
    exit 2
}

prefix=
binary=
scratch=
while [ $# -gt 0 ]; do
    case $1 in
    --prefix | --binary | --scratch-path)
        [ $# -ge 2 ] && [ -n "$2" ] || fail "$1 needs a value (see --help)"
        case $1 in
        --prefix) prefix=$2 ;;
        --binary) binary=$2 ;;
        --scratch-path) scratch=$2 ;;
        esac
        shift 2
        ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --binary=*) binary=${1#--binary=}; shift ;;
    --scratch-path=*) scratch=${1#--scratch-path=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) fail "unknown argument '$1' (see --help)" ;;
    esac
done
[ -n "$prefix" ] || fail "say where to install: --prefix DIR (for example --prefix /usr/local or --prefix \"\$HOME/.local\"; see --help)"

source_tree=$(CDPATH= cd -P -- "$(dirname -- "$0")/.." && pwd)
[ -d "$source_tree/themes" ] && [ -f "$source_tree/Package.swift" ] || fail "cannot find the source tree above $0"

strip_it=false
if [ -z "$binary" ]; then
    command -v swift >/dev/null 2>&1 || fail "swift is not on PATH; build elsewhere and pass --binary PATH"
    command -v strip >/dev/null 2>&1 || fail "strip is not on PATH (binutils); it is needed to strip the release build"
    # Nothing loads code into the dashboard, so it exports no symbols: the loader then reads 16 KB
    # of symbol tables at start instead of 4 MB, which stayed resident (measured: 2.7 MB less VmHWM).
    set -- -c release --static-swift-stdlib --product proxylite-top -Xlinker --no-export-dynamic
    # Relative to where the script was run, not to the source tree the build runs in.
    case "$scratch" in "" | /*) ;; *) scratch="$(pwd)/$scratch" ;; esac
    [ -z "$scratch" ] || set -- "$@" --scratch-path "$scratch"
    echo "$me: building: swift build $*" >&2
    (CDPATH= cd -P -- "$source_tree" && swift build "$@")
    binary=$(CDPATH= cd -P -- "$source_tree" && swift build "$@" --show-bin-path)/proxylite-top
    strip_it=true
fi
[ -f "$binary" ] && [ -x "$binary" ] || fail "no executable file at $binary"

mkdir -p "$prefix/bin" "$prefix/share/proxylite-top/themes" "$prefix/share/man/man1" \
    "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
    "$prefix/share/fish/vendor_completions.d" || fail "cannot create the folders under $prefix"
prefix=$(CDPATH= cd -P -- "$prefix" && pwd)

# The binary goes in under a temporary name and is renamed over the old one, so that a copy
# that is running keeps its file and a failed copy leaves the old one in place.
installed="$prefix/bin/proxylite-top"
cp "$binary" "$installed.new"
if $strip_it; then strip "$installed.new"; fi
chmod 0755 "$installed.new"
mv -f "$installed.new" "$installed"

for theme in "$source_tree"/themes/*.toml; do
    cp "$theme" "$prefix/share/proxylite-top/themes/"
    chmod 0644 "$prefix/share/proxylite-top/themes/$(basename "$theme")"
done

# Written by the installed binary: they describe exactly what it accepts.
write() {
    target=$1
    shift
    "$installed" "$@" >"$target.new" || fail "'$installed $*' failed"
    chmod 0644 "$target.new"
    mv -f "$target.new" "$target"
}
write "$prefix/share/man/man1/proxylite-top.1" manual
write "$prefix/share/bash-completion/completions/proxylite-top" --generate-completion-script bash
write "$prefix/share/zsh/site-functions/_proxylite-top" --generate-completion-script zsh
write "$prefix/share/fish/vendor_completions.d/proxylite-top.fish" --generate-completion-script fish

version=$("$installed" --version) || fail "the installed binary does not run: $installed --version"
echo "installed proxylite-top $version under $prefix:"
echo "  $installed"
echo "  $prefix/share/proxylite-top/themes/ ($(ls "$prefix/share/proxylite-top/themes" | wc -l | tr -d ' ') themes)"
echo "  $prefix/share/man/man1/proxylite-top.1"
echo "  $prefix/share/bash-completion/completions/proxylite-top"
echo "  $prefix/share/zsh/site-functions/_proxylite-top"
echo "  $prefix/share/fish/vendor_completions.d/proxylite-top.fish"
