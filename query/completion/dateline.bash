# bash completion for dateline-index, dateline-query and dateline-serve. `cmake --install` puts this
# one file in bash-completion's folder under each command's name (it loads it on first use); it
# can also be sourced directly, e.g. from ~/.bashrc. It needs nothing from the bash-completion
# package. It completes options; the values of --facet (also comma-separated), --sort, --format,
# --facet-type, --bucket, --significant, --color, --emit and --duplicates; folders for --db; files
# for inputs, --batch, --explain, --token-file, --network and --plot, and after --query-json's '@'; and the query language's field names (title: tag: date:
# ...) for a query word or a --filter value. Tested by tests/e2e/completion.sh, which drives
# these functions as bash does.

_dateline_options_index='-h --help --version --db --field --batch -j --jobs --emit --dry-run
  --no-entities --no-sync --shards --shard --stub --compact --no-spelling --fetched-at --explain --language -q --quiet
  -v --verbose --duplicates --force --delete --delete-missing --max-record-size
  --max-article-size --max-expanded-size --max-expansion'
_dateline_options_query='-h --help --version --db --lang --sort --limit --offset --facet
  --facet-limit --facet-type --filter --recency --now --like --timeline --batch --jobs --bucket
  --snippet-length --snippet-mentions --max-expansion --format --color --auto-correct --suggest-below
  --no-entity-aliases --query-json --explain-query --stats --collapse --normalize --compare --cooccur --network
  --network-edges --significant --trending --window --baseline --min-count --plot --shard-timeout --allow-partial'
_dateline_options_serve='-h --help --version --db --bind --port --threads --token-file --public
  --cors --time-budget --quiet --shard-timeout --allow-partial'
_dateline_free_index='--field --batch -j --jobs --shards --shard --stub --fetched-at --language --delete
  --max-record-size --max-article-size --max-expanded-size --max-expansion'
_dateline_free_query='--shard-timeout --lang --limit --offset --facet-limit --recency --now --like --jobs
  --snippet-length --max-expansion --suggest-below --compare --network-edges --window --baseline
  --min-count'
_dateline_free_serve='--shard-timeout --bind --port --threads --cors --time-budget'
_dateline_fields='title: author: source: site: tag: keyword: person: org: place: lang: id: date:'

# Sets COMPREPLY to the words of $1 (a list) that start with $2.
_dateline_words() {
    local word
    COMPREPLY=()
    for word in $1; do
        [[ $word == "$2"* ]] && COMPREPLY+=("$word")
    done
}

# compopt works only while readline runs the completion (not when a test calls the function).
_dateline_nospace() {
    compopt -o nospace 2>/dev/null || true
}
_dateline_filenames() {
    compopt -o filenames 2>/dev/null || true
}

# The completion function: $1 is the command. The words are taken from the line up to the
# cursor, split at white space only (bash also splits COMP_WORDS at ':' and '=', which would cut
# "tag:" and "--sort=" apart); the replies are then trimmed to the part of the word bash replaces.
_dateline() {
    local cmd=${1##*/}
    local line=${COMP_LINE:0:COMP_POINT}
    local -a words
    read -ra words <<<"$line"
    local cur='' prev=''
    if [[ -z $line || $line =~ [[:space:]]$ ]]; then
        prev=${words[${#words[@]}-1]:-}
    else
        cur=${words[${#words[@]}-1]}
        ((${#words[@]} > 1)) && prev=${words[${#words[@]}-2]}
    fi
    local opt_prefix=''
    if [[ $cur == --*=* ]]; then # --sort=new: the value of --sort
        prev=${cur%%=*}
        opt_prefix=${cur%%=*}=
        cur=${cur#*=}
    fi

    local options
    case $cmd in
    dateline-index) options=$_dateline_options_index ;;
    dateline-query) options=$_dateline_options_query ;;
    dateline-serve) options=$_dateline_options_serve ;;
    *) return 0 ;;
    esac

    COMPREPLY=()
    local free
    case $cmd in # options whose value is the user's own: nothing to offer
    dateline-index) free=$_dateline_free_index ;;
    dateline-query) free=$_dateline_free_query ;;
    dateline-serve) free=$_dateline_free_serve ;;
    esac
    if [[ -n $prev && " ${free//$'\n'/ } " == *" $prev "* ]]; then
        return 0
    fi
    case $prev in
    --db|--compact)
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        _dateline_filenames
        ;;
    --explain | --token-file | --batch | --network | --plot) # index's --batch: a number, below
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        _dateline_filenames
        ;;
    --query-json) # JSON text (nothing to offer) or @FILE
        if [[ $cur == @* ]]; then
            mapfile -t COMPREPLY < <(compgen -f -- "${cur#@}")
            _dateline_filenames
            COMPREPLY=("${COMPREPLY[@]/#/@}")
        fi
        ;;
    --facet)
        local done_part='' last=$cur
        if [[ $cur == *,* ]]; then
            done_part=${cur%,*},
            last=${cur##*,}
        fi
        _dateline_words 'source tag date lang person org place site keyword' "$last"
        COMPREPLY=("${COMPREPLY[@]/#/$done_part}")
        ;;
    --sort) _dateline_words 'relevance newest oldest' "$cur" ;;
    --format) _dateline_words 'table json jsonl csv' "$cur" ;;
    --facet-type) _dateline_words 'person organization place' "$cur" ;;
    --bucket) _dateline_words 'auto day week month year' "$cur" ;;
    --significant) _dateline_words 'terms tags' "$cur" ;;
    --color) _dateline_words 'auto always never' "$cur" ;;
    --emit) _dateline_words 'jsonl' "$cur" ;;
    --duplicates) _dateline_words 'keep drop' "$cur" ;;
    --filter)
        [[ $cur == *:* ]] || { _dateline_words "$_dateline_fields" "${cur#-}"; }
        [[ $cur == -* ]] && COMPREPLY=("${COMPREPLY[@]/#/-}")
        _dateline_nospace
        ;;
    *)
        _dateline_complete_word "$cmd" "$cur" "$options"
        ;;
    esac

    if [[ -n $opt_prefix ]]; then
        COMPREPLY=("${COMPREPLY[@]/#/$opt_prefix}")
        cur=$opt_prefix$cur
    fi
    # Bash replaces only the part of the word after its last word-break character (':' '=' ...).
    local breaks=${COMP_WORDBREAKS//[\"\'[:space:]]/}
    if [[ -n $breaks && $cur == *["$breaks"]* ]]; then
        local head=${cur%"${cur##*["$breaks"]}"}
        COMPREPLY=("${COMPREPLY[@]#"$head"}")
    fi
    return 0
}

# A word that is not an option's value: an option, an input (dateline-index) or a query word
# (dateline-query: field names).
_dateline_complete_word() {
    local cmd=$1 cur=$2 options=$3
    if [[ $cur == -* ]]; then
        _dateline_words "$options" "$cur"
        # "-ta" may also start an excluded field (-tag:x) of a query
        [[ ${#COMPREPLY[@]} -gt 0 || $cur == --* || $cmd != dateline-query ]] && return
    fi
    case $cmd in
    dateline-index)
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        _dateline_filenames
        ;;
    dateline-query)
        local sign=${cur%%[!+-]*} # a leading - or + stays
        if [[ ${cur#"$sign"} != *:* ]]; then
            _dateline_words "$_dateline_fields" "${cur#"$sign"}"
            COMPREPLY=("${COMPREPLY[@]/#/$sign}")
            _dateline_nospace
        fi
        ;;
    esac
}

complete -F _dateline dateline-index dateline-query dateline-serve
