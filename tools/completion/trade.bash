# trade(1) bash completion: subcommands, their options, the sub-verbs of
# compare, plot and import, the values of --format, --terminal, --render,
# --level and --ties, and for --where, --by and --group the column names of
# the first CSV file already on the command line; files everywhere else.
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

# The column names of the first existing *.csv (or *.csv.gz, *.tsv) word of
# the command line: its first line, split at commas.
_trade_columns()
{
    local w
    for w in "${COMP_WORDS[@]:2}"; do
        case $w in
        *.csv)
            if [ -r "$w" ]; then
                head -1 "$w" 2>/dev/null | tr -d '\r"' | tr ',' '\n'
                return
            fi
            ;;
        esac
    done
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

    case $prev in
    --format)
        COMPREPLY=($(compgen -W "csv tsv jsonl xlsx" -- "$cur"))
        return 0
        ;;
    --terminal | --render)
        COMPREPLY=($(compgen -W "png svg pdf" -- "$cur"))
        return 0
        ;;
    --level)
        COMPREPLY=($(compgen -W "total hs2 hs4 hs6" -- "$cur"))
        return 0
        ;;
    --ties)
        COMPREPLY=($(compgen -W "min max dense average first" -- "$cur"))
        return 0
        ;;
    --by | --group)
        COMPREPLY=($(compgen -W "$(_trade_columns)" -- "$cur"))
        return 0
        ;;
    --where)
        # a column name; the operator and value are the user's
        COMPREPLY=($(compgen -W "$(_trade_columns)" -- "$cur"))
        compopt -o nospace 2>/dev/null
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
