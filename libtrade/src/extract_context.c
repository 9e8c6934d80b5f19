/* extract_context.c - the context of a figure: sentence bounds (abbreviations and
 * footnote marks do not end one), the country named by a name or an
 * adjective, and the time expressions of a sentence (years, months,
 * quarters, halves, intervals, "an increase on 2018" as a base). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_context_internal.h"
#include "trade/codes.h"

/* ---------- sentences ---------- */

static int ex_abbrev_before(const char *s, size_t dot)
{
    /* the word before a '.' at dot */
    size_t a = dot;
    while (a > 0 && ex_isalpha((unsigned char)s[a - 1]))
        a--;
    size_t len = dot - a;
    if (len == 1)
        return 1; /* an initial: J. Smith, e.g. */
    static const char *const ab[] = {"cf",  "vs",     "mr",  "mrs", "dr", "st",  "no",  "nr",
                                     "pp",  "etc",    "eg",  "ie",  "al", "art", "fig", "vol",
                                     "ca",  "approx", "inc", "ltd", "co", "jr",  "sr",  "prof",
                                     "gen", "rs",     "nrs", NULL}; /* "NRs.2.0 billion", "Rs.500
                                                                       crore": rupees */
    for (size_t i = 0; ab[i]; i++) {
        if (strlen(ab[i]) == len) {
            size_t j = 0;
            while (j < len && ex_lower((unsigned char)s[a + j]) == ab[i][j])
                j++;
            if (j == len)
                return 1;
        }
    }
    return 0;
}

/* Does a sentence end right after position p (s[p] is . ! ?)? Returns the
 * offset just after the end (after a footnote mark), or 0. */
size_t extract_sentence_end(const char *s, size_t n, size_t p)
{
    char c = s[p];
    if (c != '.' && c != '!' && c != '?' && c != ';')
        return 0;
    if (c == '.' && ex_abbrev_before(s, p))
        return 0;
    if (c == '.' && p > 0 && ex_isdigit((unsigned char)s[p - 1]) && p + 1 < n &&
        ex_isdigit((unsigned char)s[p + 1]))
        return 0; /* a decimal point */
    if (c == '.' && p + 1 < n && ex_isdigit((unsigned char)s[p + 1])) {
        char code[4];
        if (extract_cur_before(s, n, p + 1, code) != (size_t)-1)
            return 0; /* "Kes.93 million": a currency, not an end and a footnote */
    }
    size_t q = p + 1;
    /* closing quotes or brackets */
    while (q < n && (s[q] == '"' || s[q] == '\'' || s[q] == ')'))
        q++;
    /* a footnote mark: digits or superscripts */
    size_t fq = q;
    while (fq < n && ex_isdigit((unsigned char)s[fq]) && fq - q < 3)
        fq++;
    size_t len;
    while (fq < n) {
        uint32_t cp = extract_cp(s, n, fq, &len);
        if (cp == 0xB9 || cp == 0xB2 || cp == 0xB3 || (cp >= 0x2070 && cp <= 0x2079))
            fq += len;
        else
            break;
    }
    if (fq >= n || s[fq] == ' ' || s[fq] == '\n' || s[fq] == '\t' || s[fq] == '\r')
        return c == ';' ? p + 1 : fq;
    return 0;
}

/* The sentence around p: [*a, *b). */
void extract_sentence(const ex_scan *sc, size_t p, size_t *a, size_t *b)
{
    const char *s = sc->s;
    size_t n = sc->n;
    size_t i = p;
    size_t lim = p > 1500 ? p - 1500 : 0;
    *a = lim;
    while (i > lim) {
        i--;
        if (s[i] == '\n') {
            /* blank line or table above */
            size_t j = i;
            while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\r'))
                j--;
            if (j == 0 || s[j - 1] == '\n' || sc->skip[j - 1]) {
                *a = i + 1;
                break;
            }
        }
        if (s[i] == '\0') {
            *a = i + 1;
            break;
        }
        size_t e = extract_sentence_end(s, n, i);
        if (e && e <= p) {
            *a = e;
            break;
        }
    }
    size_t hi = p + 1500 < n ? p + 1500 : n;
    *b = hi;
    for (i = p; i < hi; i++) {
        if (s[i] == '\0') {
            *b = i;
            break;
        }
        if (s[i] == '\n') {
            size_t j = i + 1;
            while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
                j++;
            if (j >= n || s[j] == '\n' || sc->skip[j]) {
                *b = i;
                break;
            }
        }
        size_t e = extract_sentence_end(s, n, i);
        if (e) {
            *b = i + 1;
            break;
        }
    }
    while (*a < *b && (s[*a] == ' ' || s[*a] == '\n' || s[*a] == '\t' || s[*a] == '\r'))
        (*a)++;
}

/* Copy s[a..b) with whitespace runs collapsed and invalid UTF-8 replaced
 * by '?', at most max bytes, cut on a character boundary. */
void extract_collapse(const char *s, size_t n, size_t a, size_t b, char *out, size_t max)
{
    size_t k = 0;
    int sp = 0;
    for (size_t i = a; i < b && i < n;) {
        size_t len;
        uint32_t cp = extract_cp(s, n, i, &len);
        if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == 0xA0) {
            sp = 1;
            i += len;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F)
            cp = ' ';
        if (sp && k > 0) {
            if (k + 1 >= max)
                break;
            out[k++] = ' ';
        }
        sp = 0;
        if (cp == 0xFFFD && len == 1) {
            if (k + 1 >= max)
                break;
            out[k++] = '?';
        } else if (cp == ' ') {
            if (k + 1 >= max)
                break;
            out[k++] = ' ';
        } else {
            if (k + len >= max)
                break;
            memcpy(out + k, s + i, len);
            k += len;
        }
        i += len;
    }
    out[k] = '\0';
}

/* ---------- countries ---------- */

/* A name and its code; city: the name is a city or emirate that stands for
 * its country ("exports from Dubai to India" are the UAE's), which a route
 * ("via Dubai") and a currency ("dirhams" in a text about Dubai) read as a
 * place, where a country name would be a transit country or a land. */
typedef struct ex_country {
    const char *w;
    const char *code;
    int city;
} ex_country;

static const ex_country ex_countries[] = {{"European Union", "EUU", 0},
                                          /* the two Congos, before the ISO
                                           * table's "Congo" (COG) would take
                                           * the end of the longer name */
                                          {"Democratic Republic of the Congo", "COD", 0},
                                          {"Democratic Republic of Congo", "COD", 0},
                                          {"DR Congo", "COD", 0},
                                          {"DRC", "COD", 0},
                                          {"Congo-Kinshasa", "COD", 0},
                                          {"Republic of the Congo", "COG", 0},
                                          {"Congo-Brazzaville", "COG", 0},
                                          {"European countries", "XEU", 0},
                                          {"Europe", "EUU", 0},
                                          {"EU", "EUU", 0},
                                          {"European", "EUU", 0},
                                          {"Central Asian", "XCA", 0},
                                          {"Central Asia", "XCA", 0},
                                          {"Belgium-Luxembourg", "BLX", 0},
                                          {"Belgium", "BEL", 0},
                                          {"Belgian", "BEL", 0},
                                          {"Luxembourgish", "LUX", 0},
                                          {"Luxembourger", "LUX", 0},
                                          {"Luxembourg", "LUX", 0},
                                          {"Luxemburg", "LUX", 0},
                                          {"Kazakhstani", "KAZ", 0},
                                          {"Kazakhstan", "KAZ", 0},
                                          {"Kazakh", "KAZ", 0},
                                          {"Uzbekistan", "UZB", 0},
                                          {"Uzbek", "UZB", 0},
                                          {"Turkmenistan", "TKM", 0},
                                          {"Turkmen", "TKM", 0},
                                          {"Kyrgyzstan", "KGZ", 0},
                                          {"Kyrgyz", "KGZ", 0},
                                          {"Kirghizia", "KGZ", 0},
                                          {"Kyrgyz Republic", "KGZ", 0},
                                          {"Tajikistan", "TJK", 0},
                                          {"Tajik", "TJK", 0},
                                          {"Russian Federation", "RUS", 0},
                                          {"Russia", "RUS", 0},
                                          {"Russian", "RUS", 0},
                                          {"China", "CHN", 0},
                                          {"Chinese", "CHN", 0},
                                          {"Germany", "DEU", 0},
                                          {"German", "DEU", 0},
                                          {"France", "FRA", 0},
                                          {"French", "FRA", 0},
                                          {"Netherlands", "NLD", 0},
                                          {"Dutch", "NLD", 0},
                                          {"United Kingdom", "GBR", 0},
                                          {"UK", "GBR", 0},
                                          {"British", "GBR", 0},
                                          {"United States", "USA", 0},
                                          {"US", "USA", 0},
                                          {"USA", "USA", 0},
                                          {"American", "USA", 0},
                                          {"Turkey", "TUR", 0},
                                          {"Turkish", "TUR", 0},
                                          {"Azerbaijan", "AZE", 0},
                                          {"Azerbaijani", "AZE", 0},
                                          {"Georgia", "GEO", 0},
                                          {"Georgian", "GEO", 0},
                                          {"Italy", "ITA", 0},
                                          {"Italian", "ITA", 0},
                                          {"Spain", "ESP", 0},
                                          {"Spanish", "ESP", 0},
                                          {"Poland", "POL", 0},
                                          {"Polish", "POL", 0},
                                          {"Japan", "JPN", 0},
                                          {"Japanese", "JPN", 0},
                                          {"India", "IND", 0},
                                          {"Indian", "IND", 0},
                                          {"Iran", "IRN", 0},
                                          {"Iranian", "IRN", 0},
                                          {"Afghanistan", "AFG", 0},
                                          {"Afghan", "AFG", 0},
                                          {"Ukraine", "UKR", 0},
                                          {"Ukrainian", "UKR", 0},
                                          {"Belarus", "BLR", 0},
                                          {"Belarusian", "BLR", 0},
                                          {"Lithuania", "LTU", 0},
                                          {"Lithuanian", "LTU", 0},
                                          {"Mongolia", "MNG", 0},
                                          {"Mongolian", "MNG", 0},
                                          {"Austria", "AUT", 0},
                                          {"Austrian", "AUT", 0},
                                          {"Switzerland", "CHE", 0},
                                          {"Swiss", "CHE", 0},
                                          {"South Korea", "KOR", 0},
                                          {"Korea", "KOR", 0},
                                          {"Korean", "KOR", 0},
                                          {"Pakistan", "PAK", 0},
                                          {"Armenia", "ARM", 0},
                                          {"Armenian", "ARM", 0},
                                          {"Finland", "FIN", 0},
                                          {"Finnish", "FIN", 0},
                                          {"Sweden", "SWE", 0},
                                          {"Swedish", "SWE", 0},
                                          {"Denmark", "DNK", 0},
                                          {"Danish", "DNK", 0},
                                          {"Norway", "NOR", 0},
                                          {"Norwegian", "NOR", 0},
                                          {"Czech Republic", "CZE", 0},
                                          {"Czech", "CZE", 0},
                                          {"Hungary", "HUN", 0},
                                          {"Hungarian", "HUN", 0},
                                          {"Romania", "ROU", 0},
                                          {"Romanian", "ROU", 0},
                                          {"Bulgaria", "BGR", 0},
                                          {"Greece", "GRC", 0},
                                          {"Greek", "GRC", 0},
                                          {"Portugal", "PRT", 0},
                                          {"Ireland", "IRL", 0},
                                          {"Irish", "IRL", 0},
                                          {"Latvia", "LVA", 0},
                                          {"Estonia", "EST", 0},
                                          {"Slovakia", "SVK", 0},
                                          {"Slovenia", "SVN", 0},
                                          {"Croatia", "HRV", 0},
                                          {"Canada", "CAN", 0},
                                          {"Canadian", "CAN", 0},
                                          {"Portuguese", "PRT", 0},
                                          {"Chilean", "CHL", 0},
                                          {"Peruvian", "PER", 0},
                                          {"Brazilian", "BRA", 0},
                                          {"Mexican", "MEX", 0},
                                          {"Argentine", "ARG", 0},
                                          {"Argentinian", "ARG", 0},
                                          {"Colombian", "COL", 0},
                                          {"Venezuelan", "VEN", 0},
                                          {"Cuban", "CUB", 0},
                                          {"Ecuadorian", "ECU", 0},
                                          {"Uruguayan", "URY", 0},
                                          {"Bolivian", "BOL", 0},
                                          {"Egyptian", "EGY", 0},
                                          {"Israeli", "ISR", 0},
                                          {"Saudi", "SAU", 0},
                                          {"Emirati", "ARE", 0},
                                          {"UAE", "ARE", 0},
                                          {"Qatari", "QAT", 0},
                                          {"Iraqi", "IRQ", 0},
                                          {"Syrian", "SYR", 0},
                                          {"Jordanian", "JOR", 0},
                                          {"Lebanese", "LBN", 0},
                                          {"Kuwaiti", "KWT", 0},
                                          {"Omani", "OMN", 0},
                                          {"Thai", "THA", 0},
                                          {"Vietnamese", "VNM", 0},
                                          {"Vietnam", "VNM", 0},
                                          {"Indonesian", "IDN", 0},
                                          {"Malaysian", "MYS", 0},
                                          {"Filipino", "PHL", 0},
                                          {"Philippine", "PHL", 0},
                                          {"Singaporean", "SGP", 0},
                                          {"Australian", "AUS", 0},
                                          {"New Zealand", "NZL", 0},
                                          {"South African", "ZAF", 0},
                                          {"South Africa", "ZAF", 0},
                                          {"Nigerian", "NGA", 0},
                                          {"Kenyan", "KEN", 0},
                                          {"Moroccan", "MAR", 0},
                                          {"Algerian", "DZA", 0},
                                          {"Tunisian", "TUN", 0},
                                          {"Libyan", "LBY", 0},
                                          {"Ethiopian", "ETH", 0},
                                          {"Ghanaian", "GHA", 0},
                                          {"Angolan", "AGO", 0},
                                          {"Serbian", "SRB", 0},
                                          {"Bosnian", "BIH", 0},
                                          {"Bosnia-Herzegovina", "BIH", 0},
                                          {"Albanian", "ALB", 0},
                                          {"Macedonian", "MKD", 0},
                                          {"Montenegrin", "MNE", 0},
                                          {"Moldovan", "MDA", 0},
                                          {"Moldova", "MDA", 0},
                                          {"Latvian", "LVA", 0},
                                          {"Estonian", "EST", 0},
                                          {"Slovak", "SVK", 0},
                                          {"Slovenian", "SVN", 0},
                                          {"Croatian", "HRV", 0},
                                          {"Cypriot", "CYP", 0},
                                          {"Maltese", "MLT", 0},
                                          {"Icelandic", "ISL", 0},
                                          {"Bulgarian", "BGR", 0},
                                          {"Nepalese", "NPL", 0},
                                          {"Bangladeshi", "BGD", 0},
                                          {"Sri Lankan", "LKA", 0},
                                          {"Cambodian", "KHM", 0},
                                          {"Laotian", "LAO", 0},
                                          {"Taiwanese", "TWN", 0},
                                          {"Taiwan", "TWN", 0},
                                          {"Pakistani", "PAK", 0},
                                          {"Türkiye", "TUR", 0},
                                          {"Turkiye", "TUR", 0},
                                          {"Syria", "SYR", 0},
                                          {"Laos", "LAO", 0},
                                          {"Czechia", "CZE", 0},
                                          {"Slovakian", "SVK", 0},
                                          {"Hong Kong", "HKG", 0},
                                          {"Macau", "MAC", 0},
                                          /* emirates that stand for the UAE
                                           * ("exports from Dubai to India") */
                                          {"Dubai", "ARE", 1},
                                          {"Abu Dhabi", "ARE", 1},
                                          {"Sharjah", "ARE", 1},
                                          {"North Korea", "PRK", 0},
                                          {"Tanzania", "TZA", 0},
                                          {"Venezuela", "VEN", 0},
                                          {"Bolivia", "BOL", 0},
                                          {"Palestine", "PSE", 0},
                                          {"Great Britain", "GBR", 0},
                                          {"Britain", "GBR", 0},
                                          {"U.S.", "USA", 0},
                                          {"USAID", "USA", 0},
                                          {"U.K.", "GBR", 0},
                                          {"Luxembourgian", "LUX", 0},
                                          /* the names of UN and government
                                           * pages ("investing in Viet Nam",
                                           * "after the Republic of Korea") */
                                          {"Viet Nam", "VNM", 0},
                                          {"Republic of Korea", "KOR", 0},
                                          {"Korea, Republic of", "KOR", 0},
                                          {"Lao PDR", "LAO", 0},
                                          {"Republic of Moldova", "MDA", 0},
                                          {"Kingdom of the Netherlands", "NLD", 0},
                                          /* the ISO name with its accent, which the
                                           * table of names reads no further than
                                           * the C, the name without it, the
                                           * English name and the adjective */
                                          {"C\xC3\xB4te d'Ivoire", "CIV", 0},
                                          {"C\xC3\xB4te d\xE2\x80\x99Ivoire", "CIV", 0},
                                          {"Cote d'Ivoire", "CIV", 0},
                                          {"Ivory Coast", "CIV", 0},
                                          {"Ivorian", "CIV", 0},
                                          {NULL, NULL, 0}};

const char *extract_office_at(const char *s, size_t n, size_t p, size_t *len)
{
    static const struct {
        const char *name, *code;
    } offices[] = {{"CBS", "NLD"},
                   {"Statistics Netherlands", "NLD"},
                   {"De Nederlandsche Bank", "NLD"},
                   {"ONS", "GBR"},
                   {"Office for National Statistics", "GBR"},
                   {"HMRC", "GBR"},
                   {"Destatis", "DEU"},
                   {"INSEE", "FRA"},
                   {"Istat", "ITA"},
                   {"ISTAT", "ITA"},
                   {"Statbel", "BEL"},
                   {"NBB", "BEL"},
                   {"National Bank of Belgium", "BEL"},
                   {"Geostat", "GEO"},
                   {"GeoStat", "GEO"},
                   {"Belstat", "BLR"},
                   {"Turkstat", "TUR"},
                   {"TurkStat", "TUR"},
                   {"TUIK", "TUR"},
                   {"Rosstat", "RUS"},
                   {"SSB", "NOR"},
                   {"Statistics Norway", "NOR"},
                   {"KSH", "HUN"},
                   {"CSO", "IRL"},
                   {"Central Statistics Office", "IRL"},
                   {"ABS", "AUS"},
                   {"Statistics Canada", "CAN"},
                   {"Census Bureau", "USA"},
                   {"BEA", "USA"},
                   {"Statistics Sweden", "SWE"},
                   {"Statistics Denmark", "DNK"},
                   {"Statistics Finland", "FIN"},
                   {"Statistics Austria", "AUT"},
                   {"Stats NZ", "NZL"},
                   {"Statistics New Zealand", "NZL"},
                   {"SARS", "ZAF"},
                   {"South African Revenue Service", "ZAF"},
                   {"Stats SA", "ZAF"},
                   {"Philippine Statistics Authority", "PHL"},
                   {"GASTAT", "SAU"},
                   {"GaStat", "SAU"},
                   {"ELSTAT", "GRC"},
                   {"Hellenic Statistical Authority", "GRC"},
                   {"CYSTAT", "CYP"},
                   {"BPS", "IDN"},
                   {"Statistics Indonesia", "IDN"},
                   {"DOSM", "MYS"},
                   {"KOSTAT", "KOR"},
                   {"Statistics Korea", "KOR"},
                   {"Korea Customs Service", "KOR"},
                   {"GACC", "CHN"},
                   {"General Administration of Customs", "CHN"},
                   {"Statistics Poland", "POL"},
                   {"Statistics Lithuania", "LTU"},
                   {"Statistics Estonia", "EST"},
                   {"Statistics Portugal", "PRT"},
                   {"Statistics Iceland", "ISL"},
                   {"Statistik Austria", "AUT"},
                   {"INEGI", "MEX"},
                   {"IBGE", "BRA"},
                   {"INDEC", "ARG"},
                   {"DANE", "COL"},
                   {"Armstat", "ARM"},
                   {"Azstat", "AZE"}};
    if (p > 0 && ex_isalpha((unsigned char)s[p - 1]))
        return NULL;
    for (size_t k = 0; k < sizeof offices / sizeof offices[0]; k++) {
        size_t l = strlen(offices[k].name);
        if (p + l <= n && memcmp(s + p, offices[k].name, l) == 0 &&
            (p + l == n || !ex_isalpha((unsigned char)s[p + l]))) {
            *len = l;
            return offices[k].code;
        }
    }
    return NULL;
}

const char *extract_own_dollar(const char *country)
{
    /* the countries whose own dollar is what their statistics offices and
     * papers mean by a bare "$" (Samoa's tala and Tonga's pa'anga are the
     * dollar of their papers: "Samoa's trade deficit ... $55.93 million");
     * not Jamaica, whose office counts trade in US dollars ("US$2.45Bn ...
     * $643.0Mn"), nor Taiwan, whose papers mark their own dollar "NT$" */
    static const char *const dollars[][2] = {
        {"CAN", "CAD"}, {"AUS", "AUD"}, {"NZL", "NZD"}, {"HKG", "HKD"}, {"SGP", "SGD"},
        {"FJI", "FJD"}, {"TTO", "TTD"}, {"SLB", "SBD"}, {"BRB", "BBD"}, {"WSM", "WST"},
        {"TON", "TOP"}};
    for (size_t k = 0; country && k < sizeof dollars / sizeof dollars[0]; k++)
        if (!strcmp(country, dollars[k][0]))
            return dollars[k][1];
    return NULL;
}

const char *extract_city_at(const char *s, size_t n, size_t p, size_t *len)
{
    if (p >= n || !ex_isupper((unsigned char)s[p]))
        return NULL;
    if (p > 0 && ex_isalpha((unsigned char)s[p - 1]))
        return NULL;
    for (const ex_country *c = ex_countries; c->w; c++) {
        size_t k = c->city ? extract_word_cs(s, n, p, c->w) : 0;
        if (k) {
            *len = k;
            return c->code;
        }
    }
    return NULL;
}

const char *extract_country_at(const char *s, size_t n, size_t p, size_t *len)
{
    if (p >= n || !ex_isupper((unsigned char)s[p]))
        return NULL;
    if (p > 0 && ex_isalpha((unsigned char)s[p - 1]))
        return NULL;
    for (const ex_country *c = ex_countries; c->w; c++) {
        size_t k = extract_word_cs(s, n, p, c->w);
        if (k) {
            /* "EU-Kazakhstan", "US$" are not the country alone */
            if (k == 2 && p + 2 < n && (s[p + 2] == '$'))
                continue;
            /* "US $1.6 billion", "9.7 billion U.S. dollars", "Canadian
             * dollars": a currency, not a side */
            {
                size_t q = p + k;
                while (q < n && s[q] == ' ')
                    q++;
                if (q > p + k && q < n &&
                    (s[q] == '$' || extract_word(s, n, q, "dollars") ||
                     extract_word(s, n, q, "dollar")))
                    continue;
            }
            *len = k;
            if (p + k + 1 < n && s[p + k] == '\'' && s[p + k + 1] == 's')
                *len = k + 2;
            else if (p + k + 3 < n && (unsigned char)s[p + k] == 0xE2 &&
                     (unsigned char)s[p + k + 1] == 0x80 && (unsigned char)s[p + k + 2] == 0x99 &&
                     s[p + k + 3] == 's')
                *len = k + 4;
            if (!strcmp(c->w, "Europe")) {
                /* "exports to Europe", "from China to Europe": the continent
                 * as a destination or origin (XEU, as "European countries");
                 * as a side ("trade between Europe and the US", "Europe is
                 * Kazakhstan's largest partner") the EU, as such texts mean */
                size_t w0;
                size_t we = extract_prev_word(s, n, p, &w0);
                if (we > w0 && (extract_word(s, n, w0, "to") == we - w0 ||
                                extract_word(s, n, w0, "from") == we - w0 ||
                                extract_word(s, n, w0, "into") == we - w0))
                    return "XEU";
            }
            return c->code;
        }
    }
    /* any ISO name from the library's table (single words and names) */
    size_t e = p;
    while (e < n && (ex_isalpha((unsigned char)s[e])))
        e++;
    size_t wl = e - p;
    if (wl < 2 || wl > 40)
        return NULL;
    for (size_t i = 0;; i++) {
        const trade_country *c = trade_country_at(i);
        if (!c)
            break;
        if (c->aggregate)
            continue;
        size_t cl = strlen(c->name);
        /* a short first word only as part of a longer name ("Sri Lanka") */
        if (cl >= wl && (wl >= 4 || cl > wl + 3) && p + cl <= n && memcmp(s + p, c->name, cl) == 0 &&
            (p + cl == n || !ex_isalpha((unsigned char)s[p + cl]))) {
            *len = cl;
            if (p + cl + 1 < n && s[p + cl] == '\'' && s[p + cl + 1] == 's')
                *len = cl + 2;
            else if (p + cl + 3 < n && (unsigned char)s[p + cl] == 0xE2 &&
                     (unsigned char)s[p + cl + 1] == 0x80 && (unsigned char)s[p + cl + 2] == 0x99 &&
                     s[p + cl + 3] == 's')
                *len = cl + 4;
            return c->alpha3;
        }
    }
    return NULL;
}

/* ---------- periods ---------- */

int extract_year_at(const char *s, size_t n, size_t p, int *year)
{
    if (p + 4 > n)
        return 0;
    for (int i = 0; i < 4; i++)
        if (!ex_isdigit((unsigned char)s[p + i]))
            return 0;
    if (p > 0 && (ex_isdigit((unsigned char)s[p - 1]) || ex_isalpha((unsigned char)s[p - 1]) ||
                  s[p - 1] == ',' || s[p - 1] == '.' || s[p - 1] == '$'))
        return 0;
    if (p + 4 < n && (ex_isdigit((unsigned char)s[p + 4]) || ex_isalpha((unsigned char)s[p + 4])))
        return 0;
    if (p + 5 < n && (s[p + 4] == ',' || s[p + 4] == '.') && ex_isdigit((unsigned char)s[p + 5]))
        return 0;
    int y = (s[p] - '0') * 1000 + (s[p + 1] - '0') * 100 + (s[p + 2] - '0') * 10 + (s[p + 3] - '0');
    if (y < 1900 || y > 2100)
        return 0;
    *year = y;
    return 1;
}

/* ---------- fiscal years ---------- */

static int ex_isalnum_byte(char c);

/* "fiscal year", "financial year", "fiscal" at p: its length, else 0. */
static size_t ex_fiscal_noun(const char *s, size_t n, size_t p)
{
    size_t k;
    if ((k = extract_word(s, n, p, "fiscal year")) ||
        (k = extract_word(s, n, p, "financial year")) || (k = extract_word(s, n, p, "fiscal")))
        return k;
    return 0;
}

/* "FY19", "FY 2019", "FY2019", "FY 2022-23", "FY2022/23" at p: the year
 * it ends in (its length in *len), else 0. */
static int ex_fy_at(const char *s, size_t n, size_t p, size_t *len)
{
    if (p + 4 > n || s[p] != 'F' || s[p + 1] != 'Y' ||
        (p > 0 && (ex_isalpha((unsigned char)s[p - 1]) || ex_isdigit((unsigned char)s[p - 1]))))
        return 0;
    size_t d = s[p + 2] == ' ' ? p + 3 : p + 2, d1 = d;
    while (d1 < n && ex_isdigit((unsigned char)s[d1]))
        d1++;
    if (d1 - d == 4 && d1 + 3 <= n && (s[d1] == '-' || s[d1] == '/') &&
        ex_isdigit((unsigned char)s[d1 + 1]) && ex_isdigit((unsigned char)s[d1 + 2]) &&
        (d1 + 3 == n || !ex_isalnum_byte(s[d1 + 3]))) {
        /* "FY 2022-23": the year that begins in 2022 and ends in 2023 */
        int y0 = 0, yy = (s[d1 + 1] - '0') * 10 + (s[d1 + 2] - '0');
        for (size_t q = d; q < d1; q++)
            y0 = y0 * 10 + (s[q] - '0');
        if ((y0 + 1) % 100 == yy && y0 >= 1900 && y0 < 2100) {
            *len = d1 + 3 - p;
            return y0 + 1;
        }
    }
    if (d1 < n && (ex_isalpha((unsigned char)s[d1]) ||
                   (s[d1] == '.' && d1 + 1 < n && ex_isdigit((unsigned char)s[d1 + 1]))))
        return 0;
    int y = 0;
    for (size_t q = d; q < d1; q++)
        y = y * 10 + (s[q] - '0');
    if (d1 - d == 2)
        y += 2000;
    else if (d1 - d != 4 || y < 1900 || y > 2100)
        return 0;
    *len = d1 - p;
    return y;
}

/* "M1-M2", "M1 YYYY-M2 YYYY", "M1 to M2" at p: the first month, the last
 * in *m2; else 0. */
static int ex_month_span_at(const char *s, size_t n, size_t p, int *m2)
{
    size_t l;
    int m1 = extract_is_month(s, n, p, &l);
    if (!m1 || (p > 0 && ex_isalpha((unsigned char)s[p - 1])))
        return 0;
    size_t q = extract_skip_sp(s, n, p + l, 0);
    int y;
    if (extract_year_at(s, n, q, &y))
        q = extract_skip_sp(s, n, q + 4, 0);
    if (q < n && s[q] == '-')
        q++;
    else if (q + 3 <= n && (unsigned char)s[q] == 0xE2 && (unsigned char)s[q + 1] == 0x80 &&
             ((unsigned char)s[q + 2] == 0x93 || (unsigned char)s[q + 2] == 0x94))
        q += 3;
    else if (extract_word(s, n, q, "to"))
        q += 2;
    else
        return 0;
    *m2 = extract_is_month(s, n, extract_skip_sp(s, n, q, 0), &l);
    return *m2 && *m2 != m1 ? m1 : 0;
}

int extract_fiscal_start(const char *s, size_t n, const char *reporter)
{
    int named = 0;
    const char *adjective = NULL; /* "the last Indian financial year" */
    for (size_t p = 0; p < n; p++) {
        size_t k, w0;
        if (!extract_word_start(s, p))
            continue;
        int fy = ex_fy_at(s, n, p, &k) != 0;
        if (!fy && !ex_fiscal_noun(s, n, p))
            continue;
        named = 1;
        size_t we = extract_prev_word(s, n, p, &w0);
        if (!fy && !adjective && we > w0)
            adjective = extract_country_at(s, n, w0, &k);
    }
    if (!named)
        return 0;
    /* the months the text itself gives: "April-March" (a whole year),
     * "July-April" (over the turn of the year: the months of a fiscal year
     * so far), "April-December 2012 against ... last fiscal" */
    int wrap = 0, in_fiscal = 0;
    size_t line = 0;
    for (size_t p = 0; p < n; p++) {
        if (s[p] == '\n')
            line = p + 1;
        int m2, m1 = ex_month_span_at(s, n, p, &m2);
        if (!m1)
            continue;
        if (m2 == (m1 + 10) % 12 + 1)
            return m1;
        if (m2 < m1 && !wrap)
            wrap = m1;
        if (m2 > m1 && m1 > 1 && !in_fiscal) {
            size_t e = p;
            while (e < n && s[e] != '\n')
                e++;
            for (size_t q = line; q < e && !in_fiscal; q++)
                if (extract_word_start(s, q) && ex_fiscal_noun(s, n, q))
                    in_fiscal = m1;
        }
    }
    if (wrap)
        return wrap;
    if (in_fiscal)
        return in_fiscal;
    /* else the year of the country named with it ("the Indian financial
     * year") or of the document's reporter: only countries whose fiscal
     * year is named by the year it ends in (Japan's, named by the year it
     * begins in, is extract_fiscal_begins) */
    static const struct {
        const char *code;
        int start;
    } starts[] = {{"IND", 4}, {"PAK", 7}, {"BGD", 7}, {"NPL", 7}, {"AUS", 7}, {"EGY", 7}, {"NZL", 7}};
    const char *who = adjective ? adjective : reporter;
    for (size_t i = 0; who && i < sizeof starts / sizeof starts[0]; i++)
        if (!strcmp(who, starts[i].code))
            return starts[i].start;
    return 0;
}

int extract_fiscal_begins(const char *reporter)
{
    return reporter && !strcmp(reporter, "JPN") ? 4 : 0;
}

/* The months of the fiscal year that begins in month f of year y0: whole
 * (months 12) or its first months. */
static void ex_fiscal_text(char *out, size_t size, int y0, int f, int months)
{
    int first = y0 * 12 + f - 1, last = first + months - 1;
    if (months == 1)
        snprintf(out, size, "%04d-%02d", (first / 12) % 10000, first % 12 + 1);
    else
        snprintf(out, size, "%04d-%02d/%04d-%02d", (first / 12) % 10000, first % 12 + 1,
                 (last / 12) % 10000, last % 12 + 1);
}

static int ex_prev_is(const char *s, size_t n, size_t p, const char *w, size_t *w0);
static int ex_months_count(const char *s, size_t n, size_t mw, size_t *a0, int *first);

/* A part of a fiscal year before p's fiscal-year words: "first half of",
 * "second half of", "first quarter of" ... "fourth quarter of" right before
 * p. Its first month (0-based, from the fiscal year's start) in *off and its
 * length in *months, its start in *a0; else 0. */
static int ex_fiscal_part_before(const char *s, size_t n, size_t p, int *off, int *months,
                                 size_t *a0)
{
    static const char *const ord[] = {"first", "second", "third", "fourth"};
    size_t o0, m0, f0, t0;
    if (ex_prev_is(s, n, p, "the", &t0))
        p = t0; /* "of the fiscal year 2017-18" */
    if (!ex_prev_is(s, n, p, "of", &o0))
        return 0;
    {
        /* "the first 10 months (July-April) of": back over the note */
        size_t c = extract_skip_sp_back(s, n, o0, 0);
        if (c > 0 && s[c - 1] == ')') {
            size_t k = c - 1;
            while (k > 0 && c - k < 32 && s[k - 1] != '(' && s[k - 1] != '\n')
                k--;
            if (k > 0 && s[k - 1] == '(')
                o0 = k - 1;
        }
    }
    size_t me = extract_prev_word(s, n, o0, &m0);
    int half = me > m0 && extract_word(s, n, m0, "half") == me - m0;
    int quarter = me > m0 && extract_word(s, n, m0, "quarter") == me - m0;
    if (me > m0 && (extract_word(s, n, m0, "months") == me - m0 ||
                    extract_word(s, n, m0, "month") == me - m0)) {
        /* "the first 10 months of fiscal 2018" */
        int first = 0, mm = ex_months_count(s, n, m0, a0, &first);
        if (mm && first) {
            *off = 0;
            *months = mm;
            return 1;
        }
        return 0;
    }
    if (!half && !quarter)
        return 0;
    for (int k = 0; k < (half ? 2 : 4); k++)
        if (ex_prev_is(s, n, m0, ord[k], &f0)) {
            *months = half ? 6 : 3;
            *off = k * *months;
            *a0 = f0;
            return 1;
        }
    return 0;
}

/* The part of the fiscal year y0 (from month f) that the words before the
 * fiscal year at p name ("the first 10 months of", "the second half of"),
 * before "fiscal", "fiscal year", "financial year" or nothing: e's text and
 * start. */
static void ex_fiscal_part(const char *s, size_t n, size_t p, int y0, int f, ex_time *e)
{
    size_t w0, v0;
    if (ex_prev_is(s, n, p, "fiscal", &w0) || ex_prev_is(s, n, p, "financial", &w0))
        p = w0;
    else if (ex_prev_is(s, n, p, "year", &w0) &&
             (ex_prev_is(s, n, w0, "fiscal", &v0) || ex_prev_is(s, n, w0, "financial", &v0)))
        p = v0;
    int off, months;
    size_t pa;
    if (ex_fiscal_part_before(s, n, p, &off, &months, &pa)) {
        int m = f + off;
        ex_fiscal_text(e->text, sizeof e->text, y0 + (m - 1) / 12, (m - 1) % 12 + 1, months);
        e->a = pa;
    }
}

/* "the fiscal first half", "fiscal second quarter" at p: the part's first
 * month from the fiscal year's start in *off, its length in *months, the
 * phrase's length in *len; else 0. */
static int ex_fiscal_part_at(const char *s, size_t n, size_t p, int *off, int *months,
                             size_t *len)
{
    static const char *const ord[] = {"first", "second", "third", "fourth"};
    size_t k = extract_word(s, n, p, "fiscal");
    if (!k)
        return 0;
    size_t q = extract_skip_sp(s, n, p + k, 0);
    for (int i = 0; i < 4; i++) {
        size_t ko = extract_word(s, n, q, ord[i]);
        if (!ko)
            continue;
        size_t r = extract_skip_sp(s, n, q + ko, 0), kh;
        if (i < 2 && (kh = extract_word(s, n, r, "half")) != 0) {
            *months = 6;
        } else if ((kh = extract_word(s, n, r, "quarter")) != 0) {
            *months = 3;
        } else {
            return 0;
        }
        *off = i * *months;
        *len = r + kh - p;
        return 1;
    }
    return 0;
}

/* The year in which the fiscal year of the document's date begins. */
static int ex_fiscal_now(const ex_clock *c)
{
    return c->month && c->month >= c->fiscal ? c->year : c->year - 1;
}

/* "this fiscal year", "the current financial year", "last fiscal", "the
 * last Indian financial year" at p: 1 this, 2 the one before (length in
 * *len), else 0. */
static int ex_fiscal_phrase(const char *s, size_t n, size_t p, size_t *len)
{
    static const struct {
        const char *w;
        int which;
    } lead[] = {{"the current", 1},  {"this", 1}, {"current", 1},  {"the last", 2},
                {"the previous", 2}, {"last", 2}, {"previous", 2}, {"the past", 2}};
    for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++) {
        size_t k = extract_word(s, n, p, lead[i].w);
        if (!k)
            continue;
        size_t q = extract_skip_sp(s, n, p + k, 1);
        size_t f = ex_fiscal_noun(s, n, q);
        if (!f && q < n && ex_isupper((unsigned char)s[q])) {
            size_t e = q;
            while (e < n && ex_isalpha((unsigned char)s[e]))
                e++;
            size_t q2 = extract_skip_sp(s, n, e, 1);
            if ((f = ex_fiscal_noun(s, n, q2)) != 0)
                q = q2;
        }
        if (f) {
            *len = q + f - p;
            return lead[i].which;
        }
    }
    return 0;
}

static int ex_isalnum_byte(char c)
{
    return ex_isalpha((unsigned char)c) || ex_isdigit((unsigned char)c);
}

static int ex_small_word(const char *s, size_t n, size_t p, size_t *len)
{
    static const char *const w[] = {"one",   "two",   "three", "four", "five",   "six",
                                    "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
    for (int i = 0; i < 12; i++) {
        size_t k = extract_word(s, n, p, w[i]);
        if (k) {
            *len = k;
            return i + 1;
        }
    }
    if (p < n && ex_isdigit((unsigned char)s[p])) {
        int v = 0;
        size_t q = p;
        while (q < n && ex_isdigit((unsigned char)s[q]) && q - p < 3)
            v = v * 10 + (s[q++] - '0');
        *len = q - p;
        return v;
    }
    return 0;
}

size_t extract_paren(const char *s, size_t a, size_t p)
{
    int depth = 0;
    for (size_t q = p; q > a; q--) {
        if (s[q - 1] == ')')
            depth++;
        else if (s[q - 1] == '(') {
            if (depth == 0)
                return q - 1;
            depth--;
        }
    }
    return (size_t)-1;
}

/* The word before p is w (case-insensitive)? Its start in *w0. */
static int ex_prev_is(const char *s, size_t n, size_t p, const char *w, size_t *w0)
{
    size_t a = p;
    size_t e = extract_prev_word(s, n, p, &a);
    if (e <= a || extract_word(s, n, a, w) != e - a)
        return 0;
    if (w0)
        *w0 = a;
    return 1;
}

/* Does a percentage end right before p ("up 16.0% from")? */
static int ex_percent_before(const char *s, size_t n, size_t p)
{
    size_t b = extract_skip_sp_back(s, n, p, 0);
    if (b > 0 && s[b - 1] == '%')
        return 1;
    size_t a = b;
    size_t e = extract_prev_word(s, n, b, &a);
    return e > a &&
           (extract_word(s, n, a, "percent") == e - a || extract_word(s, n, a, "cent") == e - a ||
            extract_word(s, n, a, "pc") == e - a);
}

/* Is a time at [p, ...) the base of a comparison? "than (in) 2010",
 * "compared to/with (the same period in) 2022", "on 2018", "over the same
 * period of last year", "from 2022 figures". *same: "the same period". */
static int ex_base_before(const char *s, size_t n, size_t p, int *same)
{
    size_t w0 = p, w1;
    *same = 0;
    static const char *const direct[] = {"on", "than", "against", "versus",
                                         "vs", "vs.",  "since",   NULL};
    {
        /* "recorded in the similar 2023 period", "the same 2023 period": the
         * months of the figure in that year */
        size_t q = p;
        while (q < n && q < p + 4 && ex_isdigit((unsigned char)s[q]))
            q++;
        q = extract_skip_sp(s, n, q, 0);
        if (q == p + 5 && extract_word(s, n, q, "period") &&
            (ex_prev_is(s, n, p, "same", NULL) || ex_prev_is(s, n, p, "similar", NULL) ||
             ex_prev_is(s, n, p, "corresponding", NULL) ||
             ex_prev_is(s, n, p, "comparable", NULL))) {
            *same = 1;
            return 1;
        }
    }
    for (int it = 0; it < 6; it++) {
        for (size_t j = 0; direct[j]; j++)
            if (ex_prev_is(s, n, w0, direct[j], NULL))
                return 1;
        if (ex_prev_is(s, n, w0, "compared", NULL) || ex_prev_is(s, n, w0, "comparison", NULL))
            return 1;
        size_t w2;
        int span = ex_prev_is(s, n, w0, "period", &w1) || ex_prev_is(s, n, w0, "quarter", &w1) ||
                   ex_prev_is(s, n, w0, "month", &w1) || ex_prev_is(s, n, w0, "months", &w1);
        if (span && ex_prev_is(s, n, w1, "time", &w2))
            w1 = w2; /* "compared to the same time period in 2018" */
        if (span &&
            (ex_prev_is(s, n, w1, "same", NULL) || ex_prev_is(s, n, w1, "corresponding", NULL) ||
             ex_prev_is(s, n, w1, "analogous", NULL) || ex_prev_is(s, n, w1, "analogical", NULL) ||
             ex_prev_is(s, n, w1, "similar", NULL) || ex_prev_is(s, n, w1, "comparable", NULL))) {
            /* "from the same quarter last year", "spent in a similar period in 2023" */
            *same = 1;
            return 1;
        }
        if (ex_prev_is(s, n, w0, "in", &w1) || ex_prev_is(s, n, w0, "of", &w1) ||
            ex_prev_is(s, n, w0, "the", &w1) || ex_prev_is(s, n, w0, "with", &w1) ||
            ex_prev_is(s, n, w0, "to", &w1) || ex_prev_is(s, n, w0, "over", &w1) ||
            ex_prev_is(s, n, w0, "period", &w1) || ex_prev_is(s, n, w0, "same", &w1) ||
            ex_prev_is(s, n, w0, "indicator", &w1) || ex_prev_is(s, n, w0, "figure", &w1) ||
            ex_prev_is(s, n, w0, "data", &w1) || ex_prev_is(s, n, w0, "from", &w1) ||
            ex_prev_is(s, n, w0, "year", &w1) || /* "the same month of the year 2023" */
            /* "lower than in the first half of 2022" */
            ex_prev_is(s, n, w0, "half", &w1) || ex_prev_is(s, n, w0, "quarter", &w1) ||
            ex_prev_is(s, n, w0, "first", &w1) || ex_prev_is(s, n, w0, "second", &w1) ||
            ex_prev_is(s, n, w0, "third", &w1) || ex_prev_is(s, n, w0, "fourth", &w1)) {
            /* "compared to the same indicator in 2019" */
            if (ex_prev_is(s, n, w0, "from", NULL)) {
                /* "from 2022 figures" yes, "from 2015 to 2020" no: the caller checks */
                size_t q = p;
                while (q < n && ex_isdigit((unsigned char)s[q]))
                    q++;
                q = extract_skip_sp(s, n, q, 1);
                if (extract_word(s, n, q, "figures") || extract_word(s, n, q, "levels") ||
                    extract_word(s, n, q, "level"))
                    return 1;
                /* "up 16.0% from 2009": the base of a change written just
                 * before it; "from 2009 to 2012", "from 2009 onwards" are
                 * spans, "grew 12.7% from 2021 to 149 billion USD" is not */
                size_t tk = extract_word(s, n, q, "to");
                int to_amount = 0;
                if (tk) {
                    size_t t2 = extract_skip_sp(s, n, q + tk, 1), c;
                    int y2;
                    char code[4];
                    static const char *const verb[] = {"exceed", "reach",     "hit",   "top",
                                                       "surpass", "a record", "about", "nearly",
                                                       "over",    "more than", NULL};
                    for (size_t j = 0; verb[j]; j++)
                        if ((c = extract_word(s, n, t2, verb[j])) != 0) {
                            t2 = extract_skip_sp(s, n, t2 + c, 1); /* "to exceed 149 billion" */
                            break;
                        }
                    c = t2;
                    while (c < n && c < t2 + 4 && !ex_isdigit((unsigned char)s[c]) && s[c] != ' ')
                        c++;
                    if (c > t2 && c + 1 < n && s[c] == ' ')
                        c++; /* "EUR 410 million" */
                    to_amount = !extract_year_at(s, n, t2, &y2) && c < n &&
                                ex_isdigit((unsigned char)s[c]) &&
                                (c == t2 || extract_cur_before(s, n, c, code) != (size_t)-1);
                }
                if (q >= n || s[q] == '-' || (tk && !to_amount) ||
                    extract_word(s, n, q, "till") || extract_word(s, n, q, "until") ||
                    extract_word(s, n, q, "through") || extract_word(s, n, q, "and") ||
                    extract_word(s, n, q, "onwards") || extract_word(s, n, q, "onward") ||
                    (unsigned char)s[q] == 0xE2)
                    return 0;
                if (ex_percent_before(s, n, w1))
                    return 1;
                /* "rose ... to €89,074 million from 2013": an amount's base */
                size_t se = extract_skip_sp_back(s, n, w1, 0), s0;
                size_t sw = extract_prev_word(s, n, w1, &s0);
                static const char *const scale[] = {"million", "billion", "bn",     "mln",
                                                    "trillion", "tonnes", "tons", NULL};
                for (size_t j = 0; scale[j] && sw > s0; j++)
                    if (extract_word(s, n, s0, scale[j]) == sw - s0)
                        return 1;
                return se > 0 && ex_isdigit((unsigned char)s[se - 1]);
            }
            w0 = w1;
            continue;
        }
        break;
    }
    return 0;
}

/* "first N months", "N months", "eight months": N, with *a0 the start. */
static int ex_months_count(const char *s, size_t n, size_t mw, size_t *a0, int *first)
{
    size_t f0;
    size_t fe = extract_prev_word(s, n, mw, &f0);
    size_t kk;
    int months = 0;
    size_t num0 = f0;
    if (fe > f0)
        months = ex_small_word(s, n, f0, &kk);
    if (!months) {
        size_t d = extract_skip_sp_back(s, n, mw, 0);
        size_t d0 = d;
        while (d0 > 0 && ex_isdigit((unsigned char)s[d0 - 1]))
            d0--;
        if (d0 < d)
            months = ex_small_word(s, n, d0, &kk), num0 = d0;
    }
    if (months < 1 || months > 12)
        return 0;
    size_t g0;
    *first = 0;
    *a0 = num0;
    size_t ge = extract_prev_word(s, n, num0, &g0);
    if (ge > g0 && (extract_word(s, n, g0, "first") == ge - g0 ||
                    extract_word(s, n, g0, "initial") == ge - g0)) {
        *first = 1;
        *a0 = g0;
    } else if (ge > g0 && (extract_word(s, n, g0, "the") == ge - g0 ||
                           extract_word(s, n, g0, "in") == ge - g0 ||
                           extract_word(s, n, g0, "over") == ge - g0 ||
                           extract_word(s, n, g0, "for") == ge - g0)) {
        *first = 1; /* "over the eight months of this year": from January */
    }
    return months;
}

static void ex_months_text(char *out, size_t size, int y, int months)
{
    if (months == 12)
        snprintf(out, size, "%04d", y);
    else if (months == 1)
        snprintf(out, size, "%04d-01", y);
    else
        snprintf(out, size, "%04d-01/%04d-%02d", y, y, months);
}

/* "end-December", "the end of December", "end of" right before the month
 * name at m: the start of the phrase, or (size_t)-1. */
static size_t ex_end_before(const char *s, size_t n, size_t a, size_t m)
{
    if (m >= a + 4 && s[m - 1] == '-' && extract_word(s, n, m - 4, "end") == 3 &&
        (m - 4 == 0 || !ex_isalpha((unsigned char)s[m - 5])))
        return m - 4;
    size_t w0, e0, t0;
    if (ex_prev_is(s, n, m, "of", &w0) && ex_prev_is(s, n, w0, "end", &e0) && e0 >= a)
        return ex_prev_is(s, n, e0, "the", &t0) && t0 >= a ? t0 : e0;
    return (size_t)-1;
}

/* "as of", "as at" before p: a stock or a cumulative figure at that time.
 * Its start in *start. */
static int ex_as_of_before(const char *s, size_t n, size_t a, size_t p, size_t *start)
{
    size_t w0, a0;
    if ((ex_prev_is(s, n, p, "of", &w0) || ex_prev_is(s, n, p, "at", &w0)) &&
        ex_prev_is(s, n, w0, "as", &a0) && a0 >= a) {
        *start = a0;
        return 1;
    }
    return 0;
}

/* The day and month that start a day range ending at e0 (the start of its
 * last date): "1 January - 15 May 2024", "January 1 to May 15, 2024",
 * "from 1 January to 15 May", "between January 1 and May 15", "January
 * 1-May 15": the first month in *m1 and the range's start (with "from" or
 * "between") in *start. */
static int ex_day_range(const char *s, size_t n, size_t a, size_t e0, int *m1, size_t *start)
{
    size_t q = extract_skip_sp_back(s, n, e0, 0), r, w0, ml;
    if (q > a && s[q - 1] == '-')
        r = q - 1;
    else if (q >= a + 3 && (unsigned char)s[q - 3] == 0xE2 && (unsigned char)s[q - 2] == 0x80 &&
             ((unsigned char)s[q - 1] == 0x93 || (unsigned char)s[q - 1] == 0x94))
        r = q - 3;
    else if (ex_prev_is(s, n, q, "to", &w0) || ex_prev_is(s, n, q, "and", &w0) ||
             ex_prev_is(s, n, q, "through", &w0) || ex_prev_is(s, n, q, "till", &w0) ||
             ex_prev_is(s, n, q, "until", &w0))
        r = w0;
    else
        return 0;
    size_t x = extract_skip_sp_back(s, n, r, 0), dx = x;
    if (dx >= a + 3 && ex_isalpha((unsigned char)s[dx - 1]) && ex_isalpha((unsigned char)s[dx - 2]) &&
        ex_isdigit((unsigned char)s[dx - 3]))
        dx -= 2; /* "1st" */
    size_t d0 = dx;
    while (d0 > a && ex_isdigit((unsigned char)s[d0 - 1]) && dx - d0 < 3)
        d0--;
    size_t st;
    int m;
    if (d0 < dx) {
        /* "January 1": the month before the day */
        if (dx - d0 > 2 || (d0 > 0 && ex_isdigit((unsigned char)s[d0 - 1])))
            return 0;
        size_t me = extract_skip_sp_back(s, n, d0, 0), ms = me;
        while (ms > a && ex_isalpha((unsigned char)s[ms - 1]))
            ms--;
        m = extract_is_month(s, n, ms, &ml);
        if (!m || ms + ml != me || me == d0)
            return 0;
        st = ms;
    } else {
        /* "1 January": the day before the month (or the month alone) */
        size_t ms = x;
        while (ms > a && ex_isalpha((unsigned char)s[ms - 1]))
            ms--;
        m = extract_is_month(s, n, ms, &ml);
        if (!m || ms + ml != x)
            return 0;
        st = ms;
        size_t de = extract_skip_sp_back(s, n, ms, 0), dd = de;
        if (dd >= a + 3 && ex_isalpha((unsigned char)s[dd - 1]) &&
            ex_isalpha((unsigned char)s[dd - 2]) && ex_isdigit((unsigned char)s[dd - 3]))
            dd -= 2;
        size_t ds = dd;
        while (ds > a && ex_isdigit((unsigned char)s[ds - 1]) && dd - ds < 3)
            ds--;
        if (ds < dd && dd - ds <= 2 && de < ms && (ds == 0 || !ex_isdigit((unsigned char)s[ds - 1])))
            st = ds;
    }
    if (ex_prev_is(s, n, st, "from", &w0) || ex_prev_is(s, n, st, "between", &w0))
        st = w0 >= a ? w0 : st;
    *m1 = m;
    *start = st;
    return 1;
}

/* The text of a day range from month m1 to the date of month m2 of year y:
 * its months ("2024-01/2024-05"), one month, or over the turn of a year. */
static void ex_day_range_text(char *out, size_t size, int y, int m1, int m2)
{
    if (m1 == m2)
        snprintf(out, size, "%04d-%02d", y % 10000, m2);
    else
        snprintf(out, size, "%04d-%02d/%04d-%02d", (m1 < m2 ? y : y - 1) % 10000, m1, y % 10000,
                 m2);
}

/* Time expressions without a written year: "this year", "last year",
 * "the first nine months of this year", "January-August", "from January
 * to July", "Q1", "10M2022", "in the period" (carried). */
static size_t ex_times_words(const char *s, size_t n, size_t a, size_t b, ex_time *t, size_t nt,
                             size_t max, const ex_clock *clock, int ctx_year)
{
    int doc_year = clock->year;
    int cy = ctx_year ? ctx_year : doc_year;
    for (size_t p = a; p < b && nt < max; p++) {
        if (p > a && (ex_isalpha((unsigned char)s[p - 1]) || ex_isdigit((unsigned char)s[p - 1])))
            continue;
        int inside = 0;
        for (size_t i = 0; i < nt; i++)
            if (p >= t[i].a && p < t[i].b)
                inside = 1;
        if (inside)
            continue;
        ex_time e;
        memset(&e, 0, sizeof e);
        e.a = p;
        size_t k;
        int same_u = 0; /* undated: "the same period last year" */
        int y = 0;
        int fw, fy_end;
        if (clock->fiscal > 1 && doc_year && (fw = ex_fiscal_phrase(s, n, p, &k)) != 0) {
            /* "the first 10 months of this fiscal year", "the same period
             * in last fiscal year", "the last Indian financial year": the
             * fiscal year of the document's date, or the one before */
            int f = clock->fiscal, y0 = ex_fiscal_now(clock) - (fw == 2);
            e.b = p + k;
            ex_fiscal_text(e.text, sizeof e.text, y0, f, 12);
            size_t w0, m0, a0;
            if (ex_prev_is(s, n, p, "of", &w0) || ex_prev_is(s, n, p, "in", &w0)) {
                size_t me = extract_prev_word(s, n, w0, &m0);
                int first;
                if (me > m0 && (extract_word(s, n, m0, "months") == me - m0 ||
                                extract_word(s, n, m0, "month") == me - m0)) {
                    int months = ex_months_count(s, n, m0, &a0, &first);
                    if (months && first) {
                        ex_fiscal_text(e.text, sizeof e.text, y0, f, months);
                        e.a = a0;
                    }
                } else if (me > m0 && extract_word(s, n, m0, "half") == me - m0 &&
                           ex_prev_is(s, n, m0, "first", &a0)) {
                    ex_fiscal_text(e.text, sizeof e.text, y0, f, 6);
                    e.a = a0;
                }
            }
            if (fw == 2) {
                int same;
                e.base = ex_base_before(s, n, e.a, &same);
                e.same = same;
                if ((ex_prev_is(s, n, p, "of", &w0) || ex_prev_is(s, n, p, "over", &w0) ||
                     ex_prev_is(s, n, p, "in", &w0)) &&
                    ex_prev_is(s, n, w0, "period", NULL))
                    e.base = e.same = 1;
                e.ago = 1;
            }
        } else if ((clock->fiscal > 1 || clock->fiscal_begins) && doc_year && clock->month &&
                   ex_fiscal_part_at(s, n, p, &fw, &fy_end, &k)) {
            /* "the fiscal first half" with no year: the latest such part
             * that ends by the document's month */
            int f = clock->fiscal > 1 ? clock->fiscal : clock->fiscal_begins;
            int y0 = clock->month >= f ? doc_year : doc_year - 1;
            int first = y0 * 12 + f - 1 + fw, now = doc_year * 12 + clock->month - 1;
            if (first + fy_end - 1 > now)
                first -= 12;
            e.b = p + k;
            ex_fiscal_text(e.text, sizeof e.text, first / 12, first % 12 + 1, fy_end);
        } else if ((clock->fiscal > 1 || clock->fiscal_begins) &&
                   (fy_end = ex_fy_at(s, n, p, &k)) != 0) {
            /* "FY19": the fiscal year that ends in 2019 (Japan's FY2023
             * begins in 2023; "FY 2022-23" ends in 2023 everywhere) */
            e.b = p + k;
            int begins = clock->fiscal_begins && s[p + k - 3] != '-' && s[p + k - 3] != '/';
            ex_fiscal_text(e.text, sizeof e.text, fy_end - !begins,
                           clock->fiscal > 1 ? clock->fiscal : clock->fiscal_begins, 12);
            ex_fiscal_part(s, n, p, fy_end - !begins,
                           clock->fiscal > 1 ? clock->fiscal : clock->fiscal_begins, &e);
        } else if (((k = extract_word(s, n, p, "this year")) ||
                    (k = extract_word(s, n, p, "the year")) ||
                    (k = extract_word(s, n, p, "the current year"))) &&
                   doc_year) {
            y = doc_year;
            if (extract_word(s, n, p, "the year") && !doc_year)
                continue;
            {
                /* "in the same month of the year 2023": the year written */
                int wy;
                if (extract_word(s, n, p, "the year") &&
                    extract_year_at(s, n, extract_skip_sp(s, n, p + k, 0), &wy))
                    continue;
            }
            e.b = p + k;
            snprintf(e.text, sizeof e.text, "%04d", y);
            /* "the first nine months of this year", "first half of the year" */
            size_t w0;
            if (ex_prev_is(s, n, p, "of", &w0) || ex_prev_is(s, n, p, "in", &w0)) {
                size_t m0;
                size_t me = extract_prev_word(s, n, w0, &m0);
                int first;
                size_t a0;
                if (me > m0 && (extract_word(s, n, m0, "months") == me - m0 ||
                                extract_word(s, n, m0, "month") == me - m0)) {
                    int months = ex_months_count(s, n, m0, &a0, &first);
                    if (months && first) {
                        ex_months_text(e.text, sizeof e.text, y, months);
                        e.a = a0;
                    }
                } else if (me > m0 && extract_word(s, n, m0, "half") == me - m0) {
                    size_t f0;
                    if (ex_prev_is(s, n, m0, "first", &f0)) {
                        snprintf(e.text, sizeof e.text, "%04d-01/%04d-06", y, y);
                        e.a = f0;
                    } else if (ex_prev_is(s, n, m0, "second", &f0)) {
                        snprintf(e.text, sizeof e.text, "%04d-07/%04d-12", y, y);
                        e.a = f0;
                    }
                } else {
                    /* "from January to September of this year" */
                    size_t ml;
                    int m2 = extract_is_month(s, n, m0, &ml);
                    if (m2 && m0 + ml == me) {
                        size_t t0;
                        if (ex_prev_is(s, n, m0, "to", &t0) ||
                            ex_prev_is(s, n, m0, "through", &t0)) {
                            size_t y0 = extract_skip_sp_back(s, n, t0, 0);
                            size_t m1s = y0;
                            while (m1s > 0 && ex_isalpha((unsigned char)s[m1s - 1]))
                                m1s--;
                            size_t l0;
                            int m1 = extract_is_month(s, n, m1s, &l0);
                            if (m1 && m1s + l0 == y0 && m1 < m2) {
                                snprintf(e.text, sizeof e.text, "%04d-%02d/%04d-%02d", y, m1, y,
                                         m2);
                                e.a = m1s;
                            } else if (!m1) {
                                /* "in the months up to May this year": from
                                 * January */
                                size_t u0 = t0, x0;
                                if (ex_prev_is(s, n, t0, "up", &x0))
                                    u0 = x0;
                                if (ex_prev_is(s, n, u0, "months", &x0)) {
                                    snprintf(e.text, sizeof e.text, "%04d-01/%04d-%02d", y, y, m2);
                                    e.a = x0;
                                }
                            }
                        }
                    }
                }
            }
            if (strlen(e.text) == 4) {
                /* "in the months up to May this year": from January */
                size_t m0, ml, t0, x0;
                size_t me = extract_prev_word(s, n, p, &m0);
                int m2 = me > m0 ? extract_is_month(s, n, m0, &ml) : 0;
                if (m2 && m0 + ml == me &&
                    (ex_prev_is(s, n, m0, "to", &t0) || ex_prev_is(s, n, m0, "through", &t0))) {
                    size_t u0 = t0;
                    if (ex_prev_is(s, n, t0, "up", &x0))
                        u0 = x0;
                    if (ex_prev_is(s, n, u0, "months", &x0)) {
                        snprintf(e.text, sizeof e.text, "%04d-01/%04d-%02d", y, y, m2);
                        e.a = x0;
                    }
                }
            }
            size_t o0;
            int year_end = ex_prev_is(s, n, p, "of", &o0) && ex_prev_is(s, n, o0, "end", NULL);
            if (!extract_word(s, n, p, "the year") && strlen(e.text) == 4) {
                size_t f0, b0;
                if (ex_prev_is(s, n, p, "far", &f0) && ex_prev_is(s, n, f0, "so", &b0)) {
                    /* "so far this year": the months the text has data for */
                    e.so_far = 1;
                    e.a = b0;
                } else if (extract_word(s, n, extract_skip_sp(s, n, p + k, 0), "so far")) {
                    e.so_far = 1;
                    e.b = extract_skip_sp(s, n, p + k, 0) + 6;
                } else if (ex_prev_is(s, n, p, "of", &o0) &&
                           (ex_prev_is(s, n, o0, "beginning", &b0) ||
                            ex_prev_is(s, n, o0, "start", &b0))) {
                    /* "at the beginning of this year": its January */
                    snprintf(e.text, sizeof e.text, "%04d-01", y);
                    e.a = ex_prev_is(s, n, b0, "the", &f0) ? f0 : b0;
                }
            }
            if (extract_word(s, n, p, "the year") && strlen(e.text) == 4 && !year_end)
                continue; /* "the year" alone: too vague; "by the end of the year": this one */
            /* "Figures for this year show ... 21.5 percent in January": the
             * months after it in the sentence are of this year too */
            if (!extract_word(s, n, p, "the year"))
                cy = doc_year;
        } else if (((k = extract_word(s, n, p, "last year")) ||
                    (k = extract_word(s, n, p, "the previous year")) ||
                    (k = extract_word(s, n, p, "the past year")) ||
                    (k = extract_word(s, n, p, "a year earlier")) ||
                    (k = extract_word(s, n, p, "a year ago"))) &&
                   (doc_year || (clock->text_year && ex_base_before(s, n, p, &same_u) && same_u))) {
            /* undated, only as "the same period last year": the figure's
             * months a year before (the year written here is of the text's
             * latest year, taken when no figure before has a period) */
            int same;
            e.b = p + k;
            e.base = ex_base_before(s, n, p, &same) || !extract_word(s, n, p, "last year");
            e.same = same;
            size_t w0 = p;
            if ((ex_prev_is(s, n, p, "of", &w0) || ex_prev_is(s, n, p, "over", &w0)) &&
                ex_prev_is(s, n, w0, "period", NULL))
                e.base = e.same = 1;
            snprintf(e.text, sizeof e.text, "%04d", (doc_year ? doc_year : clock->text_year) - 1);
            e.ago = 1;
            if (clock->fiscal > 1 && !e.same && extract_word(s, n, p, "last year"))
                /* "grew 21% to $2.4 billion last year" in a text that counts
                 * in fiscal years: the last whole fiscal year */
                ex_fiscal_text(e.text, sizeof e.text, ex_fiscal_now(clock) - 1, clock->fiscal, 12);
        } else if ((k = extract_word(s, n, p, "the reporting period")) ||
                   (k = extract_word(s, n, p, "the reported period")) ||
                   (k = extract_word(s, n, p, "the period")) ||
                   (k = extract_word(s, n, p, "this period")) ||
                   (k = extract_word(s, n, p, "that period")) ||
                   (k = extract_word(s, n, p, "the same period")) ||
                   (k = extract_word(s, n, p, "this time frame")) ||
                   (k = extract_word(s, n, p, "the reporting time")) ||
                   (k = extract_word(s, n, p, "a period of six months"))) {
            /* "the same period in 2022" / "of last year" is a base (found with the year) */
            size_t q = extract_skip_sp(s, n, p + k, 1);
            if (extract_word(s, n, q, "in") || extract_word(s, n, q, "of") ||
                extract_word(s, n, q, "last") || extract_word(s, n, q, "a year") ||
                extract_word(s, n, q, "from") || extract_word(s, n, q, "between") ||
                extract_is_month(s, n, q, NULL) || extract_year_at(s, n, q, &y))
                continue; /* "in the period from January to December 2010", "during the
                           * period April-December 2012": read there */
            int same;
            if (ex_base_before(s, n, p, &same) || ex_prev_is(s, n, p, "than", NULL))
                continue;
            e.b = p + k;
            e.carry = 1;
            snprintf(e.text, sizeof e.text, "carry");
        } else if (doc_year && clock->month &&
                   ((k = extract_word(s, n, p, "the last")) ||
                    (k = extract_word(s, n, p, "the past"))) &&
                   ex_small_word(s, n, extract_skip_sp(s, n, p + k, 1), &(size_t){0}) >= 2) {
            /* "over the last 6 months" in a text dated July 2010: the months
             * before the date's month */
            size_t q = extract_skip_sp(s, n, p + k, 1), kk = 0;
            int num = ex_small_word(s, n, q, &kk);
            size_t q2 = extract_skip_sp(s, n, q + kk, 1), mk = extract_word(s, n, q2, "months");
            size_t after = mk ? extract_skip_sp(s, n, q2 + mk, 1) : 0;
            if (!mk || num > 12 || extract_word(s, n, after, "of") ||
                extract_year_at(s, n, after, &y))
                continue;
            int last = doc_year * 12 + clock->month - 2, first = last - num + 1;
            e.trailing = num;
            snprintf(e.text, sizeof e.text, "%04d-%02d/%04d-%02d", (first / 12) % 10000,
                     first % 12 + 1, (last / 12) % 10000, last % 12 + 1);
            e.b = q2 + mk;
        } else if (cy && (p == 0 || !ex_isalpha((unsigned char)s[p - 1])) &&
                   ((k = extract_word(s, n, p, "second")) || (k = extract_word(s, n, p, "third")) ||
                    (k = extract_word(s, n, p, "fourth")) ||
                    (k = extract_word(s, n, p, "final"))) &&
                   extract_word(s, n, extract_skip_sp(s, n, p + k, 1), "quarter")) {
            /* "In the third quarter, exports decreased by 2 percent": of
             * the context year when no year follows ("of 2023" is read
             * there) */
            size_t q = extract_skip_sp(s, n, p + k, 1);
            size_t after = extract_skip_sp(s, n, q + 7, 1);
            if (extract_word(s, n, after, "of") || extract_year_at(s, n, after, &y) ||
                extract_word(s, n, after, "this year") || extract_word(s, n, after, "last year"))
                continue;
            int qn = s[p] == 's' || s[p] == 'S' ? 2 : s[p] == 't' || s[p] == 'T' ? 3 : 4;
            int same;
            e.base = ex_base_before(s, n, p, &same);
            e.same = same;
            e.b = q + 7;
            snprintf(e.text, sizeof e.text, "%04d-Q%d", cy, qn);
        } else if ((k = extract_word(s, n, p, "first")) != 0 && cy) {
            /* "during the first 10 months", "in the first quarter", "the
             * first half": of the context year when no year follows;
             * "First-quarter exports" too */
            size_t q = p + k < n && s[p + k] == '-' ? p + k + 1 : extract_skip_sp(s, n, p + k, 1);
            size_t kk = 0;
            int num = ex_small_word(s, n, q, &kk);
            if (!num && q < n && ex_isdigit((unsigned char)s[q])) {
                size_t d = q;
                while (d < n && ex_isdigit((unsigned char)s[d]))
                    d++;
                num = ex_small_word(s, n, q, &kk);
                kk = d - q;
            }
            size_t q2 = num ? extract_skip_sp(s, n, q + kk, 1) : q;
            size_t mk;
            int what = 0; /* 1 months, 2 quarter, 3 half */
            if (num >= 2 && num <= 11 && (mk = extract_word(s, n, q2, "months")))
                what = 1;
            else if (!num && (mk = extract_word(s, n, q2, "quarter")))
                what = 2;
            else if (!num && (mk = extract_word(s, n, q2, "half")))
                what = 3;
            else if (num >= 2 && num <= 3 && (mk = extract_word(s, n, q2, "quarters")))
                what = 4; /* "the first three quarters" */
            if (!what)
                continue;
            size_t after = extract_skip_sp(s, n, q2 + mk, 1);
            /* with no date, "the first six months of this year" is of the
             * year the text is of */
            size_t ofk = extract_word(s, n, after, "of"), tyk = 0;
            size_t ty0 = ofk ? extract_skip_sp(s, n, after + ofk, 1) : after;
            if (ofk && !doc_year)
                tyk = extract_word(s, n, ty0, "this year");
            if (!tyk && (ofk || extract_year_at(s, n, after, &y)))
                continue; /* "of 2023", "of this year": read there */
            e.b = tyk ? ty0 + tyk : q2 + mk;
            size_t ty;
            if (doc_year && ((ty = extract_word(s, n, after, "this year")) ||
                             (ty = extract_word(s, n, after, "last year")))) {
                /* "in the first five months this year", "the first quarter
                 * last year": of the document's year, or the one before */
                int ago = extract_word(s, n, after, "last year") != 0;
                cy = doc_year - ago;
                e.b = after + ty;
                if (ago) {
                    int same;
                    e.base = ex_base_before(s, n, p, &same);
                    e.same = same;
                    e.ago = 1;
                }
            }
            if (what == 1)
                ex_months_text(e.text, sizeof e.text, cy, num);
            else if (what == 4)
                ex_months_text(e.text, sizeof e.text, cy, num * 3);
            else if (what == 2)
                snprintf(e.text, sizeof e.text, "%04d-Q1", cy);
            else
                snprintf(e.text, sizeof e.text, "%04d-01/%04d-06", cy, cy);
        } else if (p + 3 <= n && ex_isdigit((unsigned char)s[p]) && cy &&
                   ((s[p + 1] == 'M' && (p + 2 == n || !ex_isalnum_byte(s[p + 2]))) ||
                    (p + 4 <= n && ex_isdigit((unsigned char)s[p + 1]) && s[p + 2] == 'M' &&
                     (p + 3 == n || !ex_isalnum_byte(s[p + 3]))))) {
            /* "rises 22% - to 21.1 mln tonnes in 9M": the first nine months */
            int months = s[p + 1] == 'M' ? s[p] - '0' : (s[p] - '0') * 10 + (s[p + 1] - '0');
            if (months < 2 || months > 11)
                continue;
            e.b = p + (s[p + 1] == 'M' ? 2 : 3);
            ex_months_text(e.text, sizeof e.text, cy, months);
        } else if (p + 6 <= n && ex_isdigit((unsigned char)s[p]) &&
                   (s[p + 1] == 'M' || (ex_isdigit((unsigned char)s[p + 1]) && s[p + 2] == 'M'))) {
            /* "10M2022": the first ten months of 2022 */
            size_t q = p;
            int months = 0;
            while (q < n && ex_isdigit((unsigned char)s[q]) && q - p < 2)
                months = months * 10 + (s[q++] - '0');
            if (q >= n || s[q] != 'M' || !extract_year_at(s, n, q + 1, &y) || months < 1 ||
                months > 12)
                continue;
            e.b = q + 5;
            ex_months_text(e.text, sizeof e.text, y, months);
        } else if ((s[p] == 'Q' || s[p] == 'H') && p + 2 <= n && s[p + 1] >= '1' &&
                   s[p + 1] <= '4' && (p + 2 == n || !ex_isalnum_byte(s[p + 2])) && cy) {
            int q = s[p + 1] - '0';
            if (s[p] == 'H' && q > 2)
                continue;
            size_t q2 = extract_skip_sp(s, n, p + 2, 0);
            int yy;
            if (extract_year_at(s, n, q2, &yy))
                continue; /* "Q1 2023": read with the year */
            e.b = p + 2;
            if (s[p] == 'Q')
                snprintf(e.text, sizeof e.text, "%04d-Q%d", cy, q);
            else
                snprintf(e.text, sizeof e.text, "%04d-%02d/%04d-%02d", cy, q == 1 ? 1 : 7, cy,
                         q == 1 ? 6 : 12);
        } else {
            /* "January-August", "from January to July", "between January and June" */
            size_t ml;
            int m1 = extract_is_month(s, n, p, &ml);
            if (!m1 || !cy)
                continue;
            {
                /* "in July last year", "from April last year to March this
                 * year": months of the years before and of the document's */
                size_t q0 = extract_skip_sp(s, n, p + ml, 1), k1 = 0;
                int y1 = 0;
                if ((k1 = extract_word(s, n, q0, "of")) != 0)
                    q0 = extract_skip_sp(s, n, q0 + k1, 1);
                if (doc_year && (k1 = extract_word(s, n, q0, "last year")))
                    y1 = doc_year - 1;
                else if (doc_year && (k1 = extract_word(s, n, q0, "this year")))
                    y1 = doc_year;
                if (ex_prev_is(s, n, p, "to", NULL) || ex_prev_is(s, n, p, "through", NULL) ||
                    ex_prev_is(s, n, p, "until", NULL))
                    y1 = 0; /* "in the months up to May this year": read at "this year" */
                if (y1) {
                    size_t e1 = q0 + k1, sp = extract_skip_sp(s, n, e1, 1), kk, l2 = 0;
                    int m2b = 0, y2 = 0;
                    if ((kk = extract_word(s, n, sp, "to")) ||
                        (kk = extract_word(s, n, sp, "through")) ||
                        (kk = extract_word(s, n, sp, "until"))) {
                        size_t q2b = extract_skip_sp(s, n, sp + kk, 1);
                        m2b = extract_is_month(s, n, q2b, &l2);
                        if (m2b) {
                            size_t q3 = extract_skip_sp(s, n, q2b + l2, 1), k3;
                            if ((k3 = extract_word(s, n, q3, "this year")))
                                y2 = doc_year, e1 = q3 + k3;
                            else if ((k3 = extract_word(s, n, q3, "last year")))
                                y2 = doc_year - 1, e1 = q3 + k3;
                            else
                                y2 = m2b > m1 ? y1 : y1 + 1, e1 = q2b + l2;
                        }
                    }
                    if (m2b && y2 * 12 + m2b > y1 * 12 + m1) {
                        snprintf(e.text, sizeof e.text, "%04d-%02d/%04d-%02d", y1 % 10000, m1,
                                 y2 % 10000, m2b);
                    } else {
                        snprintf(e.text, sizeof e.text, "%04d-%02d", y1 % 10000, m1);
                        e1 = q0 + k1;
                        int same;
                        e.base =
                            ex_base_before(s, n, p, &same) || ex_prev_is(s, n, p, "since", NULL);
                    }
                    e.b = e1;
                    goto found;
                }
            }
            size_t q = p + ml;
            size_t l2 = 0;
            int m2 = 0;
            size_t q2;
            if (q < n && (s[q] == '-' || (q + 3 <= n && (unsigned char)s[q] == 0xE2 &&
                                          (unsigned char)s[q + 1] == 0x80))) {
                q2 = q + (s[q] == '-' ? 1 : 3);
                q2 = extract_skip_sp(s, n, q2, 0);
                m2 = extract_is_month(s, n, q2, &l2);
            } else {
                size_t sp = extract_skip_sp(s, n, q, 1);
                size_t kk;
                if ((kk = extract_word(s, n, sp, "to")) ||
                    (kk = extract_word(s, n, sp, "through")) ||
                    (kk = extract_word(s, n, sp, "and")) || (kk = extract_word(s, n, sp, "till")) ||
                    (kk = extract_word(s, n, sp, "until"))) {
                    q2 = extract_skip_sp(s, n, sp + kk, 1);
                    m2 = extract_is_month(s, n, q2, &l2);
                } else {
                    m2 = 0; /* a single month */
                }
            }
            if (!m2 && m1 && doc_year && clock->month) {
                /* "jumped last December", "compared to last November": the
                 * latest such month before the document's month */
                size_t l0, after = extract_skip_sp(s, n, q, 0);
                int yy;
                size_t t0, u0, mw, c0;
                int first = 0, cnt = 0;
                if (!extract_year_at(s, n, after, &yy) &&
                    !(after < n && ex_isdigit((unsigned char)s[after])) &&
                    (ex_prev_is(s, n, p, "to", &t0) || ex_prev_is(s, n, p, "ending", &t0))) {
                    /* "in the five months leading to May", "the three months
                     * to June": those months up to the latest such month */
                    u0 = t0;
                    if (ex_prev_is(s, n, t0, "leading", &c0) || ex_prev_is(s, n, t0, "up", &c0))
                        u0 = c0;
                    if ((ex_prev_is(s, n, u0, "months", &mw)) &&
                        (cnt = ex_months_count(s, n, mw, &c0, &first)) > 1) {
                        int my = m1 <= clock->month ? doc_year : doc_year - 1;
                        int last = my * 12 + m1 - 1, beg = last - cnt + 1;
                        e.a = c0;
                        e.b = q;
                        snprintf(e.text, sizeof e.text, "%04d-%02d/%04d-%02d", (beg / 12) % 10000,
                                 beg % 12 + 1, (last / 12) % 10000, last % 12 + 1);
                        goto found;
                    }
                }
                if (ex_prev_is(s, n, p, "last", &l0) && !extract_year_at(s, n, after, &yy) &&
                    !(after < n && ex_isdigit((unsigned char)s[after]))) {
                    int same;
                    e.a = l0;
                    e.b = q;
                    snprintf(e.text, sizeof e.text, "%04d-%02d",
                             (m1 < clock->month ? doc_year : doc_year - 1) % 10000, m1);
                    e.base = ex_base_before(s, n, l0, &same); /* "compared to last November" */
                    goto found;
                }
            }
            if (!m2 && m1) {
                /* "in March", "for September": a month of the context year */
                size_t w0;
                int prep = ex_prev_is(s, n, p, "in", &w0) || ex_prev_is(s, n, p, "for", &w0) ||
                           ex_prev_is(s, n, p, "during", &w0) || ex_prev_is(s, n, p, "since", &w0);
                /* "as of November", "as of end-December", "as at the end of
                 * June": a stock at that month; at the end of a year, of
                 * the year */
                size_t eb = ex_end_before(s, n, a, p);
                int as_of = !prep && ex_as_of_before(s, n, a, eb != (size_t)-1 ? eb : p, &w0);
                size_t after = extract_skip_sp(s, n, q, 0);
                int yy;
                if (!(prep || as_of) || extract_year_at(s, n, after, &yy) ||
                    (after < n && ex_isdigit((unsigned char)s[after])) ||
                    ex_prev_is(s, n, p, "since", NULL))
                    continue;
                e.b = q;
                e.a = w0;
                if (as_of) {
                    /* the latest such month not after the document's date;
                     * with no date, of the latest year written (the text's
                     * newest figures), not of the figure before */
                    int my = doc_year ? doc_year : clock->text_year ? clock->text_year : cy;
                    if (clock->month && doc_year && m1 > clock->month)
                        my = doc_year - 1;
                    e.as_of = 1;
                    if (m1 == 12 && eb != (size_t)-1)
                        snprintf(e.text, sizeof e.text, "%04d", my % 10000);
                    else
                        snprintf(e.text, sizeof e.text, "%04d-%02d", my % 10000, m1);
                    goto found;
                }
                {
                    /* in a dated text, a month of the year before the date
                     * that the figure before named ("The decline started in
                     * July 2015, when ...") is not the year of "in August" in
                     * a release of September 2016: the latest August before
                     * the date */
                    int my = cy;
                    if (clock->month && doc_year && cy < doc_year && m1 <= clock->month)
                        my = doc_year;
                    snprintf(e.text, sizeof e.text, "%04d-%02d", my, m1);
                }
                goto found;
            }
            if (!m2 || m2 == m1)
                continue;
            /* "July-April", "July-Feb": the months of a fiscal year, over
             * the turn of the year; the year is that of the last month */
            int y1 = m2 < m1 ? cy - 1 : cy;
            int y2 = cy;
            if (m2 < m1 && clock->fiscal == m1 && doc_year) {
                /* "July-March" in a text that counts in fiscal years from
                 * July: the fiscal year of the document's date */
                y1 = ex_fiscal_now(clock);
                if (clock->month && (y1 + 1) * 12 + m2 > doc_year * 12 + clock->month)
                    y1--; /* "July-April" in a release of July 2018: ended in April 2018 */
                y2 = y1 + 1;
            }
            size_t end = q2 + l2;
            size_t after = extract_skip_sp(s, n, end, 0);
            int yy;
            size_t ty;
            if (doc_year && ((ty = extract_word(s, n, after, "this year")) ||
                             (ty = extract_word(s, n, after, "of this year")) ||
                             (ty = extract_word(s, n, after, "period this year")) ||
                             (ty = extract_word(s, n, after, "period of this year")))) {
                e.b = after + ty;
                snprintf(e.text, sizeof e.text, "%04d-%02d/%04d-%02d",
                         m2 < m1 ? doc_year - 1 : doc_year, m1, doc_year, m2);
                goto found;
            }
            if (after + 4 <= n && s[after] == 'F' && s[after + 1] == 'Y') {
                /* "July-April FY19", "July-March FY 2019": a fiscal year is
                 * named by the year it ends in */
                size_t d = after + 2 < n && s[after + 2] == ' ' ? after + 3 : after + 2;
                size_t d1 = d;
                while (d1 < n && ex_isdigit((unsigned char)s[d1]))
                    d1++;
                int fy = -1;
                if (d1 - d == 2)
                    fy = 2000 + (s[d] - '0') * 10 + (s[d + 1] - '0');
                else if (d1 - d == 4 && extract_year_at(s, n, d, &yy))
                    fy = yy;
                if (fy > 0 && (d1 == n || !ex_isalpha((unsigned char)s[d1]))) {
                    e.b = d1;
                    snprintf(e.text, sizeof e.text, "%04d-%02d/%04d-%02d", m2 < m1 ? fy - 1 : fy,
                             m1, fy, m2);
                    goto found;
                }
            }
            if (extract_year_at(s, n, after, &yy) ||
                (after < n && s[after] == ',' &&
                 extract_year_at(s, n, extract_skip_sp(s, n, after + 1, 0), &yy)))
                continue; /* read with its year */
            if (after < n && ex_isdigit((unsigned char)s[after]))
                continue; /* a date: "January 24" */
            e.b = end;
            snprintf(e.text, sizeof e.text, "%04d-%02d/%04d-%02d", y1, m1, y2, m2);
        }
    found:
        if (!e.b)
            continue;
        e.paren = extract_paren(s, a, e.a);
        /* keep text order */
        size_t at = nt;
        while (at > 0 && t[at - 1].a > e.a)
            at--;
        memmove(&t[at + 1], &t[at], (nt - at) * sizeof *t);
        t[at] = e;
        nt++;
        p = e.b - 1;
    }
    return nt;
}

/* "the largest since 1997", "for the first time since 2009", "a record
 * since 2010", "the largest for any September month since 2008" before the
 * year at p: a record, not the figure's time. */
static int ex_record_since_word(const char *s, size_t n, size_t p)
{
    size_t w0;
    if (!ex_prev_is(s, n, p, "since", &w0))
        return 0;
    static const char *const rec[] = {"largest", "highest", "lowest",    "biggest", "smallest",
                                      "best",    "worst",   "strongest", "weakest", "record",
                                      "time",    "fastest", "slowest",   NULL};
    for (int it = 0; it < 6; it++) {
        size_t v0;
        size_t ve = extract_prev_word(s, n, w0, &v0);
        if (ve <= v0)
            return 0;
        for (size_t q = ve; q < w0; q++)
            if (s[q] == ',' || s[q] == ';' || s[q] == '.' || s[q] == ':')
                return 0; /* within the clause */
        for (size_t j = 0; rec[j]; j++)
            if (extract_word(s, n, v0, rec[j]) == ve - v0)
                return 1;
        w0 = v0;
    }
    return 0;
}

/* As ex_record_since_word, but the year with its own figure in brackets
 * after it ("the highest since 2008 (€57,585 million)") is that figure's
 * time. */
static int ex_record_since(const char *s, size_t n, size_t p)
{
    size_t pq = extract_skip_sp(s, n, p + 4, 0);
    if (pq + 1 < n && s[pq] == '(' &&
        (ex_isdigit((unsigned char)s[pq + 1]) || s[pq + 1] == '$' ||
         (unsigned char)s[pq + 1] >= 0x80))
        return 0;
    return ex_record_since_word(s, n, p);
}

int extract_text_year(const char *s, size_t n)
{
    int latest = 0;
    for (size_t p = 0; p + 4 <= n; p++) {
        int y, same;
        if (!extract_year_at(s, n, p, &y) || y > 2100)
            continue;
        if (ex_record_since_word(s, n, p))
            continue; /* "the fastest pace since 2010": no year of the text */
        if (ex_base_before(s, n, p, &same) && same)
            y++; /* "compared to the same month of 2014": the text is of 2015 */
        if (y > latest)
            latest = y;
    }
    return latest;
}

/* Is the word [o0, oe) before a date one that makes the date a figure's
 * time: "disbursed on 24 January 2024", "As of April 20, 2021" (a stock at
 * that date), "as at", "by"? Its start in *start. */
static int ex_dated_by(const char *s, size_t n, size_t a, size_t o0, size_t oe, size_t *start)
{
    if (oe <= o0 || o0 < a)
        return 0;
    if (extract_word(s, n, o0, "on") == oe - o0 || extract_word(s, n, o0, "by") == oe - o0) {
        *start = o0;
        return 1;
    }
    size_t a0;
    if ((extract_word(s, n, o0, "of") == oe - o0 || extract_word(s, n, o0, "at") == oe - o0) &&
        ex_prev_is(s, n, o0, "as", &a0) && a0 >= a) {
        *start = a0;
        return 1;
    }
    return 0;
}

/* Time expressions in s[a..b). */
/* Does a publication's name follow at q: "(The June 2019) IMT Bulletin",
 * "(July 2023) Summary of Economic and Financial Data"? Up to three
 * capitalised words, one of them the kind of publication: its date is not
 * a time of the figures. */
static int ex_publication_after(const char *s, size_t n, size_t q)
{
    static const char *const kinds[] = {"Bulletin", "Report",  "Summary",  "Review", "Release",
                                        "Outlook",  "Edition", "Yearbook", NULL};
    q = extract_skip_sp(s, n, q, 0);
    for (int w = 0; w < 3 && q < n && s[q] >= 'A' && s[q] <= 'Z'; w++) {
        for (int j = 0; kinds[j]; j++) {
            size_t k = extract_word(s, n, q, kinds[j]);
            if (k && (q + k == n || !ex_isalpha((unsigned char)s[q + k])))
                return 1;
        }
        while (q < n && (ex_isalpha((unsigned char)s[q]) || s[q] == '-'))
            q++;
        if (q >= n || s[q] != ' ')
            return 0;
        q = extract_skip_sp(s, n, q, 0);
    }
    return 0;
}

/* A year that ends the name of a publication or a plan: "the Economic Survey
 * 2021 shows", "World Investment Report 2023", "Vision 2030": the word before
 * it capitalised, and one of those nouns. Not a figure's time. */
static int ex_title_year(const char *s, size_t n, size_t p)
{
    static const char *const noun[] = {"Survey",  "Report", "Yearbook", "Outlook", "Review",
                                       "Census",  "Vision", "Agenda",   "Expo",    "Strategy",
                                       "Bulletin", NULL};
    size_t w0 = p, we = extract_prev_word(s, n, p, &w0);
    if (we <= w0 || !(s[w0] >= 'A' && s[w0] <= 'Z') || extract_skip_sp_back(s, n, p, 0) != we)
        return 0;
    for (size_t j = 0; noun[j]; j++)
        if (we - w0 == strlen(noun[j]) && !strncmp(s + w0, noun[j], we - w0))
            return 1;
    return 0;
}

/* 1 when the year at p ends a news wire's dateline at the start of its line:
 * "DHAKA, Aug 12, 2020 (BSS) -", "WASHINGTON, January 5, 2021 -": the
 * document's date, not a time of the figures after it. */
static int ex_wire_dateline(const char *s, size_t n, size_t p)
{
    size_t ls = p;
    while (ls > 0 && s[ls - 1] != '\n')
        ls--;
    size_t q = ls;
    while (q < p && s[q] == ' ')
        q++;
    size_t c0 = q;
    while (q < p && ((s[q] >= 'A' && s[q] <= 'Z') || s[q] == ' ' || s[q] == '-'))
        q++;
    if (q - c0 < 3 || q >= p || s[q] != ',')
        return 0; /* the city, in capitals */
    q = extract_skip_sp(s, n, q + 1, 0);
    size_t ml;
    if (!extract_is_month(s, n, q, &ml))
        return 0;
    q += ml;
    if (q < p && s[q] == '.')
        q++;
    q = extract_skip_sp(s, n, q, 0);
    size_t d0 = q;
    while (q < p && ex_isdigit((unsigned char)s[q]))
        q++;
    if (q == d0 || q - d0 > 2 || q >= p || s[q] != ',' || extract_skip_sp(s, n, q + 1, 0) != p)
        return 0;
    q = extract_skip_sp(s, n, p + 4, 0);
    if (q < n && s[q] == '(') {
        while (q < n && s[q] != ')' && s[q] != '\n')
            q++;
        if (q >= n || s[q] != ')')
            return 0;
        q = extract_skip_sp(s, n, q + 1, 0);
    }
    return q < n && (s[q] == '-' || (q + 3 <= n && (unsigned char)s[q] == 0xE2 &&
                                     (unsigned char)s[q + 1] == 0x80 &&
                                     ((unsigned char)s[q + 2] == 0x93 ||
                                      (unsigned char)s[q + 2] == 0x94)));
}

size_t extract_times(const char *s, size_t n, size_t a, size_t b, ex_time *t, size_t max,
                     const ex_clock *clock, int ctx_year)
{
    int fiscal = clock->fiscal > 1 ? clock->fiscal : clock->fiscal_begins;
    size_t nt = 0;
    if (max < 2)
        return 0;
    for (size_t p = a; p < b && nt < max - 1; p++) {
        int y;
        if (p >= 2 && p + 4 <= b && s[p - 1] == 'M' && ex_isdigit((unsigned char)s[p - 2]) &&
            (p + 4 == n || !ex_isdigit((unsigned char)s[p + 4]))) {
            /* "10M2022": the first ten months of 2022, as statistics wires
             * write it */
            size_t d0 = p - 1;
            while (d0 > a && ex_isdigit((unsigned char)s[d0 - 1]) && p - 1 - d0 < 2)
                d0--;
            int months = 0, yy = 0, ok = 1;
            for (size_t k = d0; k < p - 1; k++)
                months = months * 10 + (s[k] - '0');
            for (int k = 0; k < 4; k++)
                ok &= ex_isdigit((unsigned char)s[p + k]), yy = yy * 10 + (s[p + k] - '0');
            if (ok && months >= 1 && months <= 12 && yy >= 1900 && yy <= 2100 &&
                (d0 == 0 || !ex_isalpha((unsigned char)s[d0 - 1]))) {
                ex_time *e = &t[nt];
                memset(e, 0, sizeof *e);
                e->a = d0;
                e->b = p + 4;
                e->paren = extract_paren(s, a, d0);
                if (months == 12)
                    snprintf(e->text, sizeof e->text, "%04d", yy);
                else
                    snprintf(e->text, sizeof e->text, "%04d-01/%04d-%02d", yy, yy, months);
                nt++;
                p += 3;
                continue;
            }
        }
        if (!extract_year_at(s, n, p, &y))
            continue;
        if (ex_record_since(s, n, p)) {
            p += 3; /* "the largest since 1997": a record, not a time of the figure */
            continue;
        }
        if (ex_wire_dateline(s, n, p)) {
            p += 3; /* "DHAKA, Aug 12, 2020 (BSS) -": the document's date */
            continue;
        }
        if (ex_title_year(s, n, p)) {
            p += 3; /* "the Economic Survey 2021 shows": a publication's name */
            continue;
        }
        ex_time *e = &t[nt];
        memset(e, 0, sizeof *e);
        e->a = p;
        e->b = p + 4;
        e->base = 0;
        e->paren = extract_paren(s, a, p);
        {
            size_t w0;
            size_t we = extract_prev_word(s, n, p, &w0);
            if (we > w0 && (extract_word(s, n, w0, "on") == we - w0 ||
                            extract_word(s, n, w0, "than") == we - w0 ||
                            extract_word(s, n, w0, "against") == we - w0 ||
                            extract_word(s, n, w0, "versus") == we - w0 ||
                            extract_word(s, n, w0, "vs") == we - w0 ||
                            extract_word(s, n, w0, "vs.") == we - w0))
                e->base = 1;
            /* "than in 2010", "compared with 2010" before a figure's own year */
            if (we > w0 && extract_word(s, n, w0, "in") == we - w0) {
                size_t v0;
                size_t ve = extract_prev_word(s, n, w0, &v0);
                if (ve > v0 && extract_word(s, n, v0, "than") == ve - v0)
                    e->base = 1;
            }
        }
        {
            int same;
            if (!e->base && ex_base_before(s, n, p, &same)) {
                e->base = 1;
                e->same = same;
            }
        }
        snprintf(e->text, sizeof e->text, "%04d", y);
        /* interval Y1-Y2, Y1/Y2, Y1–Y2 */
        size_t q = p + 4;
        size_t dl = 0;
        if (q < b && (s[q] == '-' || s[q] == '/'))
            dl = 1;
        else if (q + 3 <= b && (unsigned char)s[q] == 0xE2 && (unsigned char)s[q + 1] == 0x80 &&
                 ((unsigned char)s[q + 2] == 0x93 || (unsigned char)s[q + 2] == 0x94))
            dl = 3;
        if (dl) {
            int y2;
            size_t r = q + dl;
            if (extract_year_at(s, n, r, &y2) && y2 > y) {
                snprintf(e->text, sizeof e->text, "%04d/%04d", y, y2);
                e->b = r + 4;
            } else if (r + 2 <= n && ex_isdigit((unsigned char)s[r]) &&
                       ex_isdigit((unsigned char)s[r + 1]) &&
                       (r + 2 == n || !ex_isdigit((unsigned char)s[r + 2]))) {
                int yy = (y / 100) * 100 + (s[r] - '0') * 10 + (s[r + 1] - '0');
                if (yy > y) {
                    snprintf(e->text, sizeof e->text, "%04d/%04d", y, yy);
                    e->b = r + 2;
                }
            }
            /* "2015-16", "fiscal 2011-2012" in a text that counts in fiscal
             * years: the fiscal year from 2015 to 2016 */
            if (fiscal && strlen(e->text) == 9 && atoi(e->text + 5) == y + 1) {
                ex_fiscal_text(e->text, sizeof e->text, y, fiscal, 12);
                ex_fiscal_part(s, n, p, y, fiscal, e);
            }
        } else if (fiscal) {
            /* "fiscal 2019", "fiscal year 2019", "financial year 2019": the
             * fiscal year that ends in 2019 (Japan: that begins in it) */
            size_t w0, v0;
            size_t we = extract_prev_word(s, n, p, &w0);
            int named = we > w0 && (extract_word(s, n, w0, "fiscal") == we - w0 ||
                                    extract_word_cs(s, n, w0, "FY") == we - w0);
            if (!named && we > w0 && extract_word(s, n, w0, "year") == we - w0) {
                size_t ve = extract_prev_word(s, n, w0, &v0);
                named = ve > v0 && (extract_word(s, n, v0, "fiscal") == ve - v0 ||
                                    extract_word(s, n, v0, "financial") == ve - v0);
            }
            if (named) {
                int y0 = y - !clock->fiscal_begins, off, months;
                size_t fw = extract_word(s, n, w0, "year") == we - w0 ? v0 : w0, pa;
                ex_fiscal_text(e->text, sizeof e->text, y0, fiscal, 12);
                if (ex_fiscal_part_before(s, n, fw, &off, &months, &pa)) {
                    /* "the first half of fiscal 2017": its months */
                    int m = fiscal + off, yy = y0 + (m - 1) / 12;
                    ex_fiscal_text(e->text, sizeof e->text, yy, (m - 1) % 12 + 1, months);
                    e->a = pa;
                }
            }
        }
        if (!dl) {
            /* "between 2015 and 2020", "from 2015 to 2020" */
            size_t r = extract_skip_sp(s, n, q, 1);
            size_t k = extract_word(s, n, r, "and");
            if (!k)
                k = extract_word(s, n, r, "to");
            if (k) {
                size_t r2 = extract_skip_sp(s, n, r + k, 1);
                int y2;
                size_t w0;
                size_t we = extract_prev_word(s, n, p, &w0);
                int between = (we > w0 && (extract_word(s, n, w0, "between") == we - w0 ||
                                           (k == 2 && extract_word(s, n, w0, "from") == we - w0)));
                if (between && extract_year_at(s, n, r2, &y2) && y2 > y) {
                    snprintf(e->text, sizeof e->text, "%04d/%04d", y, y2);
                    e->a = w0;
                    e->b = r2 + 4;
                }
            }
        }
        /* "the first ten months of 2012", "first half of", "first quarter of" */
        {
            size_t w0;
            size_t we = extract_prev_word(s, n, p, &w0);
            if (we > w0 && extract_word(s, n, w0, "of") == we - w0) {
                size_t m0;
                size_t me = extract_prev_word(s, n, w0, &m0);
                size_t f0, fe;
                if (me > m0 && (extract_word(s, n, m0, "months") == me - m0 ||
                                extract_word(s, n, m0, "month") == me - m0)) {
                    fe = extract_prev_word(s, n, m0, &f0);
                    size_t kk;
                    int months = 0;
                    size_t num0 = f0;
                    if (fe > f0)
                        months = ex_small_word(s, n, f0, &kk);
                    if (!months && fe > f0 && extract_word(s, n, f0, "first") == fe - f0 &&
                        extract_word(s, n, m0, "month") == me - m0) {
                        /* "in the first month of 2017": its January */
                        snprintf(e->text, sizeof e->text, "%04d-01", y);
                        e->a = f0;
                    }
                    if (!months) {
                        /* digits: "first 10 months" */
                        size_t d = extract_skip_sp_back(s, n, m0, 0);
                        size_t d0 = d;
                        while (d0 > 0 && ex_isdigit((unsigned char)s[d0 - 1]))
                            d0--;
                        if (d0 < d)
                            months = ex_small_word(s, n, d0, &kk), num0 = d0;
                    }
                    size_t g0;
                    size_t ge = extract_prev_word(s, n, num0, &g0);
                    if (months >= 1 && months <= 12 && ge > g0 &&
                        (extract_word(s, n, g0, "first") == ge - g0 ||
                         extract_word(s, n, g0, "initial") == ge - g0 ||
                         extract_word(s, n, g0, "in") == ge - g0 ||
                         extract_word(s, n, g0, "over") == ge - g0 ||
                         extract_word(s, n, g0, "during") == ge - g0)) {
                        /* "in 9 months of 2023": from January too */
                        if (months == 12)
                            snprintf(e->text, sizeof e->text, "%04d", y);
                        else if (months == 1)
                            snprintf(e->text, sizeof e->text, "%04d-01", y);
                        else
                            snprintf(e->text, sizeof e->text, "%04d-01/%04d-%02d", y, y, months);
                        e->a = g0;
                    }
                } else if (me > m0 && extract_word(s, n, m0, "half") == me - m0) {
                    fe = extract_prev_word(s, n, m0, &f0);
                    if (fe > f0 && extract_word(s, n, f0, "first") == fe - f0) {
                        snprintf(e->text, sizeof e->text, "%04d-01/%04d-06", y, y);
                        e->a = f0;
                    } else if (fe > f0 && extract_word(s, n, f0, "second") == fe - f0) {
                        snprintf(e->text, sizeof e->text, "%04d-07/%04d-12", y, y);
                        e->a = f0;
                    }
                } else if (me > m0 && extract_word(s, n, m0, "quarters") == me - m0) {
                    /* "the first three quarters of 2015" */
                    fe = extract_prev_word(s, n, m0, &f0);
                    size_t kk2;
                    int nq = fe > f0 ? ex_small_word(s, n, f0, &kk2) : 0;
                    size_t g0;
                    size_t ge = extract_prev_word(s, n, f0, &g0);
                    if (nq >= 2 && nq <= 3 && ge > g0 &&
                        extract_word(s, n, g0, "first") == ge - g0) {
                        snprintf(e->text, sizeof e->text, "%04d-01/%04d-%02d", y, y, nq * 3);
                        e->a = g0;
                    }
                } else if (me > m0 && (extract_word(s, n, m0, "quarter") == me - m0 ||
                                       extract_word(s, n, m0, "term") == me - m0)) {
                    /* "in the first term of 2021": its first quarter */
                    fe = extract_prev_word(s, n, m0, &f0);
                    static const char *const ord[] = {"first", "second", "third", "fourth"};
                    for (int qn = 0; qn < 4; qn++)
                        if (fe > f0 && extract_word(s, n, f0, ord[qn]) == fe - f0) {
                            snprintf(e->text, sizeof e->text, "%04d-Q%d", y, qn + 1);
                            e->a = f0;
                        }
                    /* "in the final quarter of 2023", "the last quarter of": its fourth */
                    if (fe > f0 && extract_word(s, n, m0, "quarter") == me - m0 &&
                        (extract_word(s, n, f0, "final") == fe - f0 ||
                         extract_word(s, n, f0, "last") == fe - f0)) {
                        snprintf(e->text, sizeof e->text, "%04d-Q4", y);
                        e->a = f0;
                    }
                }
            } else if (we >= w0 + 2 && (s[w0] == 'Q' || s[w0] == 'H') && we - w0 == 2 &&
                       s[w0 + 1] >= '1' && s[w0 + 1] <= '4') {
                if (s[w0] == 'Q')
                    snprintf(e->text, sizeof e->text, "%04d-Q%c", y, s[w0 + 1]);
                else if (s[w0 + 1] == '1')
                    snprintf(e->text, sizeof e->text, "%04d-01/%04d-06", y, y);
                else if (s[w0 + 1] == '2')
                    snprintf(e->text, sizeof e->text, "%04d-07/%04d-12", y, y);
                e->a = w0;
            } else {
                /* "January-October 2012", "January to October 2012", "March 2010" */
                size_t ml;
                size_t sp = extract_skip_sp_back(s, n, p, 0);
                size_t m1s = sp;
                while (m1s > 0 && ex_isalpha((unsigned char)s[m1s - 1]))
                    m1s--;
                int m2 = extract_is_month(s, n, m1s, &ml);
                if (m2 && m1s + ml == sp) {
                    /* a day before the month means a date: not a period */
                    size_t d = extract_skip_sp_back(s, n, m1s, 0);
                    int date = d > 0 && ex_isdigit((unsigned char)s[d - 1]);
                    size_t sep = extract_skip_sp_back(s, n, m1s, 0);
                    int m1 = 0;
                    size_t m0s = 0;
                    if (sep > 0 &&
                        (s[sep - 1] == '-' || (sep >= 3 && (unsigned char)s[sep - 3] == 0xE2))) {
                        size_t x = sep - 1;
                        if (s[x] != '-')
                            x = sep - 3;
                        size_t y0 = extract_skip_sp_back(s, n, x, 0);
                        m0s = y0;
                        while (m0s > 0 && ex_isalpha((unsigned char)s[m0s - 1]))
                            m0s--;
                        size_t l0;
                        m1 = extract_is_month(s, n, m0s, &l0);
                        if (m1 && m0s + l0 != y0)
                            m1 = 0;
                    } else {
                        size_t t0;
                        size_t te = extract_prev_word(s, n, m1s, &t0);
                        if (te > t0 && (extract_word(s, n, t0, "to") == te - t0 ||
                                        extract_word(s, n, t0, "through") == te - t0 ||
                                        extract_word(s, n, t0, "and") == te - t0)) {
                            size_t y0 = extract_skip_sp_back(s, n, t0, 0);
                            m0s = y0;
                            while (m0s > 0 && ex_isalpha((unsigned char)s[m0s - 1]))
                                m0s--;
                            size_t l0;
                            m1 = extract_is_month(s, n, m0s, &l0);
                            if (m1 && m0s + l0 != y0)
                                m1 = 0;
                            /* "July, August and September 2011": the months
                             * listed, one after the other, from the first */
                            while (m1 > 1 && extract_word(s, n, t0, "and") == te - t0) {
                                size_t c = extract_skip_sp_back(s, n, m0s, 0);
                                if (c == 0 || s[c - 1] != ',')
                                    break;
                                size_t z0 = extract_skip_sp_back(s, n, c - 1, 0), zs = z0, lz;
                                while (zs > 0 && ex_isalpha((unsigned char)s[zs - 1]))
                                    zs--;
                                int mz = extract_is_month(s, n, zs, &lz);
                                if (mz != m1 - 1 || zs + lz != z0)
                                    break;
                                m1 = mz;
                                m0s = zs;
                            }
                        }
                    }
                    if (m1 && m1 < m2) {
                        snprintf(e->text, sizeof e->text, "%04d-%02d/%04d-%02d", y, m1, y, m2);
                        e->a = m0s;
                    } else if (!date) {
                        snprintf(e->text, sizeof e->text, "%04d-%02d", y, m2);
                        e->a = m1s;
                        size_t eb = ex_end_before(s, n, a, m1s);
                        if (m2 == 12 && eb != (size_t)-1) {
                            /* "at the end of December 2022", "as of
                             * end-December 2022": a year-end stock, of the year */
                            snprintf(e->text, sizeof e->text, "%04d", y);
                            e->a = eb;
                        }
                        {
                            /* "decreased by 6 per cent to EUR 9.6bn compared with
                             * December 2015": the month compared with ("from
                             * December 2021" is read below) */
                            int same;
                            if (!e->base && !ex_prev_is(s, n, m1s, "from", NULL) &&
                                ex_base_before(s, n, m1s, &same))
                                e->base = 1;
                        }
                        {
                            /* "total exports as of June 2023 was estimated at":
                             * as "as of June" without the year, a stock at the
                             * month or a flow from January to it */
                            size_t as0;
                            if (!e->base && strlen(e->text) == 7 && e->text[4] == '-' &&
                                ex_as_of_before(s, n, a, m1s, &as0)) {
                                e->as_of = 1;
                                e->a = as0;
                            }
                        }
                        {
                            /* "in the three months to January 2013", "the
                             * three months ended June 2023": the months
                             * ending there */
                            size_t t0;
                            size_t te = extract_prev_word(s, n, m1s, &t0);
                            size_t mo0;
                            size_t moe = te > t0 ? extract_prev_word(s, n, t0, &mo0) : 0;
                            if (te > t0 &&
                                (extract_word(s, n, t0, "to") == te - t0 ||
                                 extract_word(s, n, t0, "ending") == te - t0 ||
                                 extract_word(s, n, t0, "ended") == te - t0) &&
                                moe > mo0 && extract_word(s, n, mo0, "months") == moe - mo0) {
                                size_t c0, kk;
                                size_t ce = extract_prev_word(s, n, mo0, &c0);
                                int nm = ce > c0 ? ex_small_word(s, n, c0, &kk) : 0;
                                if (nm >= 2 && nm <= 12) {
                                    int last = y * 12 + m2 - 1, first = last - nm + 1;
                                    snprintf(e->text, sizeof e->text, "%04d-%02d/%04d-%02d",
                                             (first / 12) % 10000, first % 12 + 1,
                                             (last / 12) % 10000, last % 12 + 1);
                                    e->a = c0;
                                }
                            }
                        }
                        {
                            /* "in the March 2018 year", "the year ended
                             * October 2018", "the year to March 2018": the
                             * twelve months ending there (as Stats NZ writes
                             * its annual figures) */
                            size_t t0, y0, k;
                            size_t te = extract_prev_word(s, n, m1s, &t0);
                            size_t after = extract_skip_sp(s, n, e->b, 1);
                            size_t start = 0;
                            if ((k = extract_word(s, n, after, "year")) != 0 &&
                                ex_prev_is(s, n, m1s, "the", &y0)) {
                                start = y0;
                                e->b = after + k;
                            } else if (te > t0 &&
                                       (extract_word(s, n, t0, "ended") == te - t0 ||
                                        extract_word(s, n, t0, "ending") == te - t0 ||
                                        extract_word(s, n, t0, "to") == te - t0) &&
                                       ex_prev_is(s, n, t0, "year", &y0)) {
                                size_t a0;
                                start = ex_prev_is(s, n, y0, "the", &a0) ? a0 : y0;
                            }
                            if (start) {
                                int last = y * 12 + m2 - 1, first = last - 11;
                                snprintf(e->text, sizeof e->text, "%04d-%02d/%04d-%02d",
                                         (first / 12) % 10000, first % 12 + 1, (last / 12) % 10000,
                                         last % 12 + 1);
                                e->a = start;
                                if (ex_prev_is(s, n, start, "since", NULL))
                                    e->base = 1; /* "increased $6.1 billion since the
                                                    October 2008 year" */
                            }
                        }
                        /* "rose 14.4 percent from December 2021 and reached":
                         * the month compared with, unless an interval follows */
                        size_t f0;
                        size_t fe = extract_prev_word(s, n, m1s, &f0);
                        size_t qa = extract_skip_sp(s, n, e->b, 1);
                        if (fe > f0 && extract_word(s, n, f0, "from") == fe - f0 &&
                            !extract_word(s, n, qa, "to") && !extract_word(s, n, qa, "through") &&
                            !extract_word(s, n, qa, "until") && !(qa < n && s[qa] == '-') &&
                            !(qa + 2 < n && (unsigned char)s[qa] == 0xE2 &&
                              (unsigned char)s[qa + 1] == 0x80 &&
                              ((unsigned char)s[qa + 2] == 0x93 ||
                               (unsigned char)s[qa + 2] == 0x94)))
                            e->base = 1;
                    } else {
                        /* a date: 23 September 2025 is no period, but a
                         * figure "disbursed on 24 January 2024" is of its month */
                        size_t d0 = d;
                        while (d0 > a && ex_isdigit((unsigned char)s[d0 - 1]))
                            d0--;
                        size_t o0;
                        size_t oe = extract_prev_word(s, n, d0, &o0);
                        size_t st0;
                        int rm1;
                        if (ex_day_range(s, n, a, d0, &rm1, &st0)) {
                            /* "1 January - 15 May 2024": the months it spans */
                            ex_day_range_text(e->text, sizeof e->text, y, rm1, m2);
                            e->a = st0;
                        } else {
                            if (!ex_dated_by(s, n, a, o0, oe, &st0))
                                continue;
                            /* "as of 31 December 2022": a year-end stock, of the year */
                            int year_end = m2 == 12 && d - d0 == 2 && s[d0] == '3' && s[d0 + 1] == '1';
                            if (year_end)
                                snprintf(e->text, sizeof e->text, "%04d", y);
                            else
                                snprintf(e->text, sizeof e->text, "%04d-%02d", y, m2);
                            e->a = st0;
                        }
                    }
                } else if (sp > 0 && s[sp - 1] == ',') {
                    /* "on January 24, 2024": the month of a dated figure */
                    size_t d1 = extract_skip_sp_back(s, n, sp - 1, 0);
                    if (d1 >= a + 3 && ex_isalpha((unsigned char)s[d1 - 1]) &&
                        ex_isalpha((unsigned char)s[d1 - 2]) && ex_isdigit((unsigned char)s[d1 - 3]))
                        d1 -= 2; /* "May 15th, 2024" */
                    size_t d0 = d1;
                    while (d0 > a && ex_isdigit((unsigned char)s[d0 - 1]))
                        d0--;
                    size_t me0 = extract_skip_sp_back(s, n, d0, 0), ms0 = me0, ml2;
                    while (ms0 > a && ex_isalpha((unsigned char)s[ms0 - 1]))
                        ms0--;
                    int mm = d0 < d1 && d1 - d0 <= 2 ? extract_is_month(s, n, ms0, &ml2) : 0;
                    size_t o0;
                    size_t oe = mm && ms0 + ml2 == me0 ? extract_prev_word(s, n, ms0, &o0) : 0;
                    size_t st0;
                    int rm1;
                    if (mm && ms0 + ml2 == me0 && ex_day_range(s, n, a, ms0, &rm1, &st0)) {
                        /* "January 1 to May 15, 2024": the months it spans */
                        ex_day_range_text(e->text, sizeof e->text, y, rm1, mm);
                        e->a = st0;
                    } else if (mm && ex_dated_by(s, n, a, o0, oe, &st0)) {
                        /* "as of December 31, 2022": a year-end stock, of the year */
                        if (mm == 12 && d1 - d0 == 2 && s[d0] == '3' && s[d0 + 1] == '1')
                            snprintf(e->text, sizeof e->text, "%04d", y);
                        else
                            snprintf(e->text, sizeof e->text, "%04d-%02d", y, mm);
                        e->a = st0;
                    }
                }
            }
        }
        if (!e->base && e->a < p && !ex_prev_is(s, n, e->a, "from", NULL)) {
            /* "as compared with January-September 2017": the base, found at
             * the start of the months, not at the year */
            int same;
            if (ex_base_before(s, n, e->a, &same)) {
                e->base = 1;
                e->same = same;
            }
        }
        /* "2030s" is a decade, not a year */
        if (e->b < n && s[e->b] == 's')
            continue;
        p = e->b - 1;
        if (ex_publication_after(s, n, e->b))
            continue; /* "The June 2019 IMT Bulletin further outlined" */
        nt++;
    }
    nt = ex_times_words(s, n, a, b, t, nt, max, clock, ctx_year);
    /* "between January 2021 and December 2022": one interval */
    for (size_t i = 0; i + 1 < nt; i++) {
        ex_time *x = &t[i], *y = &t[i + 1];
        if (strlen(x->text) != 7 || strlen(y->text) != 7 || x->text[4] != '-' || y->text[4] != '-')
            continue;
        size_t q = extract_skip_sp(s, n, x->b, 1);
        size_t k = extract_word(s, n, q, "and");
        if (!k)
            k = extract_word(s, n, q, "to");
        if (!k || extract_skip_sp(s, n, q + k, 1) != y->a)
            continue;
        size_t w0;
        if (!ex_prev_is(s, n, x->a, "between", &w0) && !ex_prev_is(s, n, x->a, "from", &w0))
            continue;
        if (strcmp(x->text, y->text) >= 0)
            continue;
        char txt[40];
        snprintf(txt, sizeof txt, "%.7s/%.7s", x->text, y->text);
        memcpy(x->text, txt, sizeof txt);
        x->a = w0;
        x->b = y->b;
        memmove(y, y + 1, (nt - i - 2) * sizeof *t);
        nt--;
    }
    return nt;
}
