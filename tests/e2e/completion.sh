# Shell completion (query/completion/): bash's completion function driven as bash drives it
# (COMP_LINE, COMP_POINT, COMP_WORDS, COMP_CWORD, then COMPREPLY) for options, option values,
# folders for --db and query field names; every option of --help is offered and nothing else;
# bash-completion's loader finds the installed files; the zsh function parses, registers for the
# three commands and knows the same options.
source "$(dirname "$0")/lib.bash"
build=$(cd "$BIN/.." && pwd)
script=$SRC/query/completion/dateline.bash
mkdir -p "$WORK/dbs/news.db" "$WORK/dbs/old.db"
touch "$WORK/dbs/notes.txt"
cat > "$WORK/drive.bash" <<'DRIVE'
# offer LINE: the sorted words bash's completion offers with the cursor at the end of LINE.
offer() {
  local spec fn
  spec=$(complete -p "${1%% *}") || { echo "no completion for ${1%% *}"; return; }
  fn=${spec#*-F }; fn=${fn%% *}
  COMP_LINE=$1 COMP_POINT=${#1}
  # COMP_WORDS as bash splits them: white space, and every COMP_WORDBREAKS character is a word.
  local line=${1//:/ : } ; line=${line//=/ = }
  read -ra COMP_WORDS <<<"$line"
  [[ $1 =~ [[:space:]:=]$ ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  "$fn" "${1%% *}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]:-}"
  printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort | tr '\n' ' ' | sed 's/ $//'
}
DRIVE
offer() { bash --norc --noprofile -c 'source "$1"; shift; source "$1"; shift; cd "$1"; shift; offer "$1"' \
  _ "$WORK/drive.bash" "$script" "$WORK/dbs" "$1"; }
check() { # LINE EXPECTED
  local got; got=$(offer "$1")
  [[ $got == "$2" ]] || fail "completing '$1': got '$got', expected '$2'"
}
check "dateline-query --so" "--sort"
check "dateline-query --sort " "newest oldest relevance"
check "dateline-query --sort=ne" "newest"
check "dateline-query --format j" "json jsonl"
check "dateline-query --facet " "date keyword lang org person place site source tag"
check "dateline-query --facet source,ta" "source,tag"
check "dateline-query --facet-type " "organization person place"
check "dateline-query --bucket " "auto day month week year"
check "dateline-query --color a" "always auto"
check "dateline-index --emit " "jsonl"
check "dateline-index --duplicates " "drop keep"
check "dateline-query --db " "news.db old.db"
check "dateline-index --db n" "news.db"
check "dateline-serve --db o" "old.db"
check "dateline-query putin ta" "tag:"
check "dateline-query putin p" "person: place:"
check "dateline-query putin -pl" "-place:"
check "dateline-query " "author: date: id: keyword: lang: org: person: place: site: source: tag: title:"
check "dateline-query --filter so" "source:"
check "dateline-query --limit " ""
check "dateline-query tag:gr" ""
check "dateline-index n" "news.db notes.txt"
# @FILE: files after the '@' (a word break of bash's: it replaces only what follows it)
check "dateline-query --query-json @no" "notes.txt"
check "dateline-query --query-json " ""
# Every option of --help, and only those, for "--" (and the short ones for "-").
help_options() { "$BIN/$1" --help | grep -E '^  -' | sed -E 's/^  ([^ ]+).*/\1/' | tr ',' '\n' | sort -u | tr '\n' ' ' | sed 's/ $//'; }
for b in dateline-index dateline-query dateline-serve; do
  want=$(help_options "$b")
  got=$(offer "$b -" | tr ' ' '\n' | sort -u | tr '\n' ' ' | sed 's/ $//')
  [[ $got == "$want" ]] || fail "$b: completion offers '$got', --help has '$want'"
done

# Installed where bash-completion looks: its loader finds each command's file by name.
DESTDIR=$WORK/root cmake --install "$build" --prefix /usr >/dev/null || fail "cmake --install failed"
for b in dateline-index dateline-query dateline-serve; do
  cmp -s "$script" "$WORK/root/usr/share/bash-completion/completions/$b" || fail "$b: bash completion not installed"
done
zsh_file=$WORK/root/usr/share/zsh/vendor-completions/_dateline
cmp -s "$SRC/query/completion/_dateline" "$zsh_file" || fail "zsh completion not installed in vendor-completions"
if [[ -f /usr/share/bash-completion/bash_completion ]]; then
  got=$(XDG_DATA_DIRS=$WORK/root/usr/share bash --norc --noprofile -c '
    source /usr/share/bash-completion/bash_completion
    __load_completion dateline-query && complete -p dateline-query')
  [[ $got == *"-F _dateline dateline-query"* ]] || fail "bash-completion's loader: '$got'"
fi

# zsh: the function parses, compinit registers it for the three commands, same options as --help.
if command -v zsh >/dev/null; then
  zsh -n "$zsh_file" || fail "_dateline: zsh syntax error"
  got=$(zsh -fc "fpath=(${zsh_file%/*} \$fpath); autoload -Uz compinit; compinit -u -d $WORK/zcompdump
    print \$_comps[dateline-index] \$_comps[dateline-query] \$_comps[dateline-serve]")
  [[ $got == "_dateline _dateline _dateline" ]] || fail "zsh compinit: '$got'"
  for b in dateline-index dateline-query dateline-serve; do
    want=$(help_options "$b")
    got=$(sed -n "/^  $b)/,/^    ;;/p" "$zsh_file" | grep -v _arguments | grep -oE "(^|[ '{,*])--?[a-z][a-z0-9-]*" |
      grep -oE -- '--?[a-z][a-z0-9-]*' | sort -u | tr '\n' ' ' | sed 's/ $//')
    common="-h --help --version"
    got=$(printf '%s\n' $got $common | sort -u | tr '\n' ' ' | sed 's/ $//')
    [[ $got == "$want" ]] || fail "zsh $b: '$got', --help has '$want'"
  done
fi
echo ok
