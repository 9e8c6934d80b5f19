/* extract_who.c - who reports a figure, with whom, and which flow.
 *
 * A figure's sentence is read around the nearest flow word before it
 * ("exports", "turnover", "deficit", "FDI", "cargo", "grant"): the country
 * right before it is the reporter ("Georgian exports", "Georgia's
 * exports", "X exported"), the one after "to", "from", "with", "in" the
 * partner; "between X and Y", "X-Y trade", "exports from X to Y", "imports
 * from Y to X" give both; a country right before the figure in a list
 * ("Uzbekistan - 122.6 million", "China (more than $1.6 billion)") is the
 * partner (the investor for investment lists); a data source ("according
 * to Chinese customs", "Georgia's statistics service") is the reporter
 * when the sentence names none or names it as the other side. What the
 * sentence leaves open is taken by the scanner from the figure before or
 * from the document (extract.c), with a note. */
#include <stdio.h>
#include <string.h>

#include "extract_who_internal.h"
#include "trade/codes.h"

const char *extract_combining_at(const char *s, size_t n, size_t p, size_t *len)
{
    static const char *const combining[][2] = {
        {"Sino", "CHN"}, {"Belgo", "BEL"}, {"Russo", "RUS"}, {"Franco", "FRA"}};
    for (size_t j = 0; j < sizeof combining / sizeof combining[0]; j++) {
        size_t k = extract_word_cs(s, n, p, combining[j][0]);
        if (k && p + k < n && s[p + k] == '-') {
            *len = k;
            return combining[j][1];
        }
    }
    return NULL;
}

/* The country at p, also after "the" ("the US", "the Netherlands"). */
static const char *ex_country(const char *s, size_t n, size_t p, size_t *len, int *poss)
{
    size_t q = p;
    size_t t = extract_word(s, n, q, "the");
    if (t)
        q = extract_skip_sp(s, n, q + t, 1);
    if (t) {
        /* "the five Central Asian countries", "the 27 EU countries" */
        static const char *const num[] = {"two",   "three", "four", "five", "six",
                                          "seven", "27",    "28",   NULL};
        for (size_t j = 0; num[j]; j++) {
            size_t k2 = extract_word(s, n, q, num[j]);
            if (k2) {
                q = extract_skip_sp(s, n, q + k2, 1);
                break;
            }
        }
    }
    size_t cl;
    const char *c = extract_country_at(s, n, q, &cl);
    if (c && q >= 2 && s[q - 1] == ' ' && s[q - 2] == ',') {
        /* "BAKU, Azerbaijan, June 4.": a dateline, not a side */
        size_t e = q - 2, b0 = e;
        while (b0 > 0 && (ex_isupper((unsigned char)s[b0 - 1]) || s[b0 - 1] == '-'))
            b0--;
        if (e - b0 >= 3 && (b0 == 0 || s[b0 - 1] == '\n' || s[b0 - 1] == ' '))
            return NULL;
    }
    if (!c) {
        size_t k;
        if ((c = extract_combining_at(s, n, q, &k)) != NULL) {
            cl = k; /* "Sino-Kazakh", "Belgo-Russian" */
        } else if ((k = extract_word_cs(s, n, q, "Beijing's")) != 0) {
            c = "CHN";
            cl = k;
        } else if ((k = extract_word(s, n, q, "bloc's")) != 0 && t) {
            c = "EUU";
            cl = k;
        } else if (!t && ((k = extract_word(s, n, q, "all destinations")) != 0 ||
                          (k = extract_word(s, n, q, "all markets")) != 0)) {
            c = "WLD"; /* "Exports to all destinations in January-September" */
            cl = k;
        } else if (((!t && ((k = extract_word(s, n, q, "all countries")) != 0 ||
                            (k = extract_word(s, n, q, "all partners")) != 0 ||
                            (k = extract_word(s, n, q, "all trading partners")) != 0)) ||
                    (t && (k = extract_word(s, n, q, "world")) != 0)) &&
                   !(q + k < n && (s[q + k] == '\'' || (unsigned char)s[q + k] == 0xE2)) &&
                   !extract_word_cs(s, n, extract_skip_sp(s, n, q + k, 0), "Bank") &&
                   !extract_word_cs(s, n, extract_skip_sp(s, n, q + k, 0), "Trade")) {
            /* "its surplus with the world"; not "the world's largest
             * economy", "the World Bank", "the World Trade Organization" */
            c = "WLD";
            cl = k;
        } else {
            return NULL;
        }
    }
    if (poss) {
        size_t e = q + cl;
        *poss = (e >= 2 && s[e - 2] == '\'' && s[e - 1] == 's') ||
                (e >= 4 && (unsigned char)s[e - 4] == 0xE2 && s[e - 1] == 's');
    }
    *len = q + cl - p;
    return c;
}

/* A capital standing for its country ("trade between Moscow and Ankara"),
 * read only where two sides are named together. */
static const char *ex_capital_at(const char *s, size_t n, size_t p, size_t *len)
{
    static const char *const caps[][2] = {
        {"Moscow", "RUS"},    {"Ankara", "TUR"},     {"Beijing", "CHN"},    {"Washington", "USA"},
        {"Tokyo", "JPN"},     {"Seoul", "KOR"},      {"New Delhi", "IND"},  {"Islamabad", "PAK"},
        {"Tehran", "IRN"},    {"Baku", "AZE"},       {"Tbilisi", "GEO"},    {"Yerevan", "ARM"},
        {"Astana", "KAZ"},    {"Nur-Sultan", "KAZ"}, {"Tashkent", "UZB"},   {"Bishkek", "KGZ"},
        {"Dushanbe", "TJK"},  {"Ashgabat", "TKM"},   {"Kyiv", "UKR"},       {"Kiev", "UKR"},
        {"Minsk", "BLR"},     {"Berlin", "DEU"},     {"Paris", "FRA"},      {"London", "GBR"},
        {"Rome", "ITA"},      {"Madrid", "ESP"},     {"Warsaw", "POL"},     {"Hanoi", "VNM"},
        {"Ottawa", "CAN"},    {"Canberra", "AUS"},   {"Riyadh", "SAU"},     {"Cairo", "EGY"},
        {"Kabul", "AFG"},     {"Kathmandu", "NPL"},  {"Dhaka", "BGD"},      {"Jakarta", "IDN"},
        {"Manila", "PHL"},    {"Bangkok", "THA"},    {"Helsinki", "FIN"},   {"Stockholm", "SWE"},
        {"Oslo", "NOR"},      {"Copenhagen", "DNK"}, {"Vienna", "AUT"},     {"Budapest", "HUN"},
        {"Prague", "CZE"},    {"Bucharest", "ROU"},  {"Sofia", "BGR"},      {"Athens", "GRC"},
        {"Lisbon", "PRT"},    {"Dublin", "IRL"},     {"Wellington", "NZL"}, {"Pretoria", "ZAF"},
        {"Nairobi", "KEN"},   {"Brasilia", "BRA"},   {"Ulaanbaatar", "MNG"}, {"Chisinau", "MDA"},
        {"Vilnius", "LTU"},   {"Riga", "LVA"},       {"Tallinn", "EST"},    {"Belgrade", "SRB"}};
    if (p > 0 && ex_isalpha((unsigned char)s[p - 1]))
        return NULL;
    for (size_t j = 0; j < sizeof caps / sizeof caps[0]; j++) {
        size_t k = extract_word_cs(s, n, p, caps[j][0]);
        if (k) {
            *len = k;
            return caps[j][1];
        }
    }
    return NULL;
}

const char *extract_dateline_capital(const char *s, size_t n, size_t p, size_t *len)
{
    if (p > 0 && ex_isalpha((unsigned char)s[p - 1]))
        return NULL;
    size_t k;
    const char *c = ex_capital_at(s, n, p, &k);
    if (!c) {
        /* "ASTANA. KAZINFORM": the capital in capitals */
        size_t e = p;
        while (e < n && (ex_isupper((unsigned char)s[e]) || s[e] == '-'))
            e++;
        if (e - p < 4 || (e < n && ex_isalpha((unsigned char)s[e])))
            return NULL;
        char w[24];
        size_t l = e - p < sizeof w - 1 ? e - p : sizeof w - 1;
        for (size_t i = 0; i < l; i++)
            w[i] = (char)(i == 0 || s[p + i - 1] == '-' || s[p + i] == '-' ? s[p + i]
                                                                           : s[p + i] - 'A' + 'a');
        w[l] = '\0';
        c = ex_capital_at(w, l, 0, &k);
        if (!c || k != l)
            return NULL;
    }
    size_t q = p + k;
    while (q < n && s[q] == ' ')
        q++;
    if (q >= n || !(s[q] == '/' || s[q] == ',' || s[q] == '.' || s[q] == '(' || s[q] == ':' ||
                    s[q] == '-' || (unsigned char)s[q] == 0xE2))
        return NULL;
    *len = k;
    return c;
}

/* A side of "between X and Y": a country, or its capital. */
static const char *ex_side(const char *s, size_t n, size_t p, size_t *len, int *poss)
{
    const char *c = ex_country(s, n, p, len, poss);
    if (!c && (c = ex_capital_at(s, n, p, len)) != NULL)
        *poss = 0;
    return c;
}

/* The flow word at i (its length in *k), or NULL. */
static const char *ex_flow_word_p(const char *s, size_t n, size_t i, size_t *k, int *deficit,
                                  int partner_ok)
{
    *deficit = 0;
    static const struct {
        const char *w;
        const char *flow;
    } words[] = {
        /* "Export exceeded import by USD 846.6 million": the balance */
        {"exports exceeded imports", "balance"},
        {"export exceeded import", "balance"},
        {"exports", "export"},
        {"export", "export"},
        {"exported", "export"},
        {"exporting", "export"},
        {"shipped", "export"},
        {"overseas shipments", "export"}, /* "Türkiye's overseas shipments plunged" */
        {"outbound shipments", "export"},
        {"inbound shipments", "import"}, /* "largest inbound shipments were from Russia" */
        {"overseas sales", "export"},
        {"shipments", "export"}, /* only before "to": see below */
        {"supplies", "export"},
        {"imports", "import"},
        {"import", "import"},
        {"imported", "import"},
        {"importing", "import"},
        {"trade balance", "balance"},
        {"the balance", "balance"},
        {"balance of trade", "balance"},
        {"negative balance", "balance"},
        {"positive balance", "balance"},
        {"negative balances", "balance"}, /* "the highest negative balances in trade with" */
        {"positive balances", "balance"},
        {"trade balances", "balance"},
        {"deficit", "balance"},
        {"surplus", "balance"},
        {"trade turnover", "trade"},
        {"commodity turnover", "trade"},
        {"turnover", "trade"},
        {"trade", "trade"},
        {"foreign direct investment", "fdi_flow"},
        {"FDI disbursement", "fdi_flow"}, /* money spent on projects, not a grant */
        {"FDI", "fdi_flow"},
        {"invests", "investment_flow"},
        {"attracted", "investment_flow"},
        {"attract", "investment_flow"},
        {"attracts", "investment_flow"},
        {"attracting", "investment_flow"},
        {"foreign capital", "fdi_flow"},
        {"invested", "investment_flow"},
        {"investments", "investment_stock"},
        {"investment", "investment_stock"},
        /* the capital of licensed projects: a stock, or the new capital of a
         * period ("newly-registered and increased capital reached") */
        {"registered capital", "investment_stock"},
        {"increased capital", "investment_flow"},
        {"capitalised", "investment_flow"},
        {"capitalized", "investment_flow"},
        {"cargo", "freight"},
        {"cargoes", "freight"},
        {"freight", "freight"},
        {"transit", "freight"},
        {"transported", "freight"},
        {"handled", "freight"},
        {"handling", "freight"},
        {"transshipment", "freight"},
        {"transportation", "freight"},
        {"traffic", "freight"},
        {"aid", "aid"},
        {"ODA", "aid"}, /* official development assistance, its loans too */
        {"concessional loan", "aid"},
        {"concessional loans", "aid"},
        {"soft loan", "aid"},
        {"soft loans", "aid"},
        {"assistance", "aid"},
        {"grant", "aid"},
        {"grants", "aid"},
        {"tranche", "aid"},
        {"disbursement", "aid"},
        {"budget support", "aid"},
        {"donated", "aid"},
        {"contributed", "aid"}, /* only before an amount: see below */
    };
    for (size_t j = 0; j < sizeof words / sizeof words[0]; j++) {
        size_t l = !strcmp(words[j].w, "FDI") || !strcmp(words[j].w, "ODA")
                       ? extract_word_cs(s, n, i, words[j].w)
                       : extract_word(s, n, i, words[j].w);
        if (!l)
            continue;
        if (!strcmp(words[j].w, "contributed")) {
            /* "contributed €83,000 to": money given; not "contributed 5% to growth" */
            size_t q = extract_skip_sp(s, n, i + l, 1);
            unsigned char c0 = q < n ? (unsigned char)s[q] : 0;
            int money = c0 == '$' || (c0 == 0xE2 && q + 2 < n && (unsigned char)s[q + 1] == 0x82 &&
                                      (unsigned char)s[q + 2] == 0xAC) ||
                        (c0 == 0xC2 && q + 1 < n && (unsigned char)s[q + 1] == 0xA3) ||
                        extract_word_cs(s, n, q, "EUR") || extract_word_cs(s, n, q, "USD");
            if (!money)
                continue;
        }
        if (!strcmp(words[j].w, "shipments") &&
            !extract_word(s, n, extract_skip_sp(s, n, i + l, 1), "to"))
            continue; /* "shipments to China totaled"; "yarn shipments grew": either way */
        *k = l;
        const char *f = words[j].flow;
        if (strcmp(f, "balance") == 0) {
            *deficit = extract_word(s, n, i, "deficit") || extract_word(s, n, i, "negative");
            /* "trade balance": the rest of the phrase ("trade deficit") */
        }
        if (strcmp(f, "trade") == 0 && i > 0) {
            /* "the Republic's export trade": the export named before */
            size_t v0;
            size_t ve = extract_prev_word(s, n, i, &v0);
            if (ve > v0 && (extract_word(s, n, v0, "export") == ve - v0 ||
                            extract_word(s, n, v0, "import") == ve - v0))
                return NULL;
        }
        if (strcmp(f, "trade") == 0) {
            /* "trade deficit", "trade balance", "turnover ... surplus" */
            size_t q = extract_skip_sp(s, n, i + l, 1);
            size_t l2;
            if (!strcmp(words[j].w, "trade") &&
                (extract_word(s, n, q, "data") || extract_word(s, n, q, "statistics") ||
                 extract_word(s, n, q, "figures") || extract_word(s, n, q, "report")))
                continue; /* "provisional foreign trade data for January": a source */
            if ((l2 = extract_word(s, n, q, "deficit")) ||
                (l2 = extract_word(s, n, q, "balance")) ||
                (l2 = extract_word(s, n, q, "surplus"))) {
                *deficit = extract_word(s, n, q, "deficit") != 0;
                *k = q + l2 - i;
                return "balance";
            }
            if ((l2 = extract_word(s, n, q, "partner")) || (l2 = extract_word(s, n, q, "partners")))
                return partner_ok ? "trade"
                                  : NULL; /* "trade partner": a rank, not a flow by itself */
        }
        return f;
    }
    return NULL;
}

static const char *ex_flow_word(const char *s, size_t n, size_t i, size_t *k, int *deficit)
{
    return ex_flow_word_p(s, n, i, k, deficit, 0);
}

const char *extract_flow_word_at(const char *s, size_t n, size_t i, size_t *k)
{
    int d;
    size_t l;
    if ((l = extract_word(s, n, i, "trading")) != 0) {
        *k = l;
        return "trade"; /* "the largest trading partner" */
    }
    return ex_flow_word_p(s, n, i, k, &d, 1);
}

/* The country named as the source of the data in s[a..b): "according to
 * Chinese customs", "data from Kyrgyzstan's statistical committee", "the
 * Uzbek State Statistics Agency reports", "Kazakh media report". */
static const char *ex_source(const char *s, size_t n, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        if (i > a && ex_isalpha((unsigned char)s[i - 1]))
            continue;
        size_t k = 0;
        if ((k = extract_word(s, n, i, "according to")) ||
            (k = extract_word(s, n, i, "data from")) || (k = extract_word(s, n, i, "data of")) ||
            (k = extract_word(s, n, i, "citing")) || (k = extract_word(s, n, i, "data by")) ||
            (k = extract_word(s, n, i, "data released by"))) {
            size_t lim = i + k + 90 < b ? i + k + 90 : b;
            for (size_t q = i + k; q < lim; q++) {
                if (s[q] == ',' || s[q] == ';' || s[q] == '.')
                    break;
                size_t cl;
                int poss;
                const char *c = ex_country(s, n, q, &cl, &poss);
                if (c && (q == 0 || !ex_isalpha((unsigned char)s[q - 1])))
                    return c;
            }
            continue;
        }
        size_t cl;
        int poss;
        const char *office = extract_office_at(s, b, i, &cl);
        if (office)
            return office; /* "Stats NZ said", "the South African Revenue Service (SARS)" */
        if ((k = extract_word_cs(s, n, i, "Statistics"))) {
            /* "Statistics Netherlands (CBS)", "Statistics Canada" */
            const char *c0 = ex_country(s, n, extract_skip_sp(s, n, i + k, 0), &cl, &poss);
            if (c0 && !poss)
                return c0;
        }
        const char *c = ex_country(s, n, i, &cl, &poss);
        if (!c)
            continue;
        /* "<Chinese> customs", "<Kazakh> media report", "<Uzbek> State Statistics" */
        size_t q = extract_skip_sp(s, n, i + cl, 1);
        for (int it = 0; it < 3 && q < b; it++) {
            if (extract_word(s, n, q, "customs") || extract_word(s, n, q, "media") ||
                extract_word(s, n, q, "figures") || extract_word(s, n, q, "statistics") ||
                extract_word(s, n, q, "statistical") || extract_word_cs(s, n, q, "Statistics") ||
                extract_word_cs(s, n, q, "Statistical") || extract_word_cs(s, n, q, "Customs") ||
                extract_word_cs(s, n, q, "National Bank") || extract_word(s, n, q, "envoy"))
                return c;
            while (q < b && ex_isalpha((unsigned char)s[q]))
                q++;
            q = extract_skip_sp(s, n, q, 1);
        }
        i += cl - 1;
    }
    return NULL;
}

/* A verb after a country that makes it the reporter ("Kyrgyzstan exported",
 * "Netherlands posted a deficit", "Russia annually invests"). */
static int ex_subject_verb(const char *s, size_t n, size_t p, size_t lim)
{
    static const char *const verbs[] = {
        "exported", "exports",   "imported",    "imports",  "shipped",  "supplied",
        "posted",   "recorded",  "invests",     "invested", "sent",     "sold",
        "bought",   "purchased", "contributed", "gave",     "provided", "allocated",
        "granted",  "financed",  "disbursed",   NULL};
    for (int it = 0; it < 3 && p < lim; it++) {
        /* "It was followed by Japan with exports valued at": a noun after
         * a preposition or article, not the country's verb */
        if (extract_word(s, n, p, "with") || extract_word(s, n, p, "of") ||
            extract_word(s, n, p, "the"))
            return 0;
        for (size_t j = 0; verbs[j]; j++)
            if (extract_word(s, n, p, verbs[j]))
                return 1;
        while (p < lim && ex_isalpha((unsigned char)s[p]))
            p++;
        p = extract_skip_sp(s, n, p, 1);
    }
    return 0;
}

static void ex_set(char *dst, const char *code)
{
    snprintf(dst, 8, "%s", code ? code : "");
}

/* A list of reporters: "Among the Member States, Germany (18.8 bn euro or
 * 31%) was the largest exporter to Russia, followed by Italy (5.6 bn or
 * 9%)", "deficits in trade with Russia, the largest being observed in the
 * Netherlands (-11.7 bn euro), Poland (-6.1 bn)". The country right before
 * the parenthesis that holds the figure reports; the role word of the
 * sentence (exporter, importer, deficit, surplus) gives the flow; the
 * partner is the country after "to", "from" or "with", else the one before. */
static void ex_member(const char *s, size_t n, size_t sa, size_t sb, const ex_raw *r, ex_who *w)
{
    size_t open = (size_t)-1;
    for (size_t q = r->start; q > sa; q--) {
        if (s[q - 1] == ')' || s[q - 1] == '.' || s[q - 1] == ';')
            return;
        if (s[q - 1] == '(') {
            open = q - 1;
            break;
        }
    }
    if (open == (size_t)-1)
        return;
    /* the figure is the first thing in the parenthesis ("both" may come first) */
    size_t f0 = extract_skip_sp(s, n, open + 1, 0);
    size_t bk = extract_word(s, n, f0, "both");
    if (bk)
        f0 = extract_skip_sp(s, n, f0 + bk, 0);
    if (f0 + 1 < r->start && !(s[f0] == '-' || s[f0] == '+'))
        return;
    /* the country before it, past a footnote mark ("the Netherlands2") */
    size_t e = open;
    while (e > sa && s[e - 1] == ' ')
        e--;
    while (e > sa && ex_isdigit((unsigned char)s[e - 1]))
        e--;
    const char *c = NULL;
    size_t ca = e;
    for (int words = 0; words < 3 && ca > sa; words++) {
        size_t w0;
        size_t we = extract_prev_word(s, n, ca, &w0);
        if (we <= w0 || w0 < sa)
            break;
        ca = w0;
        size_t cl;
        const char *c2 = extract_country_at(s, n, ca, &cl);
        if (c2 && ca + cl == e) {
            c = c2;
            break;
        }
    }
    if (!c)
        return;
    /* "exports to Kazakhstan (EUR 5 million)": that country is the partner */
    {
        size_t t0;
        size_t te = extract_prev_word(s, n, ca, &t0);
        if (te > t0 && extract_word(s, n, t0, "the") == te - t0)
            te = extract_prev_word(s, n, t0, &t0);
        if (te > t0 && (extract_word(s, n, t0, "to") == te - t0 ||
                        extract_word(s, n, t0, "from") == te - t0 ||
                        extract_word(s, n, t0, "with") == te - t0))
            return;
    }
    /* the role word nearest to the figure in the sentence */
    static const struct {
        const char *w, *flow;
    } roles[] = {{"exporter", "export"}, {"exporters", "export"}, {"importer", "import"},
                 {"importers", "import"}, {"supplier", "import"}, {"deficits", "balance"},
                 {"deficit", "balance"},  {"surpluses", "balance"}, {"surplus", "balance"},
                 {"Surpluses", "balance"}, {NULL, NULL}};
    const char *flow = NULL;
    size_t best = (size_t)-1;
    for (size_t q = sa; q < sb; q++) {
        if (q > sa && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        for (size_t j = 0; roles[j].w; j++) {
            size_t k = extract_word(s, n, q, roles[j].w);
            if (!k)
                continue;
            size_t d = q < r->start ? r->start - q : q - r->start;
            if (d < best) {
                best = d;
                flow = roles[j].flow;
            }
            break;
        }
    }
    if (!flow)
        return;
    ex_set(w->member, c);
    snprintf(w->member_flow, sizeof w->member_flow, "%s", flow);
    if (bk) {
        /* "Denmark and Austria (both +0.4 bn)": both report the figure */
        size_t a0;
        size_t ae = extract_prev_word(s, n, ca, &a0);
        if (ae > a0 && a0 >= sa && extract_word(s, n, a0, "and") == ae - a0) {
            size_t e2 = extract_skip_sp_back(s, n, a0, 0);
            size_t c0 = e2;
            for (int words = 0; words < 3 && c0 > sa; words++) {
                size_t v0;
                size_t ve = extract_prev_word(s, n, c0, &v0);
                if (ve <= v0 || v0 < sa)
                    break;
                c0 = v0;
                size_t cl2;
                const char *c2 = extract_country_at(s, n, c0, &cl2);
                if (c2 && c0 + cl2 == e2 && strcmp(c2, c)) {
                    ex_set(w->member2, c2);
                    break;
                }
            }
        }
    }
    /* the partner: "exporter to Russia", "trade with Russia" */
    for (size_t q = sa; q + 3 < sb; q++) {
        if (q > sa && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        size_t k = extract_word(s, n, q, "to");
        if (!k)
            k = extract_word(s, n, q, "from");
        if (!k)
            k = extract_word(s, n, q, "with");
        if (!k)
            continue;
        size_t cl;
        int poss;
        const char *pc = ex_country(s, n, extract_skip_sp(s, n, q + k, 1), &cl, &poss);
        if (pc && strcmp(pc, c) != 0) {
            ex_set(w->partner, pc);
            break;
        }
    }
    /* "the largest exporter in the world, followed by ...": a world ranking,
     * each country's trade with every partner */
    for (size_t q = sa; q + 5 < sb && !w->partner[0]; q++)
        if ((q == sa || !ex_isalpha((unsigned char)s[q - 1])) &&
            (extract_word(s, n, q, "in the world") || extract_word(s, n, q, "world's") ||
             extract_word(s, n, q, "worldwide") || extract_word(s, n, q, "globally")))
            ex_set(w->partner, "WLD");
}

/* A group of partners the codes table has no code for, at p: "non-EU
 * countries", "non-EU27 countries", "third countries", "extra-EU",
 * "countries outside the EU". Its length, else 0. */
static size_t ex_group_at(const char *s, size_t n, size_t p)
{
    size_t q = p, k;
    if ((k = extract_word(s, n, q, "other")))
        q = extract_skip_sp(s, n, q + k, 1);
    if ((k = extract_word(s, n, q, "third countries")) || (k = extract_word(s, n, q, "extra-EU")) ||
        (k = extract_word(s, n, q, "countries outside the EU")))
        return q + k - p;
    if (q + 6 <= n && !strncmp(s + q, "non-EU", 6)) {
        size_t e = q + 6;
        while (e < n && ex_isdigit((unsigned char)s[e]))
            e++; /* "non-EU27" */
        size_t e2 = extract_skip_sp(s, n, e, 1);
        if ((k = extract_word(s, n, e2, "countries")) || (k = extract_word(s, n, e2, "markets")))
            return e2 + k - p;
        if (e == n || !ex_isalpha((unsigned char)s[e]))
            return e - p;
    }
    return 0;
}

/* "Government of Japan will provide 165,319 million Japanese Yen", "Japan
 * has extended $14 million": the giver of aid is the subject of the verb
 * that gives, before the figure. */
static void ex_aid_giver(const char *s, size_t n, size_t sa, size_t start, ex_who *w)
{
    static const char *const verbs[] = {"provide", "provides", "provided", "extend", "extends",
                                        "extended", "grant",   "granted",  "give",   "gives",
                                        "gave",    "allocate", "allocated", NULL};
    for (size_t q = sa; q < start; q++) {
        if (q > sa && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        size_t k = 0;
        for (size_t j = 0; verbs[j] && !k; j++)
            k = extract_word(s, n, q, verbs[j]);
        if (!k)
            continue;
        /* back over "will", "has", "have", "would" to the subject's end */
        size_t e = extract_skip_sp_back(s, n, q, 1);
        for (int it = 0; it < 2; it++) {
            size_t v0;
            size_t ve = extract_prev_word(s, n, e, &v0);
            if (ve > v0 && v0 >= sa &&
                (extract_word(s, n, v0, "will") == ve - v0 || extract_word(s, n, v0, "has") == ve - v0 ||
                 extract_word(s, n, v0, "have") == ve - v0 ||
                 extract_word(s, n, v0, "would") == ve - v0))
                e = extract_skip_sp_back(s, n, v0, 1);
        }
        /* the country that ends there ("Japan", "the Government of Japan") */
        for (size_t b = e > sa + 40 ? e - 40 : sa; b < e; b++) {
            if (b > sa && ex_isalpha((unsigned char)s[b - 1]))
                continue;
            size_t cl;
            int poss;
            const char *c = ex_country(s, n, b, &cl, &poss);
            if (c && b + cl == e && !poss) {
                ex_set(w->aid_from, c);
                return;
            }
        }
        return;
    }
}

/* "Kazakhstan and China are committed to raise the volume of their mutual
 * trade to USD 35 billion": the two countries the sentence opens with are
 * the sides of "their" flow, the first one reporting. */
static void ex_their_pair(const char *s, size_t n, size_t sa, size_t kw_a, ex_who *w)
{
    size_t e = kw_a;
    int their = 0;
    for (int it = 0; it < 4 && !their; it++) {
        size_t v0;
        size_t ve = extract_prev_word(s, n, e, &v0);
        if (ve <= v0 || v0 < sa)
            return;
        if (extract_word(s, n, v0, "their") == ve - v0)
            their = 1;
        else if (extract_word(s, n, v0, "mutual") != ve - v0 &&
                 extract_word(s, n, v0, "bilateral") != ve - v0 &&
                 extract_word(s, n, v0, "two-way") != ve - v0 &&
                 extract_word(s, n, v0, "trade") != ve - v0 &&
                 extract_word(s, n, v0, "the") != ve - v0)
            return;
        e = v0;
    }
    if (!their)
        return;
    size_t q = extract_skip_sp(s, n, sa, 1);
    size_t cl, cl2, k;
    int poss, poss2;
    const char *a = ex_country(s, n, q, &cl, &poss);
    if (!a || poss)
        return;
    q = extract_skip_sp(s, n, q + cl, 1);
    if (!(k = extract_word(s, n, q, "and")))
        return;
    const char *b = ex_country(s, n, extract_skip_sp(s, n, q + k, 1), &cl2, &poss2);
    if (!b || poss2 || !strcmp(a, b))
        return;
    ex_set(w->reporter, a);
    ex_set(w->partner, b);
    w->pair = 1;
}

/* "investments have come from UAE", "an investment of $2 billion from the
 * UAE to develop food corridors in India": for an investment, the country
 * money comes from is the investor. Read in the clause after the flow word
 * (or the figure, whichever is later), up to a clause end. */
static void ex_investor_from(const char *s, size_t n, size_t a, size_t sb, ex_who *w)
{
    size_t lim = a + 60 < sb ? a + 60 : sb;
    for (size_t q = a; q < lim; q++) {
        if (s[q] == ';' || s[q] == '(' || (s[q] == ',' && q > a + 1))
            return;
        if (q > a && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        size_t k = extract_word(s, n, q, "from");
        if (!k)
            continue;
        size_t cl;
        int poss;
        const char *c = ex_country(s, n, extract_skip_sp(s, n, q + k, 1), &cl, &poss);
        if (c)
            ex_set(w->inv_from, c);
        return;
    }
}

/* A phrase of a role one country plays for another ("importers of",
 * "exporter to"): the table's entries end with {NULL, NULL}. */
typedef struct ex_role_word {
    const char *w, *flow;
} ex_role_word;

/* The first role phrase of roles at a word start in s[sa..end) and the
 * country right after it: that country, with *role the phrase's index and
 * *x0, *xl where the country's name lies; NULL when no phrase is found or
 * the first has no country after it. */
static const char *ex_role_at(const char *s, size_t n, size_t sa, size_t end,
                              const ex_role_word *roles, size_t *role, size_t *x0, size_t *xl)
{
    for (size_t q = sa; q < end; q++) {
        if (q > sa && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        for (size_t j = 0; roles[j].w; j++) {
            size_t k = extract_word(s, n, q, roles[j].w);
            if (!k)
                continue;
            int poss;
            *role = j;
            *x0 = extract_skip_sp(s, n, q + k, 1);
            return ex_country(s, n, *x0, xl, &poss);
        }
    }
    return NULL;
}

/* "Major importers of Serbian goods were Italy ($348.2 million), Bosnia-
 * Herzegovina ($247.9 million)", "The largest exporters to Serbia were the
 * Russian Federation ($795.2 million)": one country's partners ranked by the
 * role they play for it, the role phrase the subject and the partners after
 * the verb. The country the role names reports (its statistics rank its
 * partners): those who import its goods or from it buy its exports, those who
 * export or supply to it sell its imports. The partner is the last country
 * named between the verb and the figure. Not "Germany (18.8 bn euro) was the
 * largest exporter to Russia": there the ranked countries come first
 * (ex_member). */
static void ex_ranked(const char *s, size_t n, size_t sa, size_t start, ex_who *w)
{
    static const ex_role_word roles[] = {
        {"importers of", "export"}, {"importers from", "export"}, {"importer of", "export"},
        {"importer from", "export"}, {"buyers of", "export"},      {"buyer of", "export"},
        {"customers of", "export"},  {"markets for", "export"},   {"exporters to", "import"},
        {"exporter to", "import"},   {"suppliers to", "import"},  {"supplier to", "import"},
        {"suppliers of", "import"},  {"supplier of", "import"},   {NULL, NULL}};
    size_t j, x0, cl;
    const char *x = ex_role_at(s, n, sa, start, roles, &j, &x0, &cl);
    if (!x)
        return;
    /* "of Serbian goods", "of the country's products": the goods' words,
     * then the verb */
    size_t v = extract_skip_sp(s, n, x0 + cl, 1);
    size_t g;
    if ((g = extract_word(s, n, v, "goods")) || (g = extract_word(s, n, v, "products")) ||
        (g = extract_word(s, n, v, "exports")) || (g = extract_word(s, n, v, "commodities")))
        v = extract_skip_sp(s, n, v + g, 1);
    /* the verb, past a time phrase ("in that period were") */
    for (g = 0; v < start && v < x0 + cl + 48 && !g; v++) {
        if (s[v] == ',' || s[v] == ';' || s[v] == '(' || s[v] == ':')
            return;
        if (v > x0 + cl && ex_isalpha((unsigned char)s[v - 1]))
            continue;
        size_t vl;
        int vp;
        if (ex_country(s, n, v, &vl, &vp))
            return;
        if ((g = extract_word(s, n, v, "were")) || (g = extract_word(s, n, v, "are")) ||
            (g = extract_word(s, n, v, "was")) || (g = extract_word(s, n, v, "is")) ||
            (g = extract_word(s, n, v, "included")) || (g = extract_word(s, n, v, "include")))
            break;
    }
    if (!g)
        return;
    const char *c = NULL;
    for (size_t p = v + g; p < start; p++) {
        size_t pl;
        int pp;
        const char *c2 =
            ex_isalpha((unsigned char)s[p - 1]) ? NULL : ex_country(s, n, p, &pl, &pp);
        if (c2) {
            c = c2;
            p += pl - 1;
        }
    }
    if (!c || !strcmp(c, x))
        return;
    ex_set(w->ranked_by, x);
    ex_set(w->ranked_partner, c);
    snprintf(w->ranked_flow, sizeof w->ranked_flow, "%s", roles[j].flow);
}

/* "China was the second-largest exporter to Türkiye in January-June, with
 * $22.3 billion": a country ranked by the role it plays for another
 * (exporter or supplier to it, buyer of its goods), and the figures of that
 * sentence (the rank itself, the amount after it). The subject is the first country of the
 * sentence, before the role word; the other the country after "to" or
 * "of". extract_who_resolve decides who reports (the document's country). */
static void ex_role(const char *s, size_t n, size_t sa, size_t sb, ex_who *w)
{
    static const ex_role_word roles[] = {{"exporter to", "export"},  {"exporters to", "export"},
                                         {"supplier to", "export"},  {"supplier of", "export"},
                                         {"suppliers to", "export"}, {"importer of", "import"},
                                         {"buyer of", "import"},     {NULL, NULL}};
    size_t j, x0, cl;
    const char *to = ex_role_at(s, n, sa, sb, roles, &j, &x0, &cl);
    if (!to || !w->first[0] || !strcmp(to, w->first))
        return;
    /* the subject before the role word: "China was the ... exporter" */
    size_t f0 = extract_skip_sp(s, n, sa, 1);
    size_t fl;
    int fposs;
    const char *subj = ex_country(s, n, f0, &fl, &fposs);
    if (!subj || strcmp(subj, w->first) || fposs)
        return;
    /* only the verb "to be" and the ranking between them */
    size_t v = extract_skip_sp(s, n, f0 + fl, 1);
    if (!extract_word(s, n, v, "was") && !extract_word(s, n, v, "is") &&
        !extract_word(s, n, v, "remained") && !extract_word(s, n, v, "remains") &&
        !extract_word(s, n, v, "became"))
        return;
    ex_set(w->role_subj, subj);
    ex_set(w->role_other, to);
    snprintf(w->role_flow, sizeof w->role_flow, "%s", roles[j].flow);
}

void extract_who(const char *s, size_t n, size_t sa, size_t sb, ex_raw *r, ex_who *w)
{
    memset(w, 0, sizeof *w);
    size_t start = r->start;
    size_t from = start > sa + 300 ? start - 300 : sa;
    const char *flow = NULL;
    size_t kw_a = 0, kw_b = 0;
    int deficit = 0;
    /* the nearest flow word before the figure, or "of [Belgian] exports" after it */
    for (size_t i = from; i < start; i++) {
        if (i > sa && ex_isalpha((unsigned char)s[i - 1]))
            continue;
        size_t k;
        int d;
        const char *f = ex_flow_word(s, n, i, &k, &d);
        if (!f)
            continue;
        /* "Yamal Trade": a capitalised word after a capitalised word is a name */
        if (i > sa && ex_isupper((unsigned char)s[i]) && strcmp(f, "fdi_flow") != 0) {
            size_t v0;
            size_t ve = extract_prev_word(s, n, i, &v0);
            size_t cl0;
            /* "Danish Export in June 2023 Sees 1.4% Drop": a title, not a name */
            if (ve > v0 && v0 >= sa && ex_isupper((unsigned char)s[v0]) && ve == i - 1 &&
                !(extract_country_at(s, n, v0, &cl0) && v0 + cl0 == ve))
                continue;
        }
        /* "the negative balance of foreign trade": the balance */
        if (flow && !strcmp(flow, "balance") && !strcmp(f, "trade") && i - kw_b < 25) {
            i += k - 1;
            continue;
        }
        /* "imports and exports", "exports and imports": trade */
        if (flow && ((!strcmp(flow, "import") && !strcmp(f, "export")) ||
                     (!strcmp(flow, "export") && !strcmp(f, "import")))) {
            size_t q = extract_skip_sp(s, n, kw_b, 1);
            size_t an = extract_word(s, n, q, "and");
            if (an && extract_skip_sp(s, n, q + an, 1) == i)
                f = "trade";
        }
        flow = f;
        kw_a = i;
        kw_b = i + k;
        deficit = d;
        i += k - 1;
    }
    if (!r->is_percent) {
        /* "The R154.3 billion export flows mark a 7.95% increase": the flow
         * word right after the amount */
        size_t p = extract_skip_sp(s, n, r->end, 1);
        size_t k;
        int d;
        const char *f = p < sb && r->end > r->start ? ex_flow_word(s, n, p, &k, &d) : NULL;
        if (f && (!strcmp(f, "export") || !strcmp(f, "import")) &&
            (extract_word(s, n, p, "exports") || extract_word(s, n, p, "imports") ||
             extract_word(s, n, p + k, " flows") || extract_word(s, n, p, "export flows") ||
             extract_word(s, n, p, "import flows"))) {
            flow = f;
            kw_a = p;
            kw_b = p + k;
            deficit = 0;
        }
    }
    {
        size_t p = extract_skip_sp(s, n, r->end, 1);
        size_t o = extract_word(s, n, p, "of");
        if (!o)
            o = extract_word(s, n, p, "worth of"); /* "More than EUR 8bn worth of exports" */
        if (o) {
            p = extract_skip_sp(s, n, p + o, 1);
            size_t cl;
            int poss;
            const char *c = ex_country(s, n, p, &cl, &poss);
            size_t q = c ? extract_skip_sp(s, n, p + cl, 1) : p;
            if (c && p + cl < n && ex_isdigit((unsigned char)s[p + cl])) {
                /* "of EU27 exports": the member count glued on */
                size_t g = p + cl;
                while (g < n && ex_isdigit((unsigned char)s[g]))
                    g++;
                q = extract_skip_sp(s, n, g, 1);
            }
            size_t k;
            int d;
            const char *f = ex_flow_word(s, n, q, &k, &d);
            size_t q4 = f ? extract_skip_sp(s, n, q + k, 1) : q;
            size_t q5 = flow ? extract_skip_sp(s, n, kw_b, 1) : q;
            int role = flow && (extract_word(s, n, q5, "destination") ||
                                extract_word(s, n, q5, "market") ||
                                extract_word(s, n, q5, "customer") ||
                                extract_word(s, n, q5, "buyer") || extract_word(s, n, q5, "partner"));
            if (f && flow && role && !c && strcmp(flow, f) &&
                (!strcmp(flow, "export") || !strcmp(flow, "import")) &&
                (extract_word(s, n, q4, "from") || extract_word(s, n, q4, "to"))) {
                /* "Iran's top export destination was China with $4.644
                 * billion worth of imports from the Islamic Republic": the
                 * partner's side of the same flow */
            } else if (f && (strcmp(f, "export") == 0 || strcmp(f, "import") == 0)) {
                flow = f;
                kw_a = q;
                kw_b = q + k;
                if (c)
                    ex_set(w->reporter, c);
            } else if (f && !strcmp(f, "balance") && !c && !r->is_percent) {
                /* "360,5 mln dollars of positive balance occurred", "39 198
                 * mln dollars of negative balance": the figure is the balance */
                flow = f;
                kw_a = q;
                kw_b = q + k;
                deficit = d;
            }
        }
    }
    if (flow && (!strcmp(flow, "import") || !strcmp(flow, "export")) && !r->is_percent) {
        /* "Finland has imported 1.3 billion euros more than it exported":
         * the balance, negative when imports exceed exports */
        size_t q = extract_skip_sp(s, n, r->end, 1);
        size_t k;
        if ((k = extract_word(s, n, q, "more than"))) {
            q = extract_skip_sp(s, n, q + k, 1);
            if ((k = extract_word(s, n, q, "it")) || (k = extract_word(s, n, q, "they")) ||
                (k = extract_word(s, n, q, "was")))
                q = extract_skip_sp(s, n, q + k, 1);
            int imp = !strcmp(flow, "import");
            if (extract_word(s, n, q, imp ? "exported" : "imported")) {
                flow = "balance";
                deficit = imp;
            }
        }
    }
    {
        /* "a 14 per cent decline in exports": the flow of that change; "a
         * £5.6 billion, or 40.7 per cent, plunge in exports of goods to the
         * EU": past the second reading */
        size_t q = extract_skip_sp(s, n, r->end, 1);
        if (!r->is_percent && q < sb && s[q] == ',') {
            size_t c = q + 1;
            while (c < sb && c < q + 40 && s[c] != ',' &&
                   !(s[c] == '.' && (c + 1 >= n || s[c + 1] == ' ' || s[c + 1] == '\n')))
                c++;
            q = c < sb && s[c] == ',' ? extract_skip_sp(s, n, c + 1, 1) : q;
        }
        size_t k;
        if ((k = extract_word(s, n, q, "decline")) || (k = extract_word(s, n, q, "drop")) ||
            (k = extract_word(s, n, q, "fall")) || (k = extract_word(s, n, q, "rise")) ||
            (k = extract_word(s, n, q, "increase")) || (k = extract_word(s, n, q, "growth")) ||
            (k = extract_word(s, n, q, "decrease")) || (k = extract_word(s, n, q, "jump")) ||
            (k = extract_word(s, n, q, "plunge")) || (k = extract_word(s, n, q, "slump"))) {
            size_t q2 = extract_skip_sp(s, n, q + k, 1);
            size_t in = extract_word(s, n, q2, "in");
            int d;
            size_t k2;
            size_t q3 = in ? extract_skip_sp(s, n, q2 + in, 1) : q2;
            for (int it = 0; in && it < 2; it++) {
                /* "a 1.4% decline in its overall exports" */
                size_t kq;
                if ((kq = extract_word(s, n, q3, "its")) ||
                    (kq = extract_word(s, n, q3, "their")) ||
                    (kq = extract_word(s, n, q3, "the")) ||
                    (kq = extract_word(s, n, q3, "overall")) ||
                    (kq = extract_word(s, n, q3, "total"))) {
                    if (extract_word(s, n, q3, "overall") || extract_word(s, n, q3, "total"))
                        w->total = 2; /* "its overall exports": to every partner */
                    q3 = extract_skip_sp(s, n, q3 + kq, 1);
                }
            }
            const char *f = in ? ex_flow_word(s, n, q3, &k2, &d) : NULL;
            if (f) {
                flow = f;
                kw_a = q3;
                kw_b = kw_a + k2;
                deficit = d;
            }
        }
    }
    {
        /* "Imports also fell, by £8.9 billion overall": the total */
        size_t q = extract_skip_sp(s, n, r->end, 1);
        if (extract_word(s, n, q, "overall") || extract_word(s, n, q, "in total"))
            w->total = 2;
    }
    if (!flow) {
        /* "Soya dominated sales, totalling US$37.2 billion": sales abroad,
         * when the sentence has no other flow word (not "car sales") */
        size_t lo = start > sa + 60 ? start - 60 : sa;
        for (size_t q = lo; q < start && !flow; q++) {
            size_t k;
            if ((q > sa && ex_isalpha((unsigned char)s[q - 1])) ||
                !(k = extract_word(s, n, q, "sales")))
                continue;
            size_t v0;
            size_t ve = extract_prev_word(s, n, q, &v0);
            if (ve > v0 && v0 >= sa &&
                (extract_word(s, n, v0, "dominated") == ve - v0 ||
                 extract_word(s, n, v0, "its") == ve - v0 ||
                 extract_word(s, n, v0, "their") == ve - v0 ||
                 extract_word(s, n, v0, "country's") == ve - v0 ||
                 extract_word(s, n, v0, "total") == ve - v0 ||
                 extract_word(s, n, v0, "overseas") == ve - v0 ||
                 extract_word(s, n, v0, "foreign") == ve - v0)) {
                flow = "export";
                kw_a = q;
                kw_b = q + k;
            }
        }
    }
    if (!flow && r->end > r->start) {
        /* "In 2014, the United States (22%), Great Britain (13%) ... were
         * Ireland's main export markets", "reaching $1.19 trillion in 2019,
         * Canada's total merchandise trade value plummeted": with no flow
         * word before the figure, the first one after it in the sentence */
        for (size_t q = r->end; q < sb && !flow; q++) {
            if (q > sa && ex_isalpha((unsigned char)s[q - 1]))
                continue;
            size_t k;
            int d;
            if (r->is_percent && q < r->end + 120 &&
                ((k = extract_word(s, n, q, "export markets")) ||
                 (k = extract_word(s, n, q, "export destinations")) ||
                 (k = extract_word(s, n, q, "import sources")) ||
                 (k = extract_word(s, n, q, "suppliers")))) {
                /* shares of a list before its role: "... were the main
                 * suppliers", whoever is named with it */
                flow = s[q] == 'e' || s[q] == 'E' ? "export" : "import";
                kw_a = q;
                kw_b = q + k;
                break;
            }
            const char *f = ex_flow_word_p(s, n, q, &k, &d, 0);
            if (!f || (q + k > sb))
                continue;
            /* only the flow of a country named with it: "Ireland's main
             * export markets", "Canada's total merchandise trade" */
            int owned = 0;
            for (size_t p0 = q > r->end + 40 ? q - 40 : r->end; p0 < q && !owned; p0++) {
                size_t cl;
                int poss;
                if (p0 > 0 && ex_isalpha((unsigned char)s[p0 - 1]))
                    continue;
                const char *c = ex_country(s, n, p0, &cl, &poss);
                if (c && poss && p0 + cl <= q)
                    owned = 1;
            }
            if (!owned)
                break;
            flow = f;
            kw_a = q;
            kw_b = q + k;
            deficit = d;
        }
    }
    if (!flow && r->is_percent) {
        /* "a 21.3% trade turnover share": the flow word right after */
        size_t q = extract_skip_sp(s, n, r->end, 1);
        size_t k;
        int d;
        const char *f = ex_flow_word(s, n, q, &k, &d);
        if (f) {
            flow = f;
            kw_a = q;
            kw_b = q + k;
            deficit = d;
        }
    }
    if (!strcmp(r->f.unit, "rank")) {
        /* "the largest trade partner", "the largest investor": the words after */
        size_t q = extract_skip_sp(s, n, r->end, 1);
        for (int it = 0; it < 3 && q < sb; it++) {
            size_t k;
            int d;
            const char *f = ex_flow_word_p(s, n, q, &k, &d, 1);
            if (!f && (k = extract_word(s, n, q, "trading")) != 0)
                f = "trade";
            if (!f && ((k = extract_word(s, n, q, "investor")) ||
                       (k = extract_word(s, n, q, "investors"))))
                f = "investment_stock";
            if (f) {
                flow = f;
                kw_a = q;
                kw_b = q + k;
                break;
            }
            while (q < sb && ex_isalpha((unsigned char)s[q]))
                q++;
            q = extract_skip_sp(s, n, q, 1);
        }
    }
    w->source = ex_source(s, n, sa, sb);
    if (flow && !w->total) {
        /* "the U.S. trade deficit in goods and services", "The goods and
         * services deficit": the country's total */
        size_t lo = kw_a > sa + 40 ? kw_a - 40 : sa;
        for (size_t q = lo; q < start && !w->total; q++)
            if ((q == lo || !ex_isalpha((unsigned char)s[q - 1])) &&
                extract_word(s, n, q, "goods and services"))
                w->total = 2;
    }
    if (!flow && trade_unit_is_currency(r->f.unit)) {
        /* "provided $4.2 million to assist the people of Peru", "$56.6
         * million budgeted ... for assistance programs": aid named after
         * the figure, in its clause */
        size_t lim = r->end + 90 < sb ? r->end + 90 : sb;
        for (size_t q = r->end; q < lim && !flow; q++) {
            if (s[q] == ',' || s[q] == ';' || s[q] == '(' || s[q] == ':')
                break;
            if (q > 0 && ex_isalpha((unsigned char)s[q - 1]))
                continue;
            if (extract_word(s, n, q, "assist") || extract_word(s, n, q, "assistance") ||
                extract_word(s, n, q, "humanitarian") || extract_word(s, n, q, "grant") ||
                extract_word(s, n, q, "grants")) {
                flow = "aid";
                kw_a = q;
                kw_b = q;
            }
        }
    }
    if (trade_unit_is_currency(r->f.unit) && !w->reporter[0]) {
        /* "$56.6 million budgeted by all U.S. Government agencies",
         * "will be provided by USAID": the giver */
        size_t lim = r->end + 40 < sb ? r->end + 40 : sb;
        for (size_t q = r->end; q < lim; q++) {
            if (s[q] == ',' || s[q] == ';' || s[q] == '(' || s[q] == ':')
                break;
            size_t t;
            if ((q == 0 || !ex_isalpha((unsigned char)s[q - 1])) &&
                (t = extract_word(s, n, q, "by"))) {
                size_t q2 = extract_skip_sp(s, n, q + t, 1);
                size_t al = extract_word(s, n, q2, "all");
                if (al)
                    q2 = extract_skip_sp(s, n, q2 + al, 1);
                size_t cl;
                int poss;
                const char *c = ex_country(s, n, q2, &cl, &poss);
                size_t v0;
                size_t ve = extract_prev_word(s, n, q, &v0);
                /* a giving verb before "by": not "rose by", "up by" */
                if (c && ve > v0 &&
                    (extract_word(s, n, v0, "provided") == ve - v0 ||
                     extract_word(s, n, v0, "budgeted") == ve - v0 ||
                     extract_word(s, n, v0, "granted") == ve - v0 ||
                     extract_word(s, n, v0, "allocated") == ve - v0 ||
                     extract_word(s, n, v0, "financed") == ve - v0 ||
                     extract_word(s, n, v0, "funded") == ve - v0 ||
                     extract_word(s, n, v0, "given") == ve - v0 ||
                     extract_word(s, n, v0, "pledged") == ve - v0 ||
                     extract_word(s, n, v0, "invested") == ve - v0))
                    ex_set(w->reporter, c);
                break;
            }
        }
    }
    {
        /* "In total, Kyrgyzstan exported ...": a total */
        size_t q = extract_skip_sp(s, n, sa, 1);
        if (extract_word(s, n, q, "in total") || extract_word(s, n, q, "overall") ||
            extract_word(s, n, q, "in all"))
            w->total = 2;
    }
    if (!flow && trade_unit_is_currency(r->f.unit)) {
        /* money with no flow word in a sentence about giving it: "USAID
         * announced an additional Kes.173 million for", "commitments totaling
         * over Kes.52 billion ... to support", "is providing $250,000" */
        static const char *const cues[] = {"to support", "supporting", "commitments",
                                           "allocated", "is providing", "has provided",
                                           "granted", "pledged", "donation", "donor",
                                           "humanitarian", "development assistance", NULL};
        for (size_t i = sa; i < sb && !flow; i++) {
            if (i > sa && ex_isalpha((unsigned char)s[i - 1]))
                continue;
            size_t k = extract_word_cs(s, n, i, "USAID");
            for (size_t j = 0; !k && cues[j]; j++)
                k = extract_word(s, n, i, cues[j]);
            if (k) {
                flow = "aid";
                kw_a = kw_b = i < start ? i + k : start;
            }
        }
    }
    if (flow && !strcmp(flow, "aid")) {
        /* the receiver: "to support Kenya's electoral process", "to support
         * the Government of Kenya", "has granted Kenya with US$250 million" */
        for (size_t i = sa; i < sb && !w->aid_to[0]; i++) {
            if (i > sa && ex_isalpha((unsigned char)s[i - 1]))
                continue;
            size_t k;
            if (!w->aid_from[0] && (k = extract_word(s, n, i, "from")) != 0) {
                /* "from various U.S. departments and agencies" */
                size_t q = extract_skip_sp(s, n, i + k, 1);
                for (int it = 0; it < 3 && q < sb; it++) {
                    size_t cl;
                    int poss;
                    const char *c = ex_country(s, n, q, &cl, &poss);
                    if (c) {
                        ex_set(w->aid_from, c);
                        break;
                    }
                    while (q < sb && ex_isalpha((unsigned char)s[q]))
                        q++;
                    q = extract_skip_sp(s, n, q, 1);
                }
                continue;
            }
            if (!(k = extract_word(s, n, i, "support")) && !(k = extract_word(s, n, i, "supporting")) &&
                !(k = extract_word(s, n, i, "granted")))
                continue;
            size_t q = extract_skip_sp(s, n, i + k, 1);
            size_t t;
            if ((t = extract_word(s, n, q, "the government of")) ||
                (t = extract_word(s, n, q, "the people of")))
                q = extract_skip_sp(s, n, q + t, 1);
            size_t cl;
            int poss;
            const char *c = ex_country(s, n, q, &cl, &poss);
            if (c)
                ex_set(w->aid_to, c);
        }
    }
    {
        /* "Of the total external trade, USD5.79 billion (38.4%) were exported
         * goods and USD9.29 billion (61.6%) were imported goods": the flow
         * the figure is, right after it (past its share in parentheses) */
        size_t q = extract_skip_sp(s, n, r->end, 0);
        if (q < n && s[q] == ')')
            q = extract_skip_sp(s, n, q + 1, 0);
        if (q < n && s[q] == '(') {
            size_t c = q;
            while (c < sb && c < q + 20 && s[c] != ')')
                c++;
            if (c < sb && s[c] == ')')
                q = extract_skip_sp(s, n, c + 1, 0);
        }
        size_t k;
        if ((k = extract_word(s, n, q, "were")) || (k = extract_word(s, n, q, "was"))) {
            size_t q2 = extract_skip_sp(s, n, q + k, 0);
            size_t k2;
            const char *f2 = (k2 = extract_word(s, n, q2, "exported goods")) ? "export"
                             : (k2 = extract_word(s, n, q2, "imported goods")) ? "import"
                                                                                : NULL;
            if (f2) {
                flow = f2;
                deficit = 0;
                kw_a = q2;
                kw_b = q2 + k2;
            }
        }
    }
    if (!r->is_percent) {
        /* "a R22.7 billion trade deficit", "the over R17 billion trade
         * balance surplus": the figure is the balance named right after it,
         * whatever the sentence said before */
        size_t q = extract_skip_sp(s, n, r->end, 0);
        size_t k;
        if ((k = extract_word(s, n, q, "trade")) != 0)
            q = extract_skip_sp(s, n, q + k, 0);
        if ((k = extract_word(s, n, q, "balance")) != 0)
            q = extract_skip_sp(s, n, q + k, 0);
        int d = (k = extract_word(s, n, q, "deficit")) != 0;
        if (d || (k = extract_word(s, n, q, "surplus")) != 0) {
            flow = "balance";
            deficit = d;
            kw_a = q;
            kw_b = q + k;
        }
    }
    if (!flow && !r->is_percent) {
        /* "some 11.842 million tons of goods valued at $19.539 billion were
         * imported into the country": the passive verb after the figure, in
         * its clause */
        size_t lim = r->end + 80 < sb ? r->end + 80 : sb;
        for (size_t q = r->end; q < lim && !flow; q++) {
            if (s[q] == ',' || s[q] == ';' || s[q] == '(' || s[q] == ':')
                break;
            if (q > 0 && ex_isalpha((unsigned char)s[q - 1]))
                continue;
            size_t k = 0;
            if ((k = extract_word(s, n, q, "were imported")) ||
                (k = extract_word(s, n, q, "was imported")))
                flow = "import";
            else if ((k = extract_word(s, n, q, "were exported")) ||
                     (k = extract_word(s, n, q, "was exported")))
                flow = "export";
            if (flow) {
                kw_a = q;
                kw_b = q + k;
            }
        }
    }
    if (!flow && !r->is_percent && trade_unit_is_currency(r->f.unit)) {
        /* "Over $10 billion of investments have come from UAE", "6.6 billion
         * USD of foreign direct investment": the investment named right
         * after the amount */
        size_t q = extract_skip_sp(s, n, r->end, 0);
        size_t k;
        if ((k = extract_word(s, n, q, "of")) || (k = extract_word(s, n, q, "in")))
            q = extract_skip_sp(s, n, q + k, 0);
        if ((k = extract_word(s, n, q, "foreign")))
            q = extract_skip_sp(s, n, q + k, 0);
        if ((k = extract_word(s, n, q, "direct investments")) ||
            (k = extract_word(s, n, q, "direct investment")) || (k = extract_word_cs(s, n, q, "FDI")))
            flow = "fdi_flow";
        else if ((k = extract_word(s, n, q, "investments")) ||
                 (k = extract_word(s, n, q, "investment")))
            flow = "investment_flow";
        if (flow) {
            /* only with the investor named after it ("... from UAE"): else
             * the flow the sentences before gave stands */
            ex_who probe;
            memset(&probe, 0, sizeof probe);
            ex_investor_from(s, n, q + k, sb, &probe);
            if (probe.inv_from[0]) {
                kw_a = q;
                kw_b = q + k;
            } else
                flow = NULL;
        }
    }
    if (flow) {
        w->have_flow = 1;
        /* services */
        size_t w0;
        size_t we = extract_prev_word(s, n, kw_a, &w0);
        size_t rep_end = kw_a;
        int services = 0;
        if (we > w0 && (extract_word(s, n, w0, "services") == we - w0 ||
                        extract_word(s, n, w0, "service") == we - w0)) {
            services = 1;
            rep_end = w0;
        } else if (we > w0 && w0 >= sa && extract_word(s, n, w0, "goods") == we - w0 &&
                   (!strcmp(flow, "export") || !strcmp(flow, "import"))) {
            /* "Goods exports fell by 0.3%" after the total of goods and
             * services: a part of it */
            w->goods = 1;
        }
        if (!strcmp(flow, "fdi_flow") || !strcmp(flow, "investment_stock") ||
            !strcmp(flow, "investment_flow")) {
            /* stock or flow */
            size_t lo = kw_a > sa + 60 ? kw_a - 60 : sa;
            int stock = 0, inflow = 0, since = 0, fresh = 0;
            for (size_t q = lo; q < (r->end + 20 < sb ? r->end + 20 : sb); q++) {
                if (q > lo && ex_isalpha((unsigned char)s[q - 1]))
                    continue;
                if (extract_word(s, n, q, "stock") || extract_word(s, n, q, "accumulated") ||
                    extract_word(s, n, q, "cumulative") || extract_word(s, n, q, "total") ||
                    extract_word(s, n, q, "since"))
                    stock = 1;
                if (extract_word(s, n, q, "since") || extract_word(s, n, q, "so far") ||
                    extract_word(s, n, q, "to date"))
                    since = stock = 1; /* "has so far attracted": what accumulated */
                if (extract_word(s, n, q, "newly") || extract_word(s, n, q, "newly-registered") ||
                    extract_word(s, n, q, "increased capital"))
                    fresh = 1; /* "Total newly-registered capital": the period's */
                if (extract_word(s, n, q, "inflow") || extract_word(s, n, q, "inflows") ||
                    extract_word(s, n, q, "attracted") || extract_word(s, n, q, "attract") ||
                    extract_word(s, n, q, "attracting") || extract_word(s, n, q, "projects") ||
                    extract_word(s, n, q, "annually") || extract_word(s, n, q, "invests") ||
                    extract_word(s, n, q, "invested") || extract_word(s, n, q, "new"))
                    inflow = 1;
            }
            /* "Vietnam has so far attracted more than 22,000 foreign direct
             * investment (FDI) projects": further back, in the same clause */
            for (size_t q = kw_a > sa + 140 ? kw_a - 140 : sa; q < lo; q++)
                if ((q == sa || !ex_isalpha((unsigned char)s[q - 1])) &&
                    (extract_word(s, n, q, "so far") || extract_word(s, n, q, "to date"))) {
                    size_t c = q;
                    while (c < kw_a && !((s[c] == ',' || s[c] == ';') && s[c + 1] == ' '))
                        c++;
                    if (c == kw_a)
                        since = stock = 1;
                }
            if (!strcmp(flow, "fdi_flow")) {
                /* "FDI projects worth about US$300 billion", "FDI projects
                 * capitalised at": the capital registered for projects, not
                 * the money that came in */
                size_t q = extract_skip_sp(s, n, kw_b, 1);
                if (q < n && s[q] == ')')
                    q = extract_skip_sp(s, n, q + 1, 1);
                size_t pk = extract_word(s, n, q, "projects");
                if (pk) {
                    q = extract_skip_sp(s, n, q + pk, 1);
                    if (extract_word(s, n, q, "worth") || extract_word(s, n, q, "capitalised") ||
                        extract_word(s, n, q, "capitalized") || extract_word(s, n, q, "valued"))
                        flow = "investment_flow";
                }
            }
            if (!strcmp(flow, "investment_flow") && stock && since && !fresh)
                flow = "investment_stock";
            if (!strcmp(flow, "fdi_flow") && stock && (!inflow || since))
                flow = "fdi_stock";
            else if (!strcmp(flow, "investment_flow") && since)
                flow = "investment_stock"; /* "since 2010 ... have invested": accumulated */
            else if (!strcmp(flow, "investment_stock") && ((inflow && !stock) || fresh))
                flow = "investment_flow";
            else if (!strcmp(flow, "investment_flow") && stock && since && !fresh)
                flow = "investment_stock";
        }
        if (!strncmp(flow, "investment", 10)) {
            /* "attracted $8.1 billion in foreign direct investment" */
            size_t q = extract_skip_sp(s, n, r->end, 1);
            size_t k;
            if ((k = extract_word(s, n, q, "in")) || (k = extract_word(s, n, q, "of")))
                q = extract_skip_sp(s, n, q + k, 1);
            if ((k = extract_word(s, n, q, "foreign")))
                q = extract_skip_sp(s, n, q + k, 1);
            if (extract_word(s, n, q, "direct investment") || extract_word_cs(s, n, q, "FDI"))
                flow = "fdi_flow";
        }
        if (!strcmp(r->f.unit, "t") || !strcmp(r->f.unit, "m3") || !strcmp(r->f.unit, "TEU")) {
            /* "transit trade ... 1.5mn tonnes": goods carried */
            size_t lo = kw_a > sa + 40 ? kw_a - 40 : sa;
            for (size_t q = lo; q < start; q++)
                if ((q == lo || !ex_isalpha((unsigned char)s[q - 1])) &&
                    (extract_word(s, n, q, "transit") || extract_word(s, n, q, "cargo") ||
                     extract_word(s, n, q, "freight") || extract_word(s, n, q, "handled") ||
                     extract_word(s, n, q, "rail") || extract_word(s, n, q, "railway"))) {
                    /* "rail exports to China ... 13.7 million tons" */
                    if (!strcmp(flow, "export") || !strcmp(flow, "import"))
                        snprintf(w->cargo, sizeof w->cargo, "%ss", flow);
                    flow = "freight";
                }

        } else if (!strcmp(flow, "freight") && trade_unit_is_currency(r->f.unit)) {
            /* money: "freight trains ... worth" is not goods carried */
            flow = "";
            w->have_flow = 0;
        }
        if (flow && !strcmp(flow, "balance") && !deficit) {
            /* "the negative foreign trade balance" */
            size_t e0 = kw_a;
            for (int it = 0; it < 3; it++) {
                size_t v0;
                size_t ve = extract_prev_word(s, n, e0, &v0);
                if (ve <= v0 || v0 < sa)
                    break;
                if (extract_word(s, n, v0, "negative") == ve - v0)
                    deficit = 1;
                e0 = v0;
            }
        }
        if (flow && !strcmp(flow, "balance") && deficit)
            w->negative = 1;
        if (flow)
            snprintf(w->flow, sizeof w->flow, "%s", flow);
        if (services && flow && !strcmp(flow, "export"))
            snprintf(w->flow, sizeof w->flow, "services_export");
        else if (services && flow && !strcmp(flow, "import"))
            snprintf(w->flow, sizeof w->flow, "services_import");
        else if (services && flow && !strcmp(flow, "trade"))
            snprintf(w->flow, sizeof w->flow, "services_trade");
        if (extract_word(s, n, kw_a, "overseas shipments") ||
            extract_word(s, n, kw_a, "overseas sales"))
            w->total = 2; /* sales abroad: to every partner */
        /* reporter: a country (name, adjective, possessive) right before,
         * skipping "goods", "mutual", "bilateral", "total", "foreign" */
        size_t b0 = rep_end;
        for (int it = 0; it < 4; it++) {
            size_t v0;
            size_t ve = extract_prev_word(s, n, b0, &v0);
            if (ve <= v0 || v0 < sa)
                break;
            static const char *const skip[] = {
                "goods",  "mutual", "bilateral",   "total",     "foreign", "external", "overall",
                "annual", "the",    "merchandise", "commodity", "direct",  "of",
                "combined", "global", NULL};
            int sk = 0;
            for (size_t j = 0; skip[j]; j++)
                if (extract_word(s, n, v0, skip[j]) == ve - v0)
                    sk = 1;
            if (!sk)
                break;
            if (extract_word(s, n, v0, "total") == ve - v0 ||
                extract_word(s, n, v0, "overall") == ve - v0 ||
                extract_word(s, n, v0, "combined") == ve - v0 ||
                extract_word(s, n, v0, "global") == ve - v0)
                w->total = 2; /* "South Korea's combined exports", "the global trade balance" */
            else if ((extract_word(s, n, v0, "foreign") == ve - v0 ||
                      extract_word(s, n, v0, "external") == ve - v0) &&
                     !w->total)
                w->total = 1;
            b0 = v0;
        }
        size_t b1 = extract_skip_sp_back(s, n, b0, 1);
        for (size_t back = 0; back < 40 && b1 > back; back++) {
            size_t p = b1 - back - 1;
            if (p > 0 && ex_isalpha((unsigned char)s[p - 1]))
                continue;
            size_t cl;
            int poss;
            const char *c = ex_country(s, n, p, &cl, &poss);
            if (c && p + cl == b1) {
                /* "X-Y trade": X reports, Y is the partner */
                size_t a2 = p;
                if (a2 >= 2 && s[a2 - 1] == '-') {
                    size_t p0 = a2 - 1;
                    for (size_t bb = 1; bb < 30 && p0 >= bb; bb++) {
                        size_t q = p0 - bb;
                        if (q > 0 && ex_isalpha((unsigned char)s[q - 1]))
                            continue;
                        size_t cl2;
                        int poss2;
                        const char *c2 = ex_country(s, n, q, &cl2, &poss2);
                        if (c2 && q + cl2 == p0) {
                            ex_set(w->reporter, c2);
                            ex_set(w->partner, c);
                            w->pair = 1;
                            break;
                        }
                    }
                }
                if (!w->pair) {
                    size_t e = p + cl;
                    if (e < n && s[e] == '-') {
                        size_t cl2;
                        int poss2;
                        const char *c2 = ex_country(s, n, e + 1, &cl2, &poss2);
                        if (c2 && e + 1 + cl2 <= b1 + 1) {
                            ex_set(w->reporter, c);
                            ex_set(w->partner, c2);
                            w->pair = 1;
                        }
                    }
                }
                if (!w->pair) {
                    ex_set(w->reporter, c);
                    w->rep_named = 1;
                    /* "Sri Lanka's exports grew 21%": no partner phrase after
                     * the flow word ("exports to the five countries"), no pair
                     * in the sentence ("bilateral trade ..., with China's
                     * exports up 23.7 percent") */
                    size_t q2 = extract_skip_sp(s, n, kw_b, 1);
                    w->own_total = !extract_word(s, n, q2, "to") && !extract_word(s, n, q2, "from") &&
                                   !extract_word(s, n, q2, "with") && !extract_word(s, n, q2, "into") &&
                                   !extract_word(s, n, q2, "in") && !extract_word(s, n, q2, "of");
                    for (size_t q3 = sa; q3 < sb && w->own_total; q3++)
                        if ((q3 == sa || !ex_isalpha((unsigned char)s[q3 - 1])) &&
                            (extract_word(s, n, q3, "bilateral") || extract_word(s, n, q3, "mutual") ||
                             extract_word(s, n, q3, "two countries") ||
                             extract_word(s, n, q3, "both countries") ||
                             extract_word(s, n, q3, "two-way")))
                            w->own_total = 0;
                    /* "Chinese imports accounted for": an adjective (not the
                     * country's name) before "imports" may be the origin */
                    const char *nm = trade_country_name(c);
                    size_t nl = strlen(nm);
                    w->adj_import = !strcmp(flow, "import") && !poss &&
                                    !(cl >= nl && !strncmp(s + p, nm, nl)) && strcmp(c, "EUU") != 0;
                    /* "Peruvian exports": the words do not end in the name */
                    w->rep_adj = !poss && !(cl >= nl && !strncmp(s + p + cl - nl, nm, nl));
                }
                break;
            }
            if (!c && back > 0 && ex_isalpha((unsigned char)s[p]))
                break; /* another word in between */
        }
        {
            /* "the largest export market for Uzbekistan": Uzbekistan exports to
             * the subject */
            size_t q = extract_skip_sp(s, n, kw_b, 1);
            size_t mk = extract_word(s, n, q, "market for");
            if (!mk)
                mk = extract_word(s, n, q, "destination for");
            size_t cl;
            int poss;
            const char *c =
                mk ? ex_country(s, n, extract_skip_sp(s, n, q + mk, 1), &cl, &poss) : NULL;
            if (c && !strcmp(flow, "export")) {
                ex_set(w->reporter, c);
                w->market = 1;
            }
        }
        if (w->reporter[0] &&
            (extract_word(s, n, kw_a, "attracted") || extract_word(s, n, kw_a, "received"))) {
            /* "Uzbekistan attracted $8.1 billion": the host */
            ex_set(w->host, w->reporter);
            w->reporter[0] = '\0';
        }
        if (!w->host[0] && (!strncmp(flow, "fdi", 3) || !strncmp(flow, "investment", 10))) {
            /* "Japan ranked 2nd out of 67 countries and territories investing
             * in Viet Nam, with a total investment of": the host, before the
             * figure; the investor is then the other country named */
            for (size_t q = sa; q < start; q++) {
                if (q > sa && ex_isalpha((unsigned char)s[q - 1]))
                    continue;
                size_t k = extract_word(s, n, q, "investing in");
                if (!k)
                    k = extract_word(s, n, q, "investors in");
                if (!k)
                    k = extract_word(s, n, q, "projects in");
                if (!k) {
                    /* "Vietnam has so far attracted more than 22,000 FDI
                     * projects", "Vietnam drew over 175 FDI projects": the
                     * subject of a receiving verb */
                    size_t cl;
                    int poss;
                    const char *c = ex_country(s, n, q, &cl, &poss);
                    if (!c || poss)
                        continue;
                    size_t v = extract_skip_sp(s, n, q + cl, 1);
                    if (!w->subject[0] &&
                        (extract_word(s, n, v, "investors") || extract_word(s, n, v, "investor")))
                        ex_set(w->subject, c); /* "Japanese investors account for" */
                    for (int it = 0; it < 3 && v < start; it++) {
                        size_t kv;
                        if ((kv = extract_word(s, n, v, "has")) ||
                            (kv = extract_word(s, n, v, "have")) ||
                            (kv = extract_word(s, n, v, "so far")) ||
                            (kv = extract_word(s, n, v, "also")))
                            v = extract_skip_sp(s, n, v + kv, 1);
                    }
                    if (extract_word(s, n, v, "attracted") || extract_word(s, n, v, "attracts") ||
                        extract_word(s, n, v, "drew") || extract_word(s, n, v, "draws") ||
                        extract_word(s, n, v, "received") || extract_word(s, n, v, "receives") ||
                        extract_word(s, n, v, "lured")) {
                        ex_set(w->host, c);
                        if (!strcmp(w->reporter, c))
                            w->reporter[0] = '\0';
                        break;
                    }
                    q += cl - 1;
                    continue;
                }
                size_t cl;
                int poss;
                const char *c = ex_country(s, n, extract_skip_sp(s, n, q + k, 1), &cl, &poss);
                if (c && strcmp(c, w->reporter))
                    ex_set(w->host, c);
                break;
            }
        }
        if (!strncmp(flow, "fdi", 3) || !strncmp(flow, "investment", 10)) {
            /* "projects worth about US$300 billion from 116 countries and
             * territories", "out of 140 countries investing in": every investor */
            for (size_t q = sa; q + 10 < sb; q++) {
                if (q > sa && ex_isalpha((unsigned char)s[q - 1]))
                    continue;
                size_t k = extract_word(s, n, q, "from");
                if (!k)
                    continue;
                size_t v = extract_skip_sp(s, n, q + k, 1);
                size_t kv;
                if ((kv = extract_word(s, n, v, "more than")) ||
                    (kv = extract_word(s, n, v, "over")))
                    v = extract_skip_sp(s, n, v + kv, 1);
                size_t d = v;
                while (d < sb && ex_isdigit((unsigned char)s[d]))
                    d++;
                if (d > v && extract_word(s, n, extract_skip_sp(s, n, d, 1), "countries")) {
                    w->from_world = 1;
                    break;
                }
            }
        }
        /* after the keyword: "to Y", "from X to Y", "with Y", "between X and Y",
         * "in Y", "of X" (the reporter of a total) */
        size_t p = extract_skip_sp(s, n, kw_b, 1);
        if (p < n && s[p] == ')')
            p = extract_skip_sp(s, n, p + 1, 1); /* "(FDI) in Kazakhstan" */
        for (int it = 0; it < 3; it++) {
            /* "exports of goods from", "turnover volume between" */
            size_t k;
            if ((k = extract_word(s, n, p, "of goods")) || (k = extract_word(s, n, p, "volume")) ||
                (k = extract_word(s, n, p, "goods")) || (k = extract_word(s, n, p, "flows")) ||
                (k = extract_word(s, n, p, "projects")) || (k = extract_word(s, n, p, "(FDI)")))
                p = extract_skip_sp(s, n, p + k, 1);
            else
                break;
        }
        const char *pw[] = {"to", "from", "with", "between", "in", "into", "of", "for", NULL};
        int which = -1;
        size_t k = 0;
        for (int j = 0; pw[j]; j++)
            if ((k = extract_word(s, n, p, pw[j])) != 0) {
                which = j;
                break;
            }
        if (which >= 0 && which != 3 && ex_group_at(s, n, extract_skip_sp(s, n, p + k, 1)))
            w->group = 1; /* "Exports to non-EU countries", "trade with third countries" */
        if (which >= 0) {
            size_t q = extract_skip_sp(s, n, p + k, 1);
            size_t e2;
            if (which == 4 && (e2 = extract_word(s, n, q, "the economy of")))
                q = extract_skip_sp(s, n, q + e2, 1);
            size_t cl;
            int poss;
            const char *c =
                which == 3 ? ex_side(s, n, q, &cl, &poss) : ex_country(s, n, q, &cl, &poss);
            if (c && (which == 0 || which == 1 || which == 2)) {
                /* "exports to Russia and Central Asia": two partners, one
                 * figure; no code is both */
                size_t q2 = extract_skip_sp(s, n, q + cl, 1);
                size_t an = extract_word(s, n, q2, "and");
                size_t cl2;
                int poss2;
                if (an && ex_country(s, n, extract_skip_sp(s, n, q2 + an, 1), &cl2, &poss2) &&
                    !poss2)
                    w->group = 2;
            }
            const char *fl = w->flow;
            int inv = !strncmp(fl, "fdi", 3) || !strncmp(fl, "investment", 10);
            if (!c && which == 3) {
                /* "between the two countries (Pakistan and India)", "between
                 * the two countries": the pair named in parentheses, else the
                 * document's two */
                size_t t2 = extract_word(s, n, q, "the two countries");
                if (!t2)
                    t2 = extract_word(s, n, q, "both countries");
                if (t2)
                    w->doc_pair = 1;
            }
            if (c && which == 3) {
                /* between X and Y */
                ex_set(w->reporter, c);
                w->pair = 1;
                size_t q2 = extract_skip_sp(s, n, q + cl, 1);
                size_t an = extract_word(s, n, q2, "and");
                if (an) {
                    size_t cl2;
                    int poss2;
                    const char *c2 =
                        ex_side(s, n, extract_skip_sp(s, n, q2 + an, 1), &cl2, &poss2);
                    if (c2)
                        ex_set(w->partner, c2);
                }
            } else if (c && which == 1 &&
                       (strstr(fl, "export") || !strcmp(fl, "freight") || strstr(fl, "import"))) {
                /* "exports from X to Y" / "imports from Y to X" */
                size_t q2 = extract_skip_sp(s, n, q + cl, 1);
                size_t to = extract_word(s, n, q2, "to");
                size_t cl2 = 0;
                int poss2;
                const char *c2 =
                    to ? ex_country(s, n, extract_skip_sp(s, n, q2 + to, 1), &cl2, &poss2) : NULL;
                if (!strcmp(fl, "freight") && !c2) {
                    /* "the receipt of cargo from China grew": where it comes
                     * from, into the country that reports */
                    ex_set(w->partner, c);
                } else if (strstr(fl, "export") || !strcmp(fl, "freight")) {
                    ex_set(w->reporter, c);
                    if (c2)
                        ex_set(w->partner, c2);
                } else {
                    ex_set(w->partner, c);
                    if (c2)
                        ex_set(w->reporter, c2);
                }
            } else if (c && which == 0 &&
                       (strstr(fl, "export") || !strcmp(fl, "freight") || !strcmp(fl, "aid") ||
                        inv)) {
                ex_set(w->partner, c);
            } else if (c && which == 0 && strstr(fl, "import")) {
                /* "imports to X from Y" */
                ex_set(w->reporter, c);
            } else if (c && (which == 2) &&
                       (strstr(fl, "trade") || !strcmp(fl, "balance") || !strcmp(fl, "freight"))) {
                ex_set(w->partner, c);
            } else if (c && (which == 4 || which == 5) && (inv || !strcmp(fl, "freight"))) {
                ex_set(w->partner, c);
            } else if (c && which == 6 && !inv && strstr(fl, "import") &&
                       (extract_word(s, n, extract_skip_sp(s, n, q + cl, 1), "goods") ||
                        extract_word(s, n, extract_skip_sp(s, n, q + cl, 1), "products"))) {
                /* "import of Uzbek goods": where they come from */
                ex_set(w->partner, c);
            } else if (c && which == 6 && !inv) {
                /* "foreign trade turnover of Kyrgyzstan", "of the EU with China" */
                ex_set(w->reporter, c);
                size_t q2 = extract_skip_sp(s, n, q + cl, 1);
                if (extract_word(s, n, q2, "countries"))
                    q2 = extract_skip_sp(s, n, q2 + 9, 1);
                size_t wi = extract_word(s, n, q2, "with");
                size_t cl2;
                int poss2;
                const char *c2 =
                    wi ? ex_country(s, n, extract_skip_sp(s, n, q2 + wi, 1), &cl2, &poss2) : NULL;
                if (c2)
                    ex_set(w->partner, c2);
            } else if (c && which == 7 && !strcmp(fl, "aid")) {
                ex_set(w->partner, c);
            }
        }
    }
    /* "€2 million for Uzbekistan", "exported ... $X to Y" right after the figure */
    {
        size_t q = extract_skip_sp(s, n, r->end, 1);
        size_t f = extract_word(s, n, q, "for");
        if (!f)
            f = extract_word(s, n, q, "to");
        if (!f)
            f = extract_word(s, n, q, "from");
        if (f) {
            size_t cl;
            int poss;
            const char *c = ex_country(s, n, extract_skip_sp(s, n, q + f, 1), &cl, &poss);
            if (c && !w->partner[0] && strcmp(w->flow, "trade") && strcmp(w->flow, "balance"))
                ex_set(w->partner, c);
            else if (c && !w->pair && !poss &&
                     ((!strcmp(w->flow, "export") && extract_word(s, n, q, "to")) ||
                      (!strcmp(w->flow, "import") && extract_word(s, n, q, "from"))))
                /* "exports to Sweden fell 8%, 11% to Norway": the figure's
                 * own destination, not the one named with the flow word */
                ex_set(w->partner, c);
        } else if (!w->partner[0] && !w->pair &&
                   (!strcmp(w->flow, "trade") || !strcmp(w->flow, "balance")) &&
                   (f = extract_word(s, n, q, "with")) != 0) {
            /* "a record trade surplus of over US$50 billion with China" */
            size_t cl;
            int poss;
            const char *c = ex_country(s, n, extract_skip_sp(s, n, q + f, 1), &cl, &poss);
            if (c)
                ex_set(w->partner, c);
        }
    }
    /* "Kyrgyzstan exported 422,260 tons of cement to Uzbekistan": the
     * partner after the figure, within the clause */
    if (!w->partner[0] && strcmp(w->flow, "trade") && strcmp(w->flow, "balance")) {
        size_t lim = r->end + 90 < sb ? r->end + 90 : sb;
        size_t q0 = extract_skip_sp(s, n, r->end, 1);
        if (q0 < lim && s[q0] == '(') {
            /* "103.8 billion euros (125.6 billion U.S. dollars) to the
             * United States": past the second reading */
            size_t c = q0;
            while (c < lim && s[c] != ')')
                c++;
            if (c < lim && c - q0 < 60) {
                q0 = c + 1;
                lim = q0 + 90 < sb ? q0 + 90 : sb;
            } else {
                q0 = r->end;
            }
        } else {
            q0 = r->end;
        }
        for (size_t q = q0; q < lim; q++) {
            if (s[q] == ',' || s[q] == ';' || s[q] == '(')
                break;
            /* "... to $884.95 million in January 2019 while those from the
             * US went up": another clause, another partner */
            if ((q == 0 || !ex_isalpha((unsigned char)s[q - 1])) &&
                (extract_word(s, n, q, "while") || extract_word(s, n, q, "whereas") ||
                 extract_word(s, n, q, "but") || extract_word(s, n, q, "those")))
                break;
            size_t t;
            if ((q == 0 || !ex_isalpha((unsigned char)s[q - 1])) &&
                ((t = extract_word(s, n, q, "to")) || (t = extract_word(s, n, q, "from")))) {
                size_t cl;
                int poss;
                const char *c = ex_country(s, n, extract_skip_sp(s, n, q + t, 1), &cl, &poss);
                if (c) {
                    ex_set(w->partner, c);
                    break;
                }
            }
            if ((q == 0 || !ex_isalpha((unsigned char)s[q - 1])) && !w->after_in[0] &&
                ((t = extract_word(s, n, q, "in")) ||
                 (t = extract_word(s, n, q, "to")))) {
                size_t cl;
                int poss;
                size_t q2 = extract_skip_sp(s, n, q + t, 1);
                const char *c = ex_country(s, n, q2, &cl, &poss);
                if (!c) {
                    /* "to assist the people of the Kyrgyz Republic", "in the
                     * southern part of the Kyrgyz Republic" */
                    size_t q3 = q2;
                    for (int it = 0; it < 4 && q3 < lim && s[q3] >= 'a' && s[q3] <= 'z'; it++) {
                        size_t e3 = q3;
                        while (e3 < lim && ex_isalpha((unsigned char)s[e3]))
                            e3++;
                        int of = extract_word(s, n, q3, "of") == e3 - q3;
                        q3 = extract_skip_sp(s, n, e3, 1);
                        if (of) {
                            c = ex_country(s, n, q3, &cl, &poss);
                            break;
                        }
                    }
                }
                if (c)
                    ex_set(w->after_in, c);
            }
        }
    }
    /* "a total registered capital of nearly US$42 billion, more than 14% of
     * total FDI in Vietnam": the host named later in the sentence */
    for (size_t q = r->end; q + 3 < sb; q++) {
        size_t t;
        if (ex_isalpha((unsigned char)s[q - 1]) || !(t = extract_word(s, n, q, "in")))
            continue;
        size_t cl;
        int poss;
        const char *c = ex_country(s, n, extract_skip_sp(s, n, q + t, 1), &cl, &poss);
        if (c) {
            ex_set(w->in_later, c);
            break;
        }
    }
    /* "grant assistance of up to ... for the implementation of the Project
     * ..., and concessional loan assistance ... to the Government of Nepal":
     * the receiver named at the end of a long sentence */
    if (!strcmp(w->flow, "aid") && !w->in_later[0]) {
        for (size_t q = r->end; q + 3 < sb; q++) {
            size_t t;
            if (ex_isalpha((unsigned char)s[q - 1]) || !(t = extract_word(s, n, q, "to")))
                continue;
            size_t q2 = extract_skip_sp(s, n, q + t, 1);
            size_t g;
            if ((g = extract_word(s, n, q2, "the Government of")) ||
                (g = extract_word(s, n, q2, "the government of")) ||
                (g = extract_word(s, n, q2, "the people of")))
                q2 = extract_skip_sp(s, n, q2 + g, 1);
            size_t cl;
            int poss;
            const char *c = ex_country(s, n, q2, &cl, &poss);
            if (c) {
                ex_set(w->in_later, c);
                break;
            }
        }
    }
    /* a list item: the country right before the figure ("Uzbekistan - 122.6
     * million", "China (more than $1.6 billion)", "Switzerland - 25.8") */
    {
        size_t q = r->start;
        if (q > 0 && (s[q - 1] == '-' || s[q - 1] == '+') && q > 1 && s[q - 2] == '(')
            q--; /* "China (-12.2%) and Norway (-5.7%)": the sign */
        size_t e = extract_skip_sp_back(s, n, q, 0);
        /* skip a qualifier: "(more than $1.6 billion)" */
        for (int it = 0; it < 3; it++) {
            size_t v0;
            size_t ve = extract_prev_word(s, n, e, &v0);
            static const char *const qw[] = {"more",   "than", "over",   "about", "nearly",
                                             "almost", "some", "around", "at",    "the",
                                             "level",  "of",   NULL};
            int hit = 0;
            for (size_t j = 0; qw[j] && ve > v0; j++)
                if (extract_word(s, n, v0, qw[j]) == ve - v0)
                    hit = 1;
            if (!hit)
                break;
            e = extract_skip_sp_back(s, n, v0, 0);
        }
        size_t sep = e;
        int ok = 0;
        if (sep > 0 && (s[sep - 1] == '(' || s[sep - 1] == ':' || s[sep - 1] == '-')) {
            sep--;
            ok = 1;
        } else if (sep >= 3 && (unsigned char)s[sep - 3] == 0xE2 &&
                   (unsigned char)s[sep - 2] == 0x80 &&
                   ((unsigned char)s[sep - 1] == 0x93 || (unsigned char)s[sep - 1] == 0x94)) {
            sep -= 3;
            ok = 1;
        }
        if (ok) {
            size_t ce = extract_skip_sp_back(s, n, sep, 0);
            for (size_t back = 1; back < 40 && ce >= back; back++) {
                size_t p = ce - back;
                if (p > 0 && ex_isalpha((unsigned char)s[p - 1]))
                    continue;
                size_t cl;
                int poss;
                const char *c = ex_country(s, n, p, &cl, &poss);
                if (c && p + cl == ce) {
                    ex_set(w->list, c);
                    break;
                }
                if (!c && ex_isalpha((unsigned char)s[p]) && !ex_isupper((unsigned char)s[p]))
                    break;
            }
        }
    }
    /* the sentence's countries: a possessive is the reporter ("Georgia's
     * biggest trade partner", "of Kazakhstan's total foreign trade"), the
     * subject of a flow verb too; the nearest other country before the
     * figure, in its clause first, is the partner */
    {
        size_t clause = sa;
        for (size_t q = start; q > sa; q--) {
            if (s[q - 1] == ',' || s[q - 1] == ';' || (s[q - 1] == '(' && q + 1 < start)) {
                clause = q;
                break;
            }
        }
        int last_compared = 0;
        size_t subj_at = 0;
        for (size_t q = sa; q < sb; q++) {
            if (q > sa && (ex_isalpha((unsigned char)s[q - 1]) || s[q - 1] == '-'))
                continue;
            size_t cl;
            int poss;
            const char *c = ex_country(s, n, q, &cl, &poss);
            if (!c)
                continue;
            if (!poss && !w->first[0])
                ex_set(w->first, c);
            if (poss && !w->possessive[0]) {
                ex_set(w->possessive, c);
                if (w->subject[0] && subj_at < clause && q >= clause && q < start)
                    /* "Chinese imports rose ..., while New Zealand's exports
                     * to the country declined": the figure's own clause
                     * names its owner; the subject before is another's */
                    w->subject[0] = '\0';
                /* "..., a slump attributed to the impact of COVID-19 on
                 * China's domestic demand": past the figure, after a
                 * preposition, an aside (not "were Ireland's main markets") */
                if (q > r->end) {
                    size_t p0;
                    size_t pe = extract_prev_word(s, n, q, &p0);
                    static const char *const prep[] = {"on",   "in",   "to",      "for",
                                                       "with", "by",   "into",    "from",
                                                       "against", "about", NULL};
                    for (int j = 0; prep[j] && pe > p0; j++)
                        if (extract_word(s, n, p0, prep[j]) == pe - p0)
                            w->poss_after = 1;
                }
                /* "Russia's trade turnover share", "Russia's share" */
                size_t q2 = q + cl;
                for (int it = 0; it < 4 && q2 < sb; it++) {
                    q2 = extract_skip_sp(s, n, q2, 1);
                    if (extract_word(s, n, q2, "share")) {
                        w->share_poss = 1;
                        break;
                    }
                    while (q2 < sb && ex_isalpha((unsigned char)s[q2]))
                        q2++;
                }
            } else if (!poss && q < start &&
                       ex_subject_verb(s, n, extract_skip_sp(s, n, q + cl, 1), start)) {
                /* "the receipt of cargo from China grew by 10%": China is
                 * no subject after a preposition */
                size_t p0;
                size_t pe = extract_prev_word(s, n, q, &p0);
                if (!(pe > p0 && p0 >= sa &&
                      (extract_word(s, n, p0, "from") == pe - p0 ||
                       extract_word(s, n, p0, "to") == pe - p0 ||
                       extract_word(s, n, p0, "with") == pe - p0 ||
                       extract_word(s, n, p0, "into") == pe - p0)))
                {
                    ex_set(w->subject, c);
                    subj_at = q;
                }
            }
            if (poss && !w->host[0] &&
                extract_word(s, n, extract_skip_sp(s, n, q + cl, 1), "economy") && q >= 3 &&
                (extract_word(s, n, q - 3, "in") || extract_word(s, n, q - 5, "into")))
                ex_set(w->host, c); /* "in Kazakhstan's economy" */
            if (!poss && q < start && !w->host[0]) {
                size_t q2 = extract_skip_sp(s, n, q + cl, 1);
                for (int it = 0; it < 3 && q2 < start; it++) {
                    if (extract_word(s, n, q2, "attracted") || extract_word(s, n, q2, "attract") ||
                        extract_word(s, n, q2, "attracts") || extract_word(s, n, q2, "received")) {
                        ex_set(w->host, c);
                        break;
                    }
                    while (q2 < start && ex_isalpha((unsigned char)s[q2]))
                        q2++;
                    q2 = extract_skip_sp(s, n, q2, 1);
                }
            }
            int compared = 0; /* "partner after the USA and China": ranked against */
            {
                size_t p0;
                size_t pe = extract_prev_word(s, n, q, &p0);
                if (pe > p0 && extract_word(s, n, p0, "the") == pe - p0)
                    pe = extract_prev_word(s, n, p0, &p0);
                if (pe > p0 && p0 >= sa && extract_word(s, n, p0, "and") == pe - p0)
                    compared = last_compared; /* "after the USA and China" */
                else if (pe > p0 && p0 >= sa &&
                         (extract_word(s, n, p0, "after") == pe - p0 ||
                          extract_word(s, n, p0, "behind") == pe - p0 ||
                          extract_word(s, n, p0, "than") == pe - p0))
                    compared = 1;
                last_compared = compared;
            }
            if (!poss && q < start && w->ncand < 8 && !compared) {
                ex_set(w->cand[w->ncand], c);
                w->cand_clause[w->ncand++] = q >= clause;
            }
            q += cl - 1;
        }
    }
    {
        /* "In Tajikistan, it has contributed ...": where the money goes; "the
         * Belgian government has offered ...", "it has ...": who gives it */
        size_t q = extract_skip_sp(s, n, sa, 1);
        size_t k = extract_word(s, n, q, "in"), cl;
        const char *c = k ? extract_country_at(s, n, extract_skip_sp(s, n, q + k, 1), &cl) : NULL;
        if (c) {
            size_t e = extract_skip_sp(s, n, q + k, 1) + cl;
            if (e < start && s[e] == ',') {
                ex_set(w->in_open, c);
                q = extract_skip_sp(s, n, e + 1, 1);
            }
        }
        if (w->in_open[0]) {
            if (extract_word(s, n, q, "it has") || extract_word(s, n, q, "it had") ||
                extract_word(s, n, q, "it"))
                w->pronoun = 1;
            size_t t = extract_word(s, n, q, "the");
            size_t q2 = t ? extract_skip_sp(s, n, q + t, 1) : q;
            const char *g = extract_country_at(s, n, q2, &cl);
            if (g) {
                size_t q3 = extract_skip_sp(s, n, q2 + cl, 1);
                if (extract_word(s, n, q3, "government") || extract_word(s, n, q3, "ministry") ||
                    extract_word(s, n, q3, "side") || extract_word(s, n, q3, "authorities"))
                    ex_set(w->gov, g);
            }
        }
    }
    {
        /* "exports to the US shrank 4.1 percent, and those to Japan 16.5
         * percent", "while that to Vietnam increased 22.6 percent": the flow
         * of the clause before, with another partner */
        size_t lo = start > sa + 80 ? start - 80 : sa;
        for (size_t p = start; p > lo; p--) {
            size_t q = p - 1;
            if (q > sa && ex_isalpha((unsigned char)s[q - 1]))
                continue;
            size_t t = extract_word(s, n, q, "those");
            if (!t)
                t = extract_word(s, n, q, "that");
            if (!t)
                continue;
            size_t q2 = extract_skip_sp(s, n, q + t, 1);
            size_t t2 = extract_word(s, n, q2, "to");
            if (!t2)
                t2 = extract_word(s, n, q2, "from");
            if (!t2)
                t2 = extract_word(s, n, q2, "with");
            if (!t2)
                break;
            q2 = extract_skip_sp(s, n, q2 + t2, 1);
            size_t th = extract_word(s, n, q2, "the");
            size_t cl;
            int poss;
            const char *c = ex_country(s, n, q2, &cl, &poss);
            if (!c && th)
                c = ex_country(s, n, extract_skip_sp(s, n, q2 + th, 1), &cl, &poss);
            if (c && flow && kw_b <= q)
                ex_set(w->partner, c);
            break;
        }
    }
    /* "Trade between Moscow and Ankara has continued to grow, with the
     * volume of goods exported by Russia": the pair of the sentence, for the
     * document's sides */
    for (size_t q = sa; q + 12 < sb && !w->between_a[0]; q++) {
        if (q > sa && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        size_t t = extract_word(s, n, q, "between");
        if (!t)
            continue;
        size_t cl1, cl2;
        int p1, p2;
        size_t a1 = extract_skip_sp(s, n, q + t, 1);
        const char *c1 = ex_side(s, n, a1, &cl1, &p1);
        size_t an = c1 ? extract_skip_sp(s, n, a1 + cl1, 1) : a1;
        size_t ak = c1 ? extract_word(s, n, an, "and") : 0;
        const char *c2 = ak ? ex_side(s, n, extract_skip_sp(s, n, an + ak, 1), &cl2, &p2) : NULL;
        if (c1 && c2 && strcmp(c1, c2)) {
            ex_set(w->between_a, c1);
            ex_set(w->between_b, c2);
        }
    }
    /* "the trade volume of the two countries (Pakistan and India)": the pair */
    for (size_t q = sa; q + 20 < sb && !w->pair; q++) {
        if (q > sa && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        size_t t = extract_word(s, n, q, "the two countries");
        if (!t)
            continue;
        w->doc_pair = 1;
        size_t q2 = extract_skip_sp(s, n, q + t, 1);
        if (q2 >= sb || s[q2] != '(')
            continue;
        size_t cl1, cl2;
        int p1, p2;
        size_t a1 = extract_skip_sp(s, n, q2 + 1, 1);
        const char *c1 = ex_country(s, n, a1, &cl1, &p1);
        size_t an = c1 ? extract_skip_sp(s, n, a1 + cl1, 1) : a1;
        size_t ak = c1 ? extract_word(s, n, an, "and") : 0;
        const char *c2 =
            ak ? ex_country(s, n, extract_skip_sp(s, n, an + ak, 1), &cl2, &p2) : NULL;
        if (c1 && c2 && strcmp(c1, c2)) {
            ex_set(w->reporter, c1);
            ex_set(w->partner, c2);
            w->pair = 1;
            w->doc_pair = 0;
        }
    }
    if (flow && !w->pair && !w->reporter[0] && !w->partner[0]) {
        /* "Two-way trade has recorded", "bilateral trade reached": the
         * document's two countries when the sentence names none */
        size_t v0;
        size_t ve = extract_prev_word(s, n, kw_a, &v0);
        if (ve > v0 && v0 >= sa &&
            (extract_word(s, n, v0, "two-way") == ve - v0 ||
             extract_word(s, n, v0, "bilateral") == ve - v0 ||
             extract_word(s, n, v0, "mutual") == ve - v0))
            w->doc_pair = 1;
    }
    /* "The Kingdom's non-oil exports", "the country's goods": the
     * document's own country */
    for (size_t q = sa; q + 8 < sb && !w->self_ref; q++) {
        if (q > sa && ex_isalpha((unsigned char)s[q - 1]))
            continue;
        static const char *const self[] = {"the Kingdom's", "the Kingdom\xe2\x80\x99s",
                                           "the country's", "the country\xe2\x80\x99s",
                                           "the nation's",  "the nation\xe2\x80\x99s",
                                           "the Republic's", "the Republic\xe2\x80\x99s",
                                           "the State's",   "the State\xe2\x80\x99s",
                                           NULL};
        for (int j = 0; self[j] && !w->self_ref; j++) {
            size_t k = extract_word(s, n, q, self[j]);
            if (!k)
                continue;
            w->self_ref = 1;
            /* "Germany has overtaken Russia to become the country's biggest
             * export market": the subject is the other side */
            size_t v = extract_skip_sp(s, n, q + k, 1);
            for (int it = 0; it < 4 && v < sb; it++) {
                if (extract_word(s, n, v, "market") || extract_word(s, n, v, "destination") ||
                    extract_word(s, n, v, "partner") || extract_word(s, n, v, "supplier") ||
                    extract_word(s, n, v, "customer") || extract_word(s, n, v, "buyer") ||
                    extract_word(s, n, v, "investor") || extract_word(s, n, v, "sources") ||
                    extract_word(s, n, v, "source") || extract_word(s, n, v, "destinations") ||
                    extract_word(s, n, v, "markets") || extract_word(s, n, v, "partners") ||
                    extract_word(s, n, v, "suppliers"))
                    w->self_ref = 2; /* "the country's top five sources of imports were" */
                while (v < sb && ex_isalpha((unsigned char)s[v]))
                    v++;
                v = extract_skip_sp(s, n, v, 1);
            }
        }
    }
    ex_ranked(s, n, sa, start, w);
    if (!w->ranked_by[0])
        ex_member(s, n, sa, sb, r, w);
    if (!w->member[0] && !w->ranked_by[0])
        ex_role(s, n, sa, sb, w);
    if (w->have_flow && !w->pair && kw_a > sa)
        ex_their_pair(s, n, sa, kw_a, w);
    for (size_t q = sa; q < start && !w->group && !w->partner[0]; q++) {
        /* "Trade with third countries showed a 19.1% increase in imports to
         * a total of € 31.31bn": the group the sentence opens with */
        size_t k = 0;
        if ((q == sa || !ex_isalpha((unsigned char)s[q - 1])) &&
            ((k = extract_word(s, n, q, "with")) || (k = extract_word(s, n, q, "to")) ||
             (k = extract_word(s, n, q, "from"))) &&
            ex_group_at(s, n, extract_skip_sp(s, n, q + k, 1)))
            w->group = 1;
    }
    if (!strncmp(w->flow, "fdi", 3) || !strncmp(w->flow, "investment", 10))
        ex_investor_from(s, n, kw_b > r->end ? kw_b : r->end, sb, w);
    if (!strcmp(w->flow, "aid") && !w->aid_from[0])
        ex_aid_giver(s, n, sa, start, w);
    /* "When including trade with Botswana, Eswatini, Lesotho and Namibia
     * (BELN), South African exports totalled": a scope of the total, not
     * its partner */
    for (size_t i = sa; i < start; i++) {
        size_t k = 0;
        if (i > sa && ex_isalpha((unsigned char)s[i - 1]))
            continue;
        if (!(k = extract_word(s, n, i, "including trade with")) &&
            !(k = extract_word(s, n, i, "excluding trade with")) &&
            !(k = extract_word(s, n, i, "including")) && !(k = extract_word(s, n, i, "excluding")))
            continue;
        char scope[8][8];
        int ns = 0;
        size_t q = extract_skip_sp(s, n, i + k, 1);
        while (q < start && ns < 8) {
            size_t cl, t;
            int poss;
            if ((t = extract_word(s, n, q, "the")) != 0)
                q = extract_skip_sp(s, n, q + t, 1);
            const char *c = ex_country(s, n, q, &cl, &poss);
            if (!c)
                break;
            ex_set(scope[ns++], c);
            q += cl;
            if (q < n && s[q] == ',')
                q++;
            q = extract_skip_sp(s, n, q, 1);
            if ((t = extract_word(s, n, q, "and")) != 0)
                q = extract_skip_sp(s, n, q + t, 1);
        }
        for (int j = 0; j < ns; j++) {
            if (!strcmp(w->partner, scope[j]))
                w->partner[0] = '\0';
            if (!strcmp(w->list, scope[j]))
                w->list[0] = '\0';
            for (int c = 0; c < w->ncand; c++)
                if (!strcmp(w->cand[c], scope[j])) {
                    for (int d = c + 1; d < w->ncand; d++) {
                        memcpy(w->cand[d - 1], w->cand[d], sizeof w->cand[d]);
                        w->cand_clause[d - 1] = w->cand_clause[d];
                    }
                    w->ncand--;
                    c--;
                }
        }
        if (ns) {
            w->total = 2; /* the total, with or without those partners: WLD */
            break;
        }
    }
    /* "China emerged as the top destination for Saudi exports ... It was
     * followed by Japan with exports valued at": the next place of a
     * ranking of partners */
    for (size_t i = sa; i + 12 < start && !w->member[0]; i++) {
        size_t k;
        if ((i > sa && ex_isalpha((unsigned char)s[i - 1])) ||
            !(k = extract_word(s, n, i, "followed by")))
            continue;
        size_t cl;
        int poss;
        size_t q = extract_skip_sp(s, n, i + k, 1);
        const char *c = ex_country(s, n, q, &cl, &poss);
        if (!c)
            break;
        ex_set(w->followed, c);
        /* "followed by Russia with $1.88 billion, United States with $1.47
         * billion": the last country named before the figure */
        for (size_t j = q + cl; j < start; j++) {
            size_t cl2;
            const char *c2 = ex_isalpha((unsigned char)s[j - 1]) ? NULL
                                                                 : ex_country(s, n, j, &cl2, &poss);
            if (c2) {
                ex_set(w->followed, c2);
                j += cl2 - 1;
            }
        }
        break;
    }
}

/* The note of a reporter read from the data source ("according to Chinese
 * customs"), which a later sentence does not take on. */
#define SOURCE_NOTE "from the data source named in the sentence"

/* The note of a partner left empty for a group with no code. */
#define GROUP_NOTE " left empty: a group of partners with no code"

/* Units a freight flow may carry on to: goods carried, and their growth. */
static int ex_tonnage(const char *u)
{
    return !strcmp(u, "t") || !strcmp(u, "m3") || !strcmp(u, "TEU") || !strcmp(u, "percent_change");
}

static void ex_note(char *note, size_t cap, const char *fmt, const char *what, unsigned long line)
{
    size_t l = strlen(note);
    if (l + 2 >= cap)
        return;
    snprintf(note + l, cap - l, "%s", l ? "; " : "");
    l = strlen(note);
    snprintf(note + l, cap - l, fmt, what, line);
}

/* "The volume of transportation by rail reached 10.1 million tons ...
 * exports increased by 21%, to 4.5 million tons": the exports of a carrier's
 * paragraph, in tonnes or as their growth, are goods it carried. Only the
 * sentence before in the paragraph, or a figure before on the same line,
 * sets the paragraph's subject: "Coal imports through domestic ports" on a
 * line of its own are imports. */
int extract_who_carried_freight(ex_who *w, const ex_who *before, const trade_figure *prev,
                                unsigned long line, const char *unit)
{
    const char *carried = before && before->have_flow  ? before->flow
                          : prev && prev->line == line ? prev->flow
                                                       : "";
    if (!w->have_flow || (strcmp(w->flow, "export") && strcmp(w->flow, "import")) ||
        !ex_tonnage(unit) || strcmp(carried, "freight"))
        return 0;
    snprintf(w->cargo, sizeof w->cargo, "%s", !strcmp(w->flow, "export") ? "exports" : "imports");
    snprintf(w->flow, sizeof w->flow, "freight");
    return 1;
}

void extract_who_cargo_product(const ex_who *w, trade_figure *f)
{
    if (!w->cargo[0] || strcmp(f->flow, "freight") || strstr(f->product, w->cargo))
        return;
    char p[sizeof f->product];
    if (f->product[0])
        snprintf(p, sizeof p, "%.20s, %s", f->product, w->cargo);
    else
        snprintf(p, sizeof p, "%s", w->cargo);
    memcpy(f->product, p, sizeof p);
}

/* Does the sentence name a country other than rep before the figure ("Thai
 * exports grew": the adjective of the reporter is no other country)? */
static int ex_other_cand(const ex_who *w, const char *rep)
{
    for (int j = 0; j < w->ncand; j++)
        if (strcmp(w->cand[j], rep))
            return 1;
    return 0;
}

void extract_who_resolve(const ex_who *w, const ex_who *before, unsigned long before_line,
                         const trade_figure *prev, const ex_doc *doc, int inherit, trade_figure *f,
                         char *note, size_t cap)
{
    const char *rep = NULL, *par = NULL;
    int rep_prev = 0, par_prev = 0, rep_doc = 0, par_doc = 0, rep_swapped = 0;
    if (w->ranked_by[0]) {
        /* "Major importers of Serbian goods were Italy ($348.2 million)": the
         * ranked country reports, the partner named before the figure */
        snprintf(f->reporter, sizeof f->reporter, "%s", w->ranked_by);
        snprintf(f->partner, sizeof f->partner, "%s", w->ranked_partner);
        snprintf(f->flow, sizeof f->flow, "%s", w->ranked_flow);
        ex_note(note, cap, "%s: the country whose partners the sentence ranks%.0lu", "reporter", 0);
        return;
    }
    /* the flow */
    if (w->have_flow)
        snprintf(f->flow, sizeof f->flow, "%s", w->flow);
    else if (before && before->have_flow &&
             (strcmp(before->flow, "freight") || ex_tonnage(f->unit))) {
        snprintf(f->flow, sizeof f->flow, "%s", before->flow);
        ex_note(note, cap, "%s from line %lu", "flow", before_line);
    } else if (prev && prev->flow[0] && (strcmp(prev->flow, "freight") || ex_tonnage(f->unit))) {
        snprintf(f->flow, sizeof f->flow, "%s", prev->flow);
        ex_note(note, cap, "%s from line %lu", "flow", prev->line);
    }
    if (inherit && prev) {
        /* a growth rate or share right after its level, a figure in
         * parentheses after another: the same observation's sides */
        snprintf(f->reporter, sizeof f->reporter, "%s", prev->reporter);
        snprintf(f->partner, sizeof f->partner, "%s", prev->partner);
        if (prev->flow[0])
            snprintf(f->flow, sizeof f->flow, "%s", prev->flow);
        return;
    }
    if (w->member[0]) {
        /* a list of reporters (Member States): the sentence's partner, else
         * the one of the sentence or figure before */
        snprintf(f->flow, sizeof f->flow, "%s", w->member_flow);
        rep = w->member;
        if (w->partner[0] && strcmp(w->partner, rep))
            par = w->partner;
        else if (before && before->partner[0] && strcmp(before->partner, rep)) {
            par = before->partner;
            ex_note(note, cap, "%s from line %lu", "partner", before_line);
        } else if (prev && prev->partner[0] && strcmp(prev->partner, rep)) {
            par = prev->partner;
            ex_note(note, cap, "%s from line %lu", "partner", prev->line);
        } else if (doc->partner[0] && strcmp(doc->partner, rep)) {
            par = doc->partner;
            ex_note(note, cap, "%s from the title or first paragraph (line %lu)", "partner",
                    doc->line);
        }
        snprintf(f->reporter, sizeof f->reporter, "%s", rep);
        snprintf(f->partner, sizeof f->partner, "%s", par ? par : "");
        return;
    }
    if (w->role_subj[0] && !w->have_flow && !w->pair) {
        /* "China was the second-largest exporter to Türkiye, with $22.3
         * billion": in a document about Türkiye, Türkiye's imports from China;
         * else the subject's exports to the other */
        int doc_side = !strcmp(doc->reporter, w->role_other) ||
                       (!doc->reporter[0] && prev && !strcmp(prev->reporter, w->role_other));
        int imp = !strcmp(w->role_flow, "import");
        /* "..., followed by Germany with $13.4 billion": the next of the ranking */
        const char *subj = w->followed[0] && strcmp(w->followed, w->role_other) ? w->followed
                                                                                 : w->role_subj;
        snprintf(f->reporter, sizeof f->reporter, "%s", doc_side ? w->role_other : subj);
        snprintf(f->partner, sizeof f->partner, "%s", doc_side ? subj : w->role_other);
        snprintf(f->flow, sizeof f->flow, "%s", doc_side == imp ? "export" : "import");
        if (doc_side)
            ex_note(note, cap, "%s: the document's country%.0lu, which the ranked partner "
                    "sells to or buys from", "reporter", 0);
        return;
    }
    if (w->followed[0] && !w->pair && prev && prev->reporter[0] && prev->partner[0] &&
        strcmp(prev->reporter, w->followed) && strcmp(prev->partner, "WLD") &&
        (!w->partner[0] || !strcmp(w->partner, w->followed))) {
        /* "It was followed by Japan with exports valued at SR11.7 billion, and
         * India SR10.8 billion": the reporter of the ranking before, the
         * country that follows (or the list's item) as the partner */
        snprintf(f->reporter, sizeof f->reporter, "%s", prev->reporter);
        snprintf(f->partner, sizeof f->partner, "%s", w->followed);
        if (!w->have_flow && prev->flow[0])
            snprintf(f->flow, sizeof f->flow, "%s", prev->flow);
        ex_note(note, cap, "%s from line %lu: the next partner of a ranking", "reporter",
                prev->line);
        return;
    }
    int inv = !strncmp(f->flow, "fdi", 3) || !strncmp(f->flow, "investment", 10);
    if (w->doc_pair && !w->pair && !w->reporter[0] && !w->partner[0] && !w->list[0] &&
        !w->ncand && doc->reporter[0] && doc->partner[0]) {
        /* "the trade turnover between the two countries", "Two-way trade":
         * the document's two */
        snprintf(f->reporter, sizeof f->reporter, "%s", doc->reporter);
        snprintf(f->partner, sizeof f->partner, "%s", doc->partner);
        ex_note(note, cap, "%s from the title or first paragraph (line %lu): the two countries",
                "reporter and partner", doc->line);
        return;
    }
    /* "Russia's trade turnover share amounted to 18.6%": the owner of a
     * share of another country's trade is its partner, not its reporter */
    int share_owner = w->share_poss && w->possessive[0] && !strcmp(w->reporter, w->possessive) &&
                      !w->partner[0];
    /* reporter */
    if (share_owner) {
        par = w->possessive;
    } else if (w->reporter[0] && w->adj_import && !w->partner[0]) {
        /* "Chinese imports accounted for USD 5.36 billion" in a text about
         * another country's trade: imports from China */
        const char *other = before && before->reporter[0] ? before->reporter
                            : prev && prev->reporter[0]   ? prev->reporter
                                                          : doc->reporter;
        if (other[0] && strcmp(other, w->reporter)) {
            rep = other;
            par = w->reporter;
        } else {
            rep = w->reporter;
        }
    } else if (w->reporter[0])
        rep = w->reporter;
    else if (w->subject[0])
        rep = w->subject;
    else if (w->possessive[0] && (!w->partner[0] || strcmp(w->possessive, w->partner)) &&
             !w->share_poss && !w->poss_after)
        rep = w->possessive;
    else if (w->source && !inv)
        rep = w->source;
    if (inv && w->inv_from[0]) {
        /* "investments have come from UAE": the investor reports; the host is
         * the one that attracts, the place "in" it goes, or the document's
         * other country */
        rep = w->inv_from;
        const char *host = w->host[0] && strcmp(w->host, rep)         ? w->host
                           : w->after_in[0] && strcmp(w->after_in, rep) ? w->after_in
                           : w->in_later[0] && strcmp(w->in_later, rep) ? w->in_later
                           : w->partner[0] && strcmp(w->partner, rep)   ? w->partner
                           : w->reporter[0] && strcmp(w->reporter, rep) ? w->reporter
                           : doc->reporter[0] && strcmp(doc->reporter, rep) ? doc->reporter
                           : doc->partner[0] && strcmp(doc->partner, rep)   ? doc->partner
                                                                            : NULL;
        if (host) {
            if (!strcmp(f->flow, "investment_stock"))
                snprintf(f->flow, sizeof f->flow, "investment_flow"); /* money that moves */
            snprintf(f->reporter, sizeof f->reporter, "%s", rep);
            snprintf(f->partner, sizeof f->partner, "%s", host);
            ex_note(note, cap, "%s: the country the investment comes from%.0lu", "reporter", 0);
            return;
        }
    }
    if (inv && w->host[0] && !w->reporter[0]) {
        /* "Kazakhstan attracted $28 billion": the host is the partner */
        if (rep && !strcmp(rep, w->host))
            rep = NULL;
        if (!w->partner[0])
            par = w->host;
    }
    if ((inv || !strcmp(f->flow, "aid")) && w->in_open[0] && !w->partner[0] && !w->list[0]) {
        /* "In Kyrgyzstan, the Belgian government has offered a grant of": the
         * place the money goes, the government that gives it */
        par = w->in_open;
        if (w->gov[0] && strcmp(w->gov, w->in_open))
            rep = w->gov;
        else if (rep && !strcmp(rep, w->in_open))
            rep = NULL;
    }
    int aid_sides = 0;
    if (!strcmp(f->flow, "aid") && w->aid_to[0]) {
        /* "to support Kenya's electoral process": the receiver, not the
         * giver; the giver is the one "from" whom it comes, or the other
         * side the sentence names */
        const char *giver = w->aid_from[0] && strcmp(w->aid_from, w->aid_to) ? w->aid_from
                            : w->partner[0] && strcmp(w->partner, w->aid_to) ? w->partner
                                                                              : NULL;
        par = w->aid_to;
        if (giver)
            rep = giver;
        else if (rep && !strcmp(rep, w->aid_to))
            rep = NULL;
        aid_sides = 1;
    }
    if (!aid_sides && !strcmp(f->flow, "aid") && w->aid_from[0] && !w->aid_to[0] &&
        !w->list[0])
        /* "Government of Japan will provide ... for the Matarbari Port
         * Development Project": the giver reports; the receiver follows from
         * the rest (the other side named, else from before) */
        rep = w->aid_from;
    /* partner */
    if (w->partner[0] && !aid_sides)
        par = w->partner;
    if (inv && rep && !w->reporter[0] && par && !strcmp(rep, par))
        rep = NULL; /* "FDI in Kazakhstan's economy": not Kazakhstan's investment */
    int list_investor = 0;
    if (w->list[0] && !w->pair) {
        if (inv && !w->partner[0]) {
            rep = w->list; /* "Switzerland - 25.8 billion": the investor */
            list_investor = 1;
            if (prev && prev->partner[0] && strcmp(prev->partner, rep))
                par = prev->partner;
            else if (doc->reporter[0] && strcmp(doc->reporter, rep))
                par = doc->reporter;
        } else {
            par = w->list;
        }
    }
    if (w->share_poss && !par && w->possessive[0])
        par = w->possessive; /* "Russia's trade turnover share": Russia is the partner */
    (void)list_investor;
    if (!par && !w->pair) {
        const char *r0 = rep ? rep : (prev && prev->reporter[0] ? prev->reporter : doc->reporter);
        /* the last other country of the clause, else of the sentence before it */
        for (int j = w->ncand; j > 0 && !par; j--)
            if (w->cand_clause[j - 1] && strcmp(w->cand[j - 1], r0))
                par = w->cand[j - 1];
        for (int j = w->ncand; j > 0 && !par && !w->total; j--)
            if (!w->cand_clause[j - 1] && strcmp(w->cand[j - 1], r0))
                par = w->cand[j - 1];
        if (!par && rep && w->possessive[0] && strcmp(w->possessive, rep))
            par = w->possessive; /* "the EU ... into Kazakhstan's economy" */
    }
    /* a total: "total foreign trade", "foreign trade of X"; a bare "foreign
     * trade turnover" in a document about two countries is theirs */
    if (!par && w->total && strcmp(f->unit, "percent") && f->flow[0] && !inv &&
        (w->total == 2 || w->reporter[0] || !doc->partner[0]))
        par = "WLD";
    /* the data source reports: "between X and Y, according to Y's statistics" */
    if (w->source && rep && par && !strcmp(w->source, par) && !inv &&
        !(w->rep_named && w->partner[0] && !strcmp(rep, w->reporter) &&
          !strcmp(par, w->partner))) {
        /* not "Philippine imports from Japan, according to data from the
         * Japan External Trade Organization": both sides are named with the
         * flow word, as the sentence states them */
        /* "export of Kyrgyz goods to Uzbekistan, according to the Embassy of
         * Uzbekistan": Uzbekistan reports an import */
        const char *t = rep;
        rep = par;
        par = t;
        rep_swapped = 1;
        if (!strcmp(f->flow, "export"))
            snprintf(f->flow, sizeof f->flow, "import");
        else if (!strcmp(f->flow, "import"))
            snprintf(f->flow, sizeof f->flow, "export");
    }
    if (!par && w->after_in[0] && (inv || !strcmp(f->flow, "aid")) &&
        (!rep || strcmp(rep, w->after_in)))
        par = w->after_in; /* "supplied €98,100 for a project ... in Turkmenistan" */
    if (!par && (inv || !strcmp(f->flow, "aid")) && w->in_later[0] &&
        (!rep || strcmp(rep, w->in_later)))
        par = w->in_later;
    if (inv && !rep && par && w->have_flow) {
        /* "The EU is the largest investor in Kazakhstan's economy": the
         * other country named; "foreign direct investment in X": the world */
        if (w->from_world)
            rep = "WLD";
        for (int j = 0; j < w->ncand && !rep; j++)
            if (strcmp(w->cand[j], par))
                rep = w->cand[j];
        if (!rep)
            rep = "WLD";
    }
    if (!rep && w->self_ref) {
        /* "Kyrgyz gold shipments to Switzerland, the country's biggest
         * export": the other country of the sentence; else the document's */
        for (int j = 0; j < w->ncand && !rep && w->self_ref == 1; j++)
            if (!par || strcmp(w->cand[j], par))
                rep = w->cand[j];
        if (!rep && doc->reporter[0] && (!par || strcmp(par, doc->reporter))) {
            rep = doc->reporter;
            rep_doc = 1;
        }
    }
    int rep_before = 0, par_before = 0;
    if (before) {
        /* the sentence before, in the same paragraph, names the sides */
        const char *br = before->reporter[0]     ? before->reporter
                         : before->subject[0]    ? before->subject
                         : before->possessive[0] ? before->possessive
                                                 : NULL;
        if (!rep && br && (!par || strcmp(br, par))) {
            rep = br;
            rep_before = 1;
        }
        const char *bp = before->partner[0] ? before->partner : NULL;
        if (!bp && !par && !strcmp(f->flow, "aid") && !(prev && prev->partner[0]))
            /* "... financing for Tajikistan. A first tranche of €4 million was
             * disbursed": the country the sentence before gives to */
            for (int j = before->ncand; j > 0 && !bp; j--)
                if (strcmp(before->cand[j - 1], rep ? rep : doc->reporter))
                    bp = before->cand[j - 1];
        if (!par && bp && (!rep || strcmp(bp, rep)) && f->flow[0]) {
            par = bp;
            par_before = 1;
        }
    }
    int own_wld = 0, after_wld = 0;
    if (!par && w->after_partners && !inv && strcmp(f->unit, "rank")) {
        /* "Exports to Australia slipped ... Exports to the US rose ... [new
         * paragraph] On an annual basis New Zealand remained in a trade
         * surplus": not the last partner of that paragraph, the total */
        par = "WLD";
        after_wld = 1;
    }
    if (!par && rep && w->own_total && !strcmp(rep, w->reporter) && !w->partner[0] &&
        !w->list[0] && (!w->ncand || (w->rep_adj && w->para_start && !ex_other_cand(w, rep))) &&
        !w->in_later[0] && !w->after_in[0] && !inv &&
        (!strcmp(f->flow, "export") || !strcmp(f->flow, "import")) &&
        strcmp(f->unit, "percent") && strcmp(f->unit, "rank")) {
        /* "Sri Lanka's exports grew 21%": the country's own total, not the
         * partner of the title or of the figure before; "In 2010, Peruvian
         * exports rose" too, the adjective being no other country, at the
         * start of a paragraph (after a sentence about a partner it may go
         * on about that partner) */
        par = "WLD";
        own_wld = 1;
    }
    /* what the sentence leaves open: the figure before, then the document */
    if (!rep && prev && prev->reporter[0]) {
        int named = !strcmp(w->possessive, prev->reporter) ||
                    (w->source && !strcmp(w->source, prev->reporter));
        for (int j = 0; j < w->ncand && !named; j++)
            named = !strcmp(w->cand[j], prev->reporter);
        if (strstr(prev->note, SOURCE_NOTE) && doc->reporter[0] &&
            strcmp(doc->reporter, prev->reporter) && !named) {
            /* "Imports from China amounted to $1.2 billion, according to
             * Chinese customs. Imports from Russia were $1.1 billion": the
             * source reports the figure of its own sentence only, unless
             * this one names it again ("Chinese officials say") */
            rep = doc->reporter;
            rep_doc = 1;
        } else {
            rep = prev->reporter;
            rep_prev = 1;
        }
    }
    if (!rep && doc->reporter[0]) {
        rep = doc->reporter;
        rep_doc = 1;
    }
    if (!par && prev && prev->partner[0] && f->flow[0]) {
        par = prev->partner;
        par_prev = 1;
    }
    if (!par && doc->partner[0] && f->flow[0]) {
        par = doc->partner;
        par_doc = 1;
    }
    if (!par && doc->reporter[0] && rep && strcmp(rep, doc->reporter) && f->flow[0] &&
        strcmp(f->unit, "percent")) {
        par = doc->reporter; /* the document's own country is the other side */
        par_doc = 1;
    }
    int par_wld = 0;
    if (w->self_ref && rep && !strcmp(rep, doc->reporter) && !w->partner[0] && !w->list[0] && !w->ncand && !w->in_later[0] &&
        (!strcmp(f->flow, "export") || !strcmp(f->flow, "import") || !strcmp(f->flow, "trade") ||
         !strcmp(f->flow, "balance"))) {
        /* "The Kingdom's merchandise imports increased by 26.9 percent": the
         * country's own total, not the partner of the figure before */
        par = "WLD";
        par_prev = par_doc = 0;
        par_wld = 1;
    }
    if (!par && rep &&
        (!strcmp(f->flow, "export") || !strcmp(f->flow, "import") || !strcmp(f->flow, "trade") ||
         !strcmp(f->flow, "balance")) &&
        strcmp(f->unit, "percent") && strcmp(f->unit, "rank")) {
        par = "WLD"; /* "China's exports dropped 1.8 percent": no partner, a total */
        par_wld = 1;
    }
    if (rep && par && !strcmp(rep, par)) {
        /* one side named twice: the other side comes from before */
        const char *other = NULL;
        if (prev && prev->reporter[0] && strcmp(prev->reporter, rep))
            other = prev->reporter;
        else if (prev && prev->partner[0] && strcmp(prev->partner, rep))
            other = prev->partner;
        else if (doc->reporter[0] && strcmp(doc->reporter, rep))
            other = doc->reporter;
        else if (doc->partner[0] && strcmp(doc->partner, rep))
            other = doc->partner;
        if (par_prev || par_doc)
            par = other;
        else if (rep_prev || rep_doc)
            rep = other;
        else
            par = other; /* both from the sentence: the other side from before, if any */
        if (rep && par && !strcmp(rep, par))
            par = NULL;
    }
    int group = 0, w_group = w->group;
    if (!w->group && !w->pair && !w->list[0] && !w->partner[0] && !w->ncand && !w->total &&
        !w->rep_named &&
        before && before->group)
        w_group = 1; /* "Exports amounted to € 32.23bn": the group of the sentence before */
    if (w_group && !w->pair && !w->list[0] && (!w->partner[0] || w_group == 2)) {
        /* "trade with third countries", "exports to Russia and Central
         * Asia": a group no code names; nothing carried stands for it */
        par = NULL;
        par_before = par_prev = par_doc = par_wld = own_wld = 0;
        group = 1;
    }
    snprintf(f->reporter, sizeof f->reporter, "%s", rep ? rep : "");
    snprintf(f->partner, sizeof f->partner, "%s", par ? par : "");
    if (group)
        ex_note(note, cap, "%s" GROUP_NOTE "%.0lu", "partner", 0);
    if (rep && rep_before)
        ex_note(note, cap, "%s from line %lu", "reporter", before_line);
    else if (rep && rep_prev)
        ex_note(note, cap, "%s from line %lu", "reporter", prev->line);
    else if (rep && rep_doc && doc->by_later)
        ex_note(note, cap, "%s from line %lu: the country the text names as its own", "reporter",
                doc->line);
    else if (rep && rep_doc && doc->by_currency)
        ex_note(note, cap, "%s from the currency (line %lu): no country named", "reporter",
                doc->line);
    else if (rep && rep_doc)
        ex_note(note, cap, "%s from the title or first paragraph (line %lu)", "reporter",
                doc->line);
    else if (rep && w->source && !strcmp(rep, w->source) && (!w->reporter[0] || rep_swapped))
        ex_note(note, cap, "%s " SOURCE_NOTE "%.0lu", "reporter", 0);
    if (par && par_before)
        ex_note(note, cap, "%s from line %lu", "partner", before_line);
    else if (par && par_prev)
        ex_note(note, cap, "%s from line %lu", "partner", prev->line);
    else if (par && par_doc)
        ex_note(note, cap, "%s from the title or first paragraph (line %lu)", "partner", doc->line);
    else if (par && par_wld)
        ex_note(note, cap, "%s WLD: no partner named, a total%.0lu", "partner", 0);
    else if (par && after_wld)
        ex_note(note, cap, "%s WLD: a total after a paragraph of several partners%.0lu", "partner",
                0);
    else if (par && own_wld)
        ex_note(note, cap, "%s WLD: the reporter's own exports or imports, no partner named%.0lu",
                "partner", 0);
    else if (par && !strcmp(par, "WLD") && !w->partner[0])
        ex_note(note, cap, "%s WLD: a total%.0lu", "partner", 0);
}
