# trade(1) bash completion: subcommands, their options, the sub-verbs of
# compare, plot and import, the values of --format, --level, --ties and the
# other options with a fixed list, and column names for --where, --by and
# --group from the header of the file named on the command line; files
# everywhere else.
#
# The words come from the program's own help at completion time ("trade
# --help" lists the commands, "trade COMMAND --help" the options and the
# usage line), so the completion always matches the binary being completed,
# whichever version or build directory it is. Installed as
# share/bash-completion/completions/trade; to try it from a build tree:
#   source tools/completion/trade.bash; complete -F _trade ./tools/trade

_trade_commands()
{
    "$1" --help 2>/dev/null |
        awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }'
}

# Options named in a command's help: every -x or --long-name word.
_trade_options()
{
    printf '%s\n' "$1" | grep -oE -- '(^|[][ ,|(])--?[A-Za-z][A-Za-z0-9-]*' |
        sed -E 's/^[][ ,|(]//' | sort -u
}

# Sub-verbs from the usage lines: "usage: trade compare balance|share FILE",
# or one per line ("usage: trade import baci ...", "       trade import merge").
_trade_verbs()
{
    printf '%s\n' "$1" | sed '/^[[:space:]]*$/q' | sed -nE 's/^(usage:)? *trade [a-z]+ \[?([a-z]+(\|[a-z]+)*)([] ].*)?$/\2/p' |
        tr '|' '\n' | sort -u
}

# The values of an option with a fixed list (the commands refuse others).
_trade_values()
{
    case $1 in
    --format) echo "csv tsv jsonl xlsx" ;;
    --level) echo "total hs2 hs4 hs6" ;;
    --ties) echo "min max dense average first" ;;
    --terminal | --render) echo "png svg pdf" ;;
    --presence) echo "rca rpop" ;;
    --proximity) echo "symmetric asymmetric continuous" ;;
    --world) echo "panel wld" ;;
    --threads) echo "1 2" ;;
    *) return 1 ;;
    esac
}

# The column names of the first observation file on the command line (a
# word after the command that is a readable file and not the value of an
# option naming another file), one per line, from its header.
_trade_columns()
{
    local i w p f=""
    for ((i = 2; i < ${#COMP_WORDS[@]}; i++)); do
        ((i == COMP_CWORD)) && continue
        w=${COMP_WORDS[i]} p=${COMP_WORDS[i - 1]}
        case $p in
        -o | --output | --rates | --deflators | --population | --against | --config | --countries | --products)
            continue ;;
        esac
        w=${w/#\~/$HOME}
        if [[ $w != -* && -f $w && -r $w ]]; then
            f=$w
            break
        fi
    done
    [ -n "$f" ] || return 0
    local head
    case $f in
    *.gz) head=$(gzip -dc -- "$f" 2>/dev/null | head -n 1) ;;
    *.xz) head=$(xz -dc -- "$f" 2>/dev/null | head -n 1) ;;
    *.zst) head=$(zstd -dc -- "$f" 2>/dev/null | head -n 1) ;;
    *) head=$(head -n 1 -- "$f" 2>/dev/null) ;;
    esac
    head=${head#$'\xef\xbb\xbf'} # a UTF-8 byte-order mark
    printf '%s\n' "${head%$'\r'}" | tr ',' '\n' | sed -E 's/^"(.*)"$/\1/'
}

_trade()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev="" prog=${COMP_WORDS[0]}
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    if ((COMP_CWORD == 1)); then
        local cmds
        cmds=$(_trade_commands "$prog")
        COMPREPLY=($(compgen -W "$cmds --help --version" -- "$cur"))
        return 0
    fi

    local cmd=${COMP_WORDS[1]} help
    help=$("$prog" "$cmd" --help 2>/dev/null) || return 0

    # --opt=VALUE: bash splits at '=' (COMP_WORDBREAKS), so prev is "="
    if [[ $prev == = && COMP_CWORD -ge 3 && ${COMP_WORDS[COMP_CWORD - 2]} == --* ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi
    local values
    if values=$(_trade_values "$prev"); then
        COMPREPLY=($(compgen -W "$values" -- "$cur"))
        return 0
    fi
    case $prev in
    --where | --by | --group)
        # a column name; --group takes a comma-separated list, --where
        # COLUMN OP VALUE (names only: the operator and value are the user's)
        local lead=""
        [[ $prev == --group && $cur == *,* ]] && lead=${cur%,*},
        [[ $prev == --where && $cur =~ [=!\<\>~] ]] && return 0
        local IFS=$'\n'
        COMPREPLY=($(compgen -P "$lead" -W "$(_trade_columns)" -- "${cur##*,}"))
        return 0
        ;;
    -o | --output | --*dir | --rates | --config)
        return 0 # a file name: readline's default completion
        ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_trade_options "$help")" -- "$cur"))
        return 0
    fi

    if ((COMP_CWORD == 2)); then
        local verbs
        verbs=$(_trade_verbs "$help")
        [ -n "$verbs" ] && COMPREPLY=($(compgen -W "$verbs" -- "$cur"))
    fi
    return 0
}

complete -o default -o bashdefault -F _trade trade
