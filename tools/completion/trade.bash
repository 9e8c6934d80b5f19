# trade(1) bash completion: subcommands, their options, the sub-verbs of
# compare, plot and import, the values of --format, --terminal, --render,
# --level, --ties, --presence, --proximity, --world and --threads, and for
# --where, --by and --group (a comma-separated list) the column names of the
# first CSV file (plain, .gz, .xz or .zst) already on the command line, not
# counting an -o or --rates file; --opt=VALUE as bash splits it; files
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

# The column names of the first existing *.csv (or *.csv.gz, *.tsv) word of
# the command line: its first line, split at commas.
_trade_columns()
{
    # the first CSV on the command line (plain or compressed), not the value
    # of an option that names another file
    local i w
    for ((i = 2; i < ${#COMP_WORDS[@]}; i++)); do
        ((i == COMP_CWORD)) && continue
        w=${COMP_WORDS[i]}
        case ${COMP_WORDS[i - 1]} in
        -o | --output | --rates | --deflators | --population | --against | --config | --countries | --products)
            continue ;;
        esac
        case $w in
        *.csv | *.csv.gz | *.csv.xz | *.csv.zst)
            if [ -r "$w" ]; then
                case $w in
                *.gz) gzip -dc -- "$w" ;;
                *.xz) xz -dc -- "$w" ;;
                *.zst) zstd -dc -- "$w" ;;
                *) cat -- "$w" ;;
                esac 2>/dev/null | head -1 | tr -d '\r"' | tr ',' '\n'
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

    # --opt=VALUE: bash splits the word at '=' (COMP_WORDBREAKS)
    if [[ $prev == = ]] && ((COMP_CWORD >= 3)) && [[ ${COMP_WORDS[COMP_CWORD - 2]} == --* ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi
    local IFS=$'\n' # column names may hold spaces

    case $prev in
    --presence)
        COMPREPLY=($(compgen -W $'rca\nrpop' -- "$cur"))
        return 0
        ;;
    --proximity)
        COMPREPLY=($(compgen -W $'symmetric\nasymmetric\ncontinuous' -- "$cur"))
        return 0
        ;;
    --world)
        COMPREPLY=($(compgen -W $'panel\nwld\nauto' -- "$cur"))
        return 0
        ;;
    --threads)
        COMPREPLY=($(compgen -W $'1\n2' -- "$cur"))
        return 0
        ;;
    --format)
        COMPREPLY=($(compgen -W $'csv\ntsv\njsonl\nxlsx' -- "$cur"))
        return 0
        ;;
    --terminal | --render)
        COMPREPLY=($(compgen -W $'png\nsvg\npdf' -- "$cur"))
        return 0
        ;;
    --level)
        COMPREPLY=($(compgen -W $'total\nhs2\nhs4\nhs6' -- "$cur"))
        return 0
        ;;
    --ties)
        COMPREPLY=($(compgen -W $'min\nmax\ndense\naverage\nfirst' -- "$cur"))
        return 0
        ;;
    --by)
        COMPREPLY=($(compgen -W "$(_trade_columns)" -- "$cur"))
        return 0
        ;;
    --group) # a comma-separated list: complete its last name
        local lead=""
        [[ $cur == *,* ]] && lead=${cur%,*},
        COMPREPLY=($(compgen -P "$lead" -W "$(_trade_columns)" -- "${cur##*,}"))
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
