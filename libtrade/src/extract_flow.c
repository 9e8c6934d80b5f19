/* extract_flow.c - what a figure is: the qualifier from nearby words (about, over,
 * up to, expected), growth or share for a percentage (and the sign of a
 * fall), the measure (level, growth, change, share) and the product named
 * with the figure. Reporter, partner and flow are extract_who.c's. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_flow_internal.h"

/* ---------- qualifiers ---------- */

static int ex_ends_with_word(const char *s, size_t n, size_t a, size_t e, const char *w)
{
    size_t l = strlen(w);
    if (e < a + l)
        return 0;
    size_t st = e - l;
    if (extract_word(s, n, st, w) != l && !(extract_word(s, n, st, w) == 0 && 0))
        return 0;
    return st == a || !ex_isalpha((unsigned char)s[st - 1]);
}

const char *extract_qualifier(const char *s, size_t n, size_t sent_a, size_t lo, size_t start,
                              size_t end)
{
    /* the phrase just before the figure */
    size_t e = extract_skip_sp_back(s, n, start, 1);
    size_t a = e > 60 ? e - 60 : 0;
    if (a < sent_a)
        a = sent_a;
    if (a < lo)
        a = lo;
    static const ex_pat near[] = {{"more than", 2},
                                  {"over", 2},
                                  {"above", 2},
                                  {"exceeding", 2},
                                  {"surpassing", 2},
                                  {"surpassed", 2},
                                  {"surpasses", 2},
                                  {"topped", 2},
                                  {"topping", 2},
                                  {"exceeds", 2},
                                  {"exceeded", 2},
                                  {"exceed", 2},
                                  {"at least", 2},
                                  {"in excess of", 2},
                                  {"upwards of", 2},
                                  {"nearly", 1},
                                  {"almost", 1},
                                  {"about", 1},
                                  {"around", 1},
                                  {"approximately", 1},
                                  {"some", 1},
                                  {"roughly", 1},
                                  {"circa", 1},
                                  {"ca.", 1},
                                  {"close to", 1},
                                  {"nearing", 1},
                                  {"an estimated", 4},
                                  {"estimated", 4},
                                  {"up to", 3},
                                  {"less than", 3},
                                  {"under", 3},
                                  {"below", 3},
                                  {"at most", 3},
                                  {"no more than", 3},
                                  {"fewer than", 3},
                                  {"just under", 3},
                                  {"just over", 2},
                                  {"~", 1},
                                  {NULL, 0}};
    int kind = 0;
    /* skip "of", "to", "at", "a total of", "worth" between word and number */
    size_t e2 = e;
    for (int it = 0; it < 3; it++) {
        size_t w0;
        size_t we = extract_prev_word(s, n, e2, &w0);
        if (we > w0 &&
            (extract_word(s, n, w0, "of") == we - w0 || extract_word(s, n, w0, "to") == we - w0 ||
             extract_word(s, n, w0, "by") == we - w0 || extract_word(s, n, w0, "at") == we - w0 ||
             extract_word(s, n, w0, "only") == we - w0 ||
             extract_word(s, n, w0, "just") == we - w0))
            e2 = w0;
        else
            break;
    }
    e2 = extract_skip_sp_back(s, n, e2, 1);
    for (int pass = 0; pass < 2 && !kind; pass++) {
        size_t ee = pass == 0 ? e : e2;
        for (const ex_pat *q = near; q->w; q++) {
            if (strcmp(q->w, "~") == 0) {
                if (ee > a && s[ee - 1] == '~')
                    kind = 1;
                continue;
            }
            if (ex_ends_with_word(s, n, a, ee, q->w)) {
                kind = q->val;
                break;
            }
        }
    }
    /* projection words in the clause before */
    static const char *const proj[] = {
        "expected",  "expects",    "planned",   "plans",   "plan",      "projected",
        "forecast",  "forecasts",  "target",    "targets", "will",      "aims",
        "aim",       "goal",       "on course", "set to",  "scheduled", "anticipated",
        "would",     "seeking to", "seeks to",  "seek to", "intend",    "intends",
        "intention", "plans to",   "hopes to",  "aiming",  "on track to", NULL};
    size_t pa = start > 90 ? start - 90 : 0;
    if (pa < sent_a)
        pa = sent_a;
    if (pa < lo)
        pa = lo;
    for (size_t i = pa; i < start; i++) {
        if (i > pa && ex_isalpha((unsigned char)s[i - 1]))
            continue;
        for (size_t j = 0; proj[j]; j++)
            if (extract_word(s, n, i, proj[j]))
                return "projection";
    }
    /* "... is planned", "... expected by 2025" in the clause after */
    {
        /* "to hit the $10 billion target" */
        static const char *const after_proj[] = {"planned",   "expected", "projected", "forecast",
                                                 "envisaged", "foreseen", "targeted",  "budgeted",
                                                 "will be",   "is to be", "are to be", "target",
                                                 "goal",      NULL};
        size_t lim = end + 40 < n ? end + 40 : n;
        for (size_t i = end; i < lim; i++) {
            if (s[i] == ',' || s[i] == ';' || s[i] == '(' || extract_sentence_end(s, n, i))
                break;
            if (i > end && ex_isalpha((unsigned char)s[i - 1]))
                continue;
            for (size_t j = 0; after_proj[j]; j++)
                if (extract_word(s, n, i, after_proj[j]))
                    return "projection";
            if (extract_word(s, n, i, "estimated"))
                return "estimate";
        }
    }
    /* "(estimated)", "(est.)", "(forecast)" right after */
    size_t q = extract_skip_sp(s, n, end, 0);
    if (q < n && s[q] == '(') {
        if (extract_word(s, n, q + 1, "estimated") || extract_word(s, n, q + 1, "est") ||
            extract_word(s, n, q + 1, "estimate"))
            return "estimate";
        if (extract_word(s, n, q + 1, "forecast") || extract_word(s, n, q + 1, "projected") ||
            extract_word(s, n, q + 1, "target"))
            return "projection";
    }
    switch (kind) {
    case 1:
        return "approx";
    case 2:
        return "lower_bound";
    case 3:
        return "upper_bound";
    case 4:
        return "estimate";
    default:
        return "";
    }
}

/* ---------- growth or share ---------- */

static int ex_any_word(const char *s, size_t n, size_t a, size_t b, const char *const *words)
{
    for (size_t i = a; i < b; i++) {
        if (i > a && (ex_isalpha((unsigned char)s[i - 1])))
            continue;
        for (size_t j = 0; words[j]; j++) {
            size_t k = extract_word(s, n, i, words[j]);
            if (k && i + k <= b + 20)
                return (int)j + 1;
        }
    }
    return 0;
}

/* One past the start of the last of words in [a, b), or 0. */
static size_t ex_last_word(const char *s, size_t n, size_t a, size_t b, const char *const *words)
{
    size_t last = 0;
    for (size_t i = a; i < b; i++) {
        if (i > a && (ex_isalpha((unsigned char)s[i - 1])))
            continue;
        for (size_t j = 0; words[j]; j++)
            if (extract_word(s, n, i, words[j])) {
                last = i + 1;
                break;
            }
    }
    return last;
}

static const char *const ex_up_words[] = {
    "increased", "increase", "increases", "increasing", "grew",   "grow",     "grown",
    "growth",    "grows",    "growing",   "rose",       "rise",   "risen",    "rises",
    "rising",    "climbed",  "jumped",    "surged",     "soared", "expanded", "gained",
    "up",        "higher",   "boosted",   "added",      "more",   "increment",
    "jump",      "jumps",    "surges",    "soars",      "climbs", "surging",  "soaring",
    "widened",   "widening", "hike",      "climb",      "surge",  "soar",     "gains",
    "expand",    "expands",  "rebound",   "rebounds",   "rebounded", NULL};
static const char *const ex_down_words[] = {
    "fell",       "fall",     "fallen",    "falling",   "falls",    "declined",
    "decline",    "declines", "declining", "decreased", "decrease", "decreases",
    "dropped",    "drop",     "drops",     "down",      "plunged",  "slumped",
    "contracted", "shrank",   "lost",      "lower",     "slid",     "less",
    "tumbled",    "eased",    "reduced",   "reduction", "plummeted", "sank",
    "slipped",    "decreasing", "slipping", "shrinking", "shrunk",   "narrowed",
    "narrowing",  "dip",      "dips",      "dipped",    "slip",     "slips",
    "slide",      "slides",   "plunge",    "plunges",   "tumble",   "tumbles",
    "sink",       "sinks",    "shrink",    "shrinks",   "ease",     "eases",
    "slump",      "slumps",   "contract",  "contracts", NULL};

/* Decide percent or percent_change (and the sign) for a percent figure. */
void extract_classify_percent(const char *s, size_t n, size_t sent_a, size_t lo, ex_raw *r)
{
    size_t start = r->num_start;
    int change = 0, neg = 0;
    if (r->sign_change) {
        change = 1;
        neg = r->sign_change < 0;
    }
    size_t w0;
    size_t e = r->start;
    /* skip qualifier words back to the verb: "by about 5%" */
    size_t we = extract_prev_word(s, n, e, &w0);
    for (int it = 0; it < 3 && we > w0; it++) {
        if (extract_word(s, n, w0, "about") == we - w0 ||
            extract_word(s, n, w0, "nearly") == we - w0 ||
            extract_word(s, n, w0, "almost") == we - w0 ||
            extract_word(s, n, w0, "over") == we - w0 ||
            extract_word(s, n, w0, "some") == we - w0 ||
            extract_word(s, n, w0, "around") == we - w0 ||
            extract_word(s, n, w0, "roughly") == we - w0 ||
            extract_word(s, n, w0, "than") == we - w0 ||
            extract_word(s, n, w0, "more") == we - w0 ||
            extract_word(s, n, w0, "approximately") == we - w0 ||
            extract_word(s, n, w0, "another") == we - w0 ||
            extract_word(s, n, w0, "a") == we - w0 || extract_word(s, n, w0, "an") == we - w0 ||
            extract_word(s, n, w0, "of") == we - w0 ||
            extract_word(s, n, w0, "further") == we - w0 ||
            extract_word(s, n, w0, "just") == we - w0)
            we = extract_prev_word(s, n, w0, &w0);
        else
            break;
    }
    size_t after = extract_skip_sp(s, n, r->end, 1);
    if (after < n && s[after] == ')' && r->start > 0 && s[r->start - 1] == '(') {
        /* "EUR 298m (18%) higher" */
        size_t a2 = extract_skip_sp(s, n, after + 1, 1);
        if (extract_word(s, n, a2, "higher") || extract_word(s, n, a2, "lower"))
            after = a2;
    }
    int followed_of = extract_word(s, n, after, "of") != 0;
    size_t wa = start > 70 ? start - 70 : 0;
    if (wa < sent_a)
        wa = sent_a;
    if (wa < lo)
        wa = lo;
    if (lo > sent_a && wa == lo) {
        /* "exports decreased by 4.1% and imports by 1.9%", "falling by 32.3%
         * ... and by 2.1% on August", "an increase of EUR 182.5 million, i.e.
         * 3.5%": no verb since the figure before, whose verb is this one's */
        int verb = ex_any_word(s, n, lo, start, ex_up_words) ||
                   ex_any_word(s, n, lo, start, ex_down_words);
        size_t w1;
        size_t we1 = extract_prev_word(s, n, r->start, &w1);
        int by = we1 > w1 && extract_word(s, n, w1, "by") == we1 - w1;
        int ie = 0, andw = 0;
        for (size_t q = lo; q < start && !ie; q++)
            ie = (q == lo || !ex_isalpha((unsigned char)s[q - 1])) &&
                 (extract_word(s, n, q, "i.e.") || extract_word(s, n, q, "ie"));
        for (size_t q = lo; q < start && !andw; q++)
            andw = (q == lo || !ex_isalpha((unsigned char)s[q - 1])) && extract_word(s, n, q, "and");
        /* "an increase in exports of apparel (29.68%) and coconut-based
         * products (26.8%)": a list of rates in parentheses */
        size_t l0 = extract_skip_sp(s, n, lo, 1);
        int plist = r->start > 0 && s[r->start - 1] == '(' &&
                    ((l0 < n && s[l0] == ')') || (lo > 0 && s[lo - 1] == ')'));
        /* "exports increased to EUR 1.65 billion, or 24.2%", "decreased to
         * EUR 1,276.3 million, or by 23.8%": the rate of the amount's change */
        int or_rate = 0;
        {
            size_t q = lo;
            while (q < start && (s[q] == ' ' || s[q] == ',' || s[q] == '\n'))
                q++;
            size_t k = extract_word(s, n, q, "or");
            if (k) {
                q = extract_skip_sp(s, n, q + k, 1);
                if ((k = extract_word(s, n, q, "by")))
                    q = extract_skip_sp(s, n, q + k, 1);
                or_rate = q == start && lo > 0 && s[lo] == ',';
            }
        }
        if (!verb && ((by && andw) || ie || (plist && andw) || or_rate)) {
            wa = start > 200 ? start - 200 : 0;
            if (wa < sent_a)
                wa = sent_a;
        }
    }
    for (size_t q = wa; q < start; q++) {
        /* "exports to Peru rose 5.5 percent, and those to Brazil 3.1
         * percent": the elided verb is the clause's before */
        size_t t;
        if (q > wa && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        if ((t = extract_word(s, n, q, "those")) || (t = extract_word(s, n, q, "that"))) {
            size_t q2 = extract_skip_sp(s, n, q + t, 1);
            if (extract_word(s, n, q2, "to") || extract_word(s, n, q2, "from") ||
                extract_word(s, n, q2, "with")) {
                wa = start > 300 ? start - 300 : 0;
                if (wa < sent_a)
                    wa = sent_a;
                break;
            }
        }
    }
    int noun_after = 0;
    {
        /* "a 17.2 per cent drop in exports", "a 6.1-percent decline": a change
         * whatever comes before ("led to a ... drop") */
        static const char *const nouns[] = {
            "drop", "decline", "decrease",    "fall",  "rise",   "increase", "growth",
            "jump", "gain",    "contraction", "slump", "plunge", NULL};
        for (size_t j = 0; nouns[j]; j++)
            if (extract_word(s, n, after, nouns[j]))
                noun_after = j < 4 || j == 9 || j == 10 || j == 11 ? -1 : 1;
    }
    int rate_level = 0; /* the level a growth rate came to: no sign from a verb */
    if (noun_after && !change && !followed_of) {
        change = 1;
        if (noun_after < 0)
            neg = 1;
    }
    if (!change && !followed_of) {
        /* "The annual growth rate ... was reduced to 12.8%", "the rate of
         * growth ... was only 16%": the level of a growth rate is a growth */
        static const char *const rate_w[] = {"growth rate", "rate of growth", NULL};
        size_t ga = start > 120 ? start - 120 : 0;
        if (ga < sent_a)
            ga = sent_a;
        if (ex_any_word(s, n, ga, start, rate_w))
            change = rate_level = 1;
    }
    if (!change && we > w0 &&
        (extract_word(s, n, w0, "to") == we - w0 || extract_word(s, n, w0, "from") == we - w0 ||
         extract_word(s, n, w0, "at") == we - w0)) {
        /* "fell to 8.8 %", "from 10 % to 15 %", "stood at 5 %": a level */
        memcpy(r->f.unit, "percent", 8);
        return;
    }
    if (!change) {
        if (we > w0 && extract_word(s, n, w0, "by") == we - w0) {
            change = 1;
        } else if (we > w0 && (extract_word(s, n, w0, "share") == we - w0)) {
            change = 0;
        } else if (!followed_of) {
            size_t ae = after + 40 < n ? after + 40 : n;
            static const char *const after_w[] = {
                "year-on-year",  "y-o-y",     "yoy",  "growth", "increase",        "rise",
                "decline",       "decrease",  "drop", "fall",   "higher",          "lower",
                "more than",     "less than", "up",   "down",   "on the previous", "compared",
                "annual growth", "jump",      "gain", "from last year", "from a year earlier",
                "from the prior year", "from the previous year", "year on year", "on year",
                "hike", "above the", "below the", NULL};
            /* the few words right after the figure */
            size_t k;
            size_t p2 = after;
            for (int it = 0; it < 2 && p2 < ae; it++) {
                for (size_t j = 0; after_w[j]; j++)
                    if ((k = extract_word(s, n, p2, after_w[j])) != 0) {
                        change = 1;
                        if (j == 6 || j == 7 || j == 8 || j == 9 || j == 11 || j == 13 || j == 15 ||
                            !strcmp(after_w[j], "below the"))
                            neg = 1; /* "3.7% below the US$2.7 billion" */
                        break;
                    }
                if (change)
                    break;
                while (p2 < ae && ex_isalpha((unsigned char)s[p2]))
                    p2++;
                p2 = extract_skip_sp(s, n, p2, 1);
                if (p2 < n && (s[p2] == ',' || s[p2] == '('))
                    break;
            }
            if (!change) {
                /* up to the qualifier: "down more than 35 percent" is no rise */
                size_t qe = we > w0 && we > wa && we < start ? we : start;
                int up = ex_any_word(s, n, wa, qe, ex_up_words);
                int down = ex_any_word(s, n, wa, qe, ex_down_words);
                /* a verb of change in the clause and no "share"/"of" */
                static const char *const share_w[] = {"share",     "stake",      "accounts",
                                                      "accounted", "account",    "proportion",
                                                      "portion",   "percentage", NULL};
                if ((up || down) && !ex_any_word(s, n, wa, start, share_w)) {
                    change = 1;
                    if (down && !up)
                        neg = 1;
                }
            }
        }
    }
    if (change && !neg && !r->sign_change && !rate_level) {
        /* "fell by 5%": the verb before "by"; of two, the nearer ("the agency
         * added that exports decreased by 6.9%") */
        size_t dn = ex_last_word(s, n, wa, start, ex_down_words);
        if (dn && dn > ex_last_word(s, n, wa, start, ex_up_words))
            neg = 1;
    }
    memcpy(r->f.unit, change ? "percent_change" : "percent", change ? 15 : 8);
    if (neg && r->f.value > 0)
        r->f.value = -r->f.value;
}

/* ---------- measure ---------- */

/* "by", "of" after a verb or noun of change, right before the figure:
 * "rose by $5 billion", "an increase of €12 million". Returns +1 (up),
 * -1 (down) or 0. */
static int ex_change_before(const char *s, size_t n, size_t sent_a, size_t start)
{
    size_t w0;
    size_t we = extract_prev_word(s, n, start, &w0);
    for (int it = 0; it < 4 && we > w0 && w0 >= sent_a; it++) {
        static const char *const skip[] = {
            "about",   "nearly",     "almost", "some", "around", "roughly", "approximately",
            "over",    "more",       "than",   "just", "a",      "an",      "another",
            "further", "additional", "some",   "of",   "by",     "on",      NULL};
        int skipped = 0;
        if (it == 0) {
            /* "imports dropped $6.6 billion": a verb of change right before */
            static const char *const verbs_up[] = {"increased", "rose",   "grew",  "jumped",
                                                   "climbed",   "gained", "added", "up",
                                                   NULL}; /* "up 3.1 Mt year-on-year" */
            static const char *const verbs_down[] = {"dropped", "fell",    "declined", "decreased",
                                                     "plunged", "slid",    "lost",     "shrank",
                                                     "tumbled", "slumped", "down",     NULL};
            for (size_t j = 0; verbs_up[j]; j++)
                if (extract_word(s, n, w0, verbs_up[j]) == we - w0) {
                    /* "trade has made up USD 1,5 bln": amounted to, a level */
                    size_t v0;
                    size_t ve = extract_prev_word(s, n, w0, &v0);
                    if (!strcmp(verbs_up[j], "up") && ve > v0 && v0 >= sent_a &&
                        (extract_word(s, n, v0, "made") == ve - v0 ||
                         extract_word(s, n, v0, "make") == ve - v0 ||
                         extract_word(s, n, v0, "makes") == ve - v0 ||
                         extract_word(s, n, v0, "making") == ve - v0))
                        break;
                    return 1;
                }
            for (size_t j = 0; verbs_down[j]; j++)
                if (extract_word(s, n, w0, verbs_down[j]) == we - w0)
                    return -1;
        }
        for (size_t j = 0; skip[j] && !skipped; j++)
            if (extract_word(s, n, w0, skip[j]) == we - w0) {
                if ((j == 17 || j == 18 || j == 19) && it < 3) {
                    /* "of" / "by" / "on": the word before says change or not
                     * ("declined more moderately by", "fell, by",
                     * "decreased on 2,4 billion") */
                    size_t v0;
                    size_t ve = extract_prev_word(s, n, w0, &v0);
                    if (ve == v0 && ve > sent_a && s[ve - 1] == ',')
                        ve = extract_prev_word(s, n, ve - 1, &v0); /* "fell, by" */
                    for (int adv = 0; adv < 2 && ve > v0 + 2 && v0 >= sent_a; adv++) {
                        int ly = s[ve - 1] == 'y' && s[ve - 2] == 'l';
                        if (!(ly || extract_word(s, n, v0, "more") == ve - v0 ||
                              extract_word(s, n, v0, "also") == ve - v0))
                            break;
                        ve = extract_prev_word(s, n, v0, &v0);
                    }
                    if (ve > v0 && v0 >= sent_a) {
                        for (size_t u = 0; ex_up_words[u]; u++)
                            if (extract_word(s, n, v0, ex_up_words[u]) == ve - v0 &&
                                strcmp(ex_up_words[u], "more") && strcmp(ex_up_words[u], "up"))
                                return 1;
                        for (size_t u = 0; ex_down_words[u]; u++)
                            if (extract_word(s, n, v0, ex_down_words[u]) == ve - v0 &&
                                strcmp(ex_down_words[u], "less"))
                                return -1;
                        if (extract_word(s, n, v0, "up") == ve - v0 && j == 18)
                            return 1;
                        /* "exports declined by $39m to $298m and imports by
                         * $82m to $1,401m": a flow with no verb of its own
                         * takes the verb of the clause before */
                        static const char *const flows[] = {
                            "exports", "imports", "export", "import", "trade", "turnover", NULL};
                        int flow_noun = 0;
                        for (size_t u = 0; flows[u]; u++)
                            if (extract_word(s, n, v0, flows[u]) == ve - v0)
                                flow_noun = 1;
                        size_t c0;
                        size_t ce = extract_prev_word(s, n, v0, &c0);
                        if (flow_noun && j == 18 && ce > c0 && c0 >= sent_a &&
                            (extract_word(s, n, c0, "and") == ce - c0 ||
                             extract_word(s, n, c0, "while") == ce - c0)) {
                            int up = ex_any_word(s, n, sent_a, c0, ex_up_words);
                            int down = ex_any_word(s, n, sent_a, c0, ex_down_words);
                            if (up != down)
                                return up ? 1 : -1;
                        }
                    }
                }
                skipped = 1;
            }
        if (!skipped)
            break;
        we = extract_prev_word(s, n, w0, &w0);
    }
    return 0;
}

/* "the expected growth is $2 billion", "an increase amounting to": a noun
 * of change, then a verb of being, right before the figure. */
static int ex_change_noun_before(const char *s, size_t n, size_t sent_a, size_t start)
{
    size_t w0;
    size_t we = extract_prev_word(s, n, start, &w0);
    static const char *const be[] = {"is",        "was",      "will", "be",        "of",
                                     "amounting", "amounted", "to",   "totalling", "totaling",
                                     "reached",   "expected", NULL};
    for (int it = 0; it < 4 && we > w0 && w0 >= sent_a; it++) {
        static const char *const up[] = {"growth", "increase", "rise", "gain", NULL};
        static const char *const down[] = {"decrease",  "decline", "drop", "fall",
                                           "reduction", "loss",    NULL};
        for (size_t j = 0; up[j]; j++)
            if (extract_word(s, n, w0, up[j]) == we - w0)
                return 1;
        for (size_t j = 0; down[j]; j++)
            if (extract_word(s, n, w0, down[j]) == we - w0)
                return -1;
        int skip = 0;
        for (size_t j = 0; be[j]; j++)
            if (extract_word(s, n, w0, be[j]) == we - w0)
                skip = 1;
        if (!skip)
            break;
        we = extract_prev_word(s, n, w0, &w0);
    }
    return 0;
}

void extract_measure(const char *s, size_t n, size_t sent_a, size_t sent_b, ex_raw *r)
{
    const char *u = r->f.unit;
    const char *m = "level";
    if (!strcmp(u, "percent_change"))
        m = "growth";
    else if (!strcmp(u, "percent"))
        m = "share";
    else if (!strcmp(u, "pp"))
        m = "change";
    else if (!strcmp(u, "rank"))
        m = "rank";
    else if (!strcmp(u, "count"))
        m = "count";
    else {
        int dir = ex_change_before(s, n, sent_a, r->start);
        if (!dir)
            dir = ex_change_noun_before(s, n, sent_a, r->start);
        if (!dir) {
            /* "€106 billion lower", "a $12 billion increase", "$5bn more than" */
            size_t p = extract_skip_sp(s, n, r->end, 1);
            static const char *const up[] = {"higher",  "more than",   "increase", "rise",
                                             "up on",   "up from",     "jump",     "surge",
                                             "up compared", NULL};
            static const char *const down[] = {
                "lower",   "less than", "decrease",      "decline", "drop",   "fall",
                "down on", "down from", "down compared", "fewer",   "plunge", "slump", NULL};
            if (p < n && s[p] == '(') {
                /* "EUR 298m (18%) higher": past the rate in parentheses */
                size_t q = p + 1, lim = p + 30 < n ? p + 30 : n;
                while (q < lim && s[q] != ')')
                    q++;
                if (q < lim)
                    p = extract_skip_sp(s, n, q + 1, 1);
            }
            size_t mk = extract_word(s, n, p, "more than");
            if (mk) {
                /* "imported 1.3 billion euros more than it exported": a
                 * balance, a level */
                size_t q = extract_skip_sp(s, n, p + mk, 1);
                size_t k2;
                if ((k2 = extract_word(s, n, q, "it")) || (k2 = extract_word(s, n, q, "they")))
                    q = extract_skip_sp(s, n, q + k2, 1);
                if (extract_word(s, n, q, "exported") || extract_word(s, n, q, "imported"))
                    p = n; /* no change word there */
            }
            for (int pass = 0; pass < 2 && !dir && p < n; pass++) {
                for (size_t j = 0; up[j] && !dir; j++)
                    if (extract_word(s, n, p, up[j]))
                        dir = 1;
                for (size_t j = 0; down[j] && !dir; j++)
                    if (extract_word(s, n, p, down[j]))
                        dir = -1;
                /* "a $5.6 billion, or 40.7 per cent, plunge": past the
                 * second reading */
                if (dir || p >= n || s[p] != ',')
                    break;
                size_t q = p + 1, lim = p + 40 < n ? p + 40 : n;
                while (q < lim && s[q] != ',' && s[q] != '\n' &&
                       !(s[q] == '.' && (q + 1 >= n || s[q + 1] == ' ' || s[q + 1] == '\n')))
                    q++;
                if (q >= lim || s[q] != ',')
                    break;
                p = extract_skip_sp(s, n, q + 1, 1);
            }
        }
        if (!dir) {
            /* "decreased by 27 per cent, or EUR 1.7bn", "decreasing by 14.8%
             * (R23.9 billion)": the amount of the rate's change, whose verb
             * comes before the rate */
            size_t b = extract_skip_sp_back(s, n, r->start, 1);
            size_t w0;
            size_t we = extract_prev_word(s, n, r->start, &w0);
            int or_ = we > w0 && extract_word(s, n, w0, "or") == we - w0;
            size_t pe = or_ ? extract_skip_sp_back(s, n, w0, 1) : (b > 0 && s[b - 1] == '(')
                                                                      ? extract_skip_sp_back(s, n, b - 1, 1)
                                                                      : 0;
            if (pe > 0 && s[pe - 1] == ',')
                pe = extract_skip_sp_back(s, n, pe - 1, 1);
            int rate = pe > 1 && (s[pe - 1] == '%' || (pe >= 8 && ex_ends_with_word(s, n, sent_a, pe, "cent")) ||
                                  (pe >= 8 && ex_ends_with_word(s, n, sent_a, pe, "percent")));
            if (rate) {
                size_t lo = pe > sent_a + 60 ? pe - 60 : sent_a;
                int up = ex_any_word(s, n, lo, pe, ex_up_words);
                int down = ex_any_word(s, n, lo, pe, ex_down_words);
                static const char *const by_w[] = {"by", NULL};
                int by = ex_any_word(s, n, pe > lo + 22 ? pe - 22 : lo, pe, by_w);
                if (by && (up || down) && !(up && down))
                    dir = down ? -1 : 1;
            }
        }
        if (dir) {
            m = "change";
            if (dir < 0 && r->f.value > 0)
                r->f.value = -r->f.value;
        }
    }
    (void)sent_b;
    snprintf(r->f.measure, sizeof r->f.measure, "%s", m);
}

/* ---------- product ---------- */

static int ex_product_stop(const char *s, size_t n, size_t p)
{
    static const char *const stop[] = {
        "to",       "from",    "in",      "for",      "worth",   "and",      "or",
        "with",     "was",     "were",    "is",       "are",     "which",    "that",
        "by",       "at",      "on",      "amounted", "totaled", "totalled", "reached",
        "valued",   "during",  "over",    "via",      "through", "per",      "a",
        "an",       "the",     "this",    "last",     "each",    "annually", "every",
        "compared", "marking", "between", "into",     "as",
        /* the verb after the goods: "the import of road vehicles rose by 32%" */
        "rose",     "fell",    "grew",    "increased", "decreased", "declined", "dropped",
        "climbed",  "jumped",  "surged",  "soared",    "plunged",   "slipped",  "went",
        "came",     "stood",   "accounted", "up",      "down",      "had",      "have",
        "has",      "led",     NULL};
    for (size_t j = 0; stop[j]; j++)
        if (extract_word(s, n, p, stop[j]))
            return 1;
    return 0;
}

static int ex_not_product(const char *w, size_t l)
{
    static const char *const no[] = {
        "goods",    "cargo",  "cargoes", "freight",    "trade",       "exports", "imports",
        "products", "them",   "it",      "its",        "their",       "our",     "total",
        "value",    "volume", "funds",   "investment", "investments", "aid",     "assistance",
        "the",      "its",    "all",     "various",    NULL};
    for (size_t j = 0; no[j]; j++)
        if (strlen(no[j]) == l && !strncmp(no[j], w, l))
            return 1;
    return 0;
}

/* Lower-case words at p, up to three, until a stop word: "black coal". */
static size_t ex_product_words(const char *s, size_t n, size_t p, size_t lim, char *out,
                               size_t size)
{
    size_t q = p, o = 0;
    int words = 0;
    while (q < lim && words < 3) {
        if (!(s[q] >= 'a' && s[q] <= 'z') || ex_product_stop(s, n, q))
            break;
        size_t w0 = q;
        while (q < lim && ((s[q] >= 'a' && s[q] <= 'z') || s[q] == '-'))
            q++;
        if (q < lim && (ex_isalpha((unsigned char)s[q]) || ex_isdigit((unsigned char)s[q])))
            return 0;
        if (o + (q - w0) + 2 >= size)
            break;
        if (o)
            out[o++] = ' ';
        memcpy(out + o, s + w0, q - w0);
        o += q - w0;
        out[o] = '\0';
        words++;
        size_t sp = extract_skip_sp(s, n, q, 1);
        if (sp == q)
            break;
        q = sp;
    }
    if (!o || (words == 1 && ex_not_product(out, o))) {
        out[0] = '\0';
        return 0;
    }
    /* "cement to Uzbekistan": the phrase ends before the stop word */
    return o;
}

void extract_product(const char *s, size_t n, size_t sa, size_t sb, ex_raw *r)
{
    char prod[32] = "";
    size_t lim = r->end + 60 < sb ? r->end + 60 : sb;
    /* "422,260 tons of cement", "38 billion cubic meters of natural gas" */
    size_t q = extract_skip_sp(s, n, r->end, 1);
    size_t k = extract_word(s, n, q, "of");
    int qty = !strcmp(r->f.unit, "t") || !strcmp(r->f.unit, "m3") || !strcmp(r->f.unit, "kg");
    if (k && qty)
        ex_product_words(s, n, extract_skip_sp(s, n, q + k, 1), lim, prod, sizeof prod);
    if (!prod[0] && !strcmp(r->f.flow, "aid")) {
        /* "EUR 62.2 million to health"; a part of a total: "€600,000 of which
         * was for food aid"; past the amount in another currency ("Kes.80
         * million ($600,000) to advance disability inclusion"), for both */
        if (q < lim && s[q] == '(') {
            size_t c = q;
            while (c < lim && s[c] != ')')
                c++;
            if (c < lim)
                q = extract_skip_sp(s, n, c + 1, 1);
        } else if (q < lim && s[q] == ')') {
            q = extract_skip_sp(s, n, q + 1, 1);
        }
        size_t ow = extract_word(s, n, q, "of which");
        if (ow) {
            q = extract_skip_sp(s, n, q + ow, 1);
            size_t v;
            if ((v = extract_word(s, n, q, "was")) || (v = extract_word(s, n, q, "were")) ||
                (v = extract_word(s, n, q, "went")) || (v = extract_word(s, n, q, "is")))
                q = extract_skip_sp(s, n, q + v, 1);
        }
        size_t t = extract_word(s, n, q, "to");
        if (!t)
            t = extract_word(s, n, q, "for");
        if (!t)
            t = extract_word(s, n, q, "on");
        if (!t) {
            /* "$50 million of it will be spent on roads": the purpose later
             * in the clause */
            size_t w = q;
            for (int it = 0; it < 6 && w < lim && !t; it++) {
                size_t w0 = w;
                while (w < lim && ex_isalpha((unsigned char)s[w]))
                    w++;
                if (w == w0 || (w < n && s[w] != ' '))
                    break;
                w = extract_skip_sp(s, n, w, 1);
                if ((extract_word(s, n, w0, "spent") || extract_word(s, n, w0, "allocated") ||
                     extract_word(s, n, w0, "earmarked") || extract_word(s, n, w0, "used")) &&
                    ((t = extract_word(s, n, w, "on")) || (t = extract_word(s, n, w, "for")) ||
                     (t = extract_word(s, n, w, "to"))))
                    q = w;
            }
        }
        size_t cl;
        size_t q2 = t ? extract_skip_sp(s, n, q + t, 1) : q;
        if (t) {
            /* "to support the improved enforcement of", "for the youth
             * empowerment program", "to advance disability inclusion": the
             * purpose after its verb and article */
            static const char *const skip[] = {"support", "advance", "expand", "strengthen",
                                               "finance", "fund",    "the",    "a",
                                               "an",      NULL};
            for (int it = 0; it < 2; it++)
                for (size_t j = 0; skip[j]; j++) {
                    size_t v = extract_word(s, n, q2, skip[j]);
                    if (v && it == (j >= 6)) {
                        q2 = extract_skip_sp(s, n, q2 + v, 1);
                        break;
                    }
                }
        }
        if (t && !extract_country_at(s, n, q2, &cl))
            ex_product_words(s, n, q2, lim, prod, sizeof prod);
    }
    int freight = !strcmp(r->f.flow, "freight");
    if (!prod[0] && (!strcmp(r->f.flow, "export") || !strcmp(r->f.flow, "import") || freight)) {
        /* "Uzbek coal imports from Kyrgyzstan totaled $32.2 million",
         * "exports of cement amounted to" */
        size_t from = r->start > sa + 200 ? r->start - 200 : sa;
        for (size_t i = from; i < r->start; i++) {
            if (i > sa && ex_isalpha((unsigned char)s[i - 1]))
                continue;
            size_t kw = extract_word(s, n, i, "exports");
            if (!kw)
                kw = extract_word(s, n, i, "imports");
            if (!kw) {
                /* "while the import of road vehicles rose by 32%" */
                size_t k1 = extract_word(s, n, i, "import");
                if (!k1)
                    k1 = extract_word(s, n, i, "export");
                size_t q1 = k1 ? extract_skip_sp(s, n, i + k1, 1) : i;
                size_t kb = k1 ? extract_word(s, n, q1, "bill") : 0;
                if (k1 && extract_word(s, n, q1, "of"))
                    kw = k1;
                else if (kb)
                    kw = q1 + kb - i; /* "the country's energy import bill" */
            }
            if (!kw) {
                /* "its gold purchases jumped by 62.5%": a goods word before */
                kw = extract_word(s, n, i, "purchases");
                if (!kw)
                    kw = extract_word(s, n, i, "sales");
            }
            if (!kw && freight) {
                /* "iron ore throughput at China's ports", "coal shipments
                 * through domestic ports": the goods carried */
                kw = extract_word(s, n, i, "throughput");
                if (!kw)
                    kw = extract_word(s, n, i, "shipments");
            }
            if (!kw)
                continue;
            char p2[32] = "";
            size_t o = extract_skip_sp(s, n, i + kw, 1);
            size_t of = extract_word(s, n, o, "of");
            if (of)
                ex_product_words(s, n, extract_skip_sp(s, n, o + of, 1), r->start, p2, sizeof p2);
            if (!p2[0]) {
                size_t v0;
                size_t ve = extract_prev_word(s, n, i, &v0);
                /* lowercase, or capitalised at the sentence start ("Copper
                 * exports were $60m higher") */
                int low = s[v0] >= 'a' && s[v0] <= 'z';
                if (!low && s[v0] >= 'A' && s[v0] <= 'Z' && v0 == extract_skip_sp(s, n, sa, 1))
                    low = 1;
                if (ve > v0 + 2 && v0 >= sa && low && ve - v0 < 20 &&
                    (v0 == 0 || s[v0 - 1] == ' ' || s[v0 - 1] == '\n') &&
                    !ex_not_product(s + v0, ve - v0) && !ex_product_stop(s, n, v0)) {
                    /* "coal exports": only goods names, not adjectives ("significant") */
                    static const char *const goods[] = {
                        "coal",      "oil",        "gas",         "wheat",   "grain",
                        "cotton",    "copper",     "gold",        "uranium", "steel",
                        "aluminium", "aluminum",   "cement",      "wine",    "meat",
                        "milk",      "fertiliser", "fertilizer",  "textile", "machinery",
                        "car",       "cars",       "electricity", "timber",  "fish",
                        "fruit",     "vegetable",  "vegetables",  "sugar",   "tea",
                        "coffee",    "iron",       "zinc",        "lead",    "silver",
                        "flour",     "energy",     "arms",        "food",    "agricultural",
                        "textiles",  "petroleum",  "crude",       "diesel",  "lng",
                        "hydrogen",  "ore",        "metal",       "chemical", "chemicals",
                        "pharmaceutical", "pharmaceuticals", "medical", "dairy", "beef",
                        "soya",      "soybean",    "soybeans",    "rice",    "cereal",
                        "electronics", "vehicle",  "vehicles",    "paper",   "plastics",
                        "rubber",    "seafood",    "salmon",      "wood",    "furniture",
                        "clothing",  "garment",    "garments",    "apparel", "footwear",
                        "tobacco",   "cocoa",      "nickel",      "lithium", "phosphate",
                        "wool",      "lamb",       "mutton",      "butter",  "cheese",
                        NULL};
                    int bad = 1;
                    for (size_t j = 0; goods[j]; j++)
                        if (extract_word(s, n, v0, goods[j]) == ve - v0)
                            bad = 0;
                    if (!bad) {
                        snprintf(p2, sizeof p2, "%.*s", (int)(ve - v0), s + v0);
                        if (p2[0] >= 'A' && p2[0] <= 'Z')
                            p2[0] = (char)(p2[0] - 'A' + 'a');
                    }
                }
            }
            if (p2[0])
                memcpy(prod, p2, sizeof prod);
        }
    }
    snprintf(r->f.product, sizeof r->f.product, "%s", prod);
}
