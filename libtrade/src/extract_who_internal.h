/* extract_who_internal.h - reporter, partner and flow of a figure, as its
 * sentence states them (extract_who.c). Not part of the public API. */
#ifndef TRADE_EXTRACT_WHO_INTERNAL_H
#define TRADE_EXTRACT_WHO_INTERNAL_H

#include "extract_context_internal.h"

/* What a figure's sentence says about who and which flow. Codes are ""
 * when the sentence does not say. */
typedef struct ex_who {
    char flow[24];      /* from the nearest flow word before the figure */
    int have_flow;      /* 1 if a flow word was found */
    int negative;       /* a deficit or a negative balance */
    int total;          /* "total", "foreign", "external" before the flow word */
    int goods;          /* "goods" right before the flow word ("Goods exports") */
    int pair;           /* "between X and Y", "X-Y trade": both sides given */
    int doc_pair;       /* "between the two countries", "two-way trade": the document's two */
    char between_a[8], between_b[8]; /* "between X and Y" anywhere in the sentence */
    char reporter[8];   /* stated with the flow word */
    int rep_adj;        /* that reporter is an adjective ("Thai exports"), not a name */
    int adj_import;     /* ... before "imports" */
    int rep_named;      /* that reporter is named right before the flow word */
    int own_total;      /* ... with no partner phrase after it and no pair in the
                           sentence: "Sri Lanka's exports grew 21%" */
    int market;         /* "export market for X": X is the reporter, the subject the partner */
    char partner[8];    /* stated with the flow word ("to Y", "with Y") */
    char list[8];       /* the country right before the figure in a list */
    char possessive[8]; /* the first "X's" of the sentence */
    int poss_after;     /* that possessive is past the figure's clause (an aside) */
    int share_poss;     /* that possessive owns a share: "Russia's share" (a partner) */
    char subject[8];    /* the subject of a flow verb ("X exported") */
    char cand[8][8];    /* the countries before the figure (not possessives), in order */
    int cand_clause[8]; /* 1: in the figure's clause */
    int ncand;
    char host[8];       /* the subject of "attracted", "received" (investment's partner) */
    int from_world;     /* "from 116 countries and territories": investors of every country */
    char after_in[8];   /* "in Y" after the figure, in its clause */
    char in_later[8];   /* "in Y" later in the sentence ("... of total FDI in Vietnam") */
    char first[8];      /* the first country of the sentence that is not a possessive */
    const char *source; /* the data source's country ("according to Chinese customs") */
    char in_open[8];    /* "In Tajikistan, ...": the country the sentence opens with */
    char gov[8];        /* after it, "the Belgian government" as the subject */
    int pronoun;        /* after it, "it" as the subject: the country of a sentence before */
    int self_ref;       /* "the Kingdom's", "the country's": the document's own country;
                           2 before a role ("the country's biggest export market") */
    char member[8];     /* "Germany (18.8 bn euro) was the largest exporter to Russia,
                           followed by Italy (5.6 bn)": the country before the figure's
                           parenthesis is the reporter */
    char member_flow[24];
    char member2[8]; /* "Denmark and Austria (both +0.4 bn)": the other reporter */
    char aid_from[8]; /* "from various U.S. departments": who gives */
    char aid_to[8];   /* "to support Kenya's ...", "has granted Kenya": who receives */
    char followed[8]; /* "It was followed by Japan with exports valued at": the next
                         partner of a ranking, before the figure */
    char ranked_by[8];      /* "Major importers of Serbian goods were Italy ($348.2
                               million)": the country whose partners are ranked */
    char ranked_partner[8]; /* ... Italy, the partner named before the figure */
    char ranked_flow[8];    /* ... the ranked country's flow: export ("importers
                               of", "buyers of"), import ("exporters to") */
    char role_subj[8];  /* "China was the second-largest exporter to Türkiye": China */
    char role_other[8]; /* ... Türkiye */
    char role_flow[8];  /* the subject's flow to the other: export, or import ("buyer of") */
    int group;          /* the partner is a group with no code: 1 "third countries",
                           "non-EU countries"; 2 two partners, "Russia and Central Asia" */
    char inv_from[8];   /* "investments have come from UAE": the investor */
    int para_start;     /* the sentence opens its paragraph (set by the caller) */
    int after_partners; /* the first sentence of a paragraph after one that went
                           through several partners, with its own flow and no
                           partner: the reporter's total (set by the caller) */
    char cargo[8];    /* "exports" or "imports" read as freight ("rail exports", a
                         carrier's exports): the part of the goods carried */
} ex_who;

/* The document: its date and the sides its title or first paragraph names. */
typedef struct ex_doc {
    int year, month;         /* the document's date (0: unknown) */
    int text_year;           /* with no date: the latest year written in the text */
    int fiscal;              /* the first month of the fiscal year it counts in (0: none) */
    unsigned long date_line; /* 0: from the options */
    size_t date_field_end;   /* a "date 2024-05-24 President ..." line: the end of its date
                                (the rest of the line is text); 0: the whole line is the date */
    char reporter[8], partner[8];
    unsigned long line; /* where they were read */
    int by_currency;    /* the reporter is the land of the text's one currency */
    int by_later;       /* the reporter is the country the text names as its own on line */
} ex_doc;

/* Fill the reporter, partner and flow of f from its sentence (*w), the
 * sentence before in the same paragraph when it is nearer than the figure
 * before (before, on line before_line; NULL if none), the figure before
 * (prev, NULL if none or too far) and the document; with inherit, f takes
 * prev's sides (a growth rate right after its level). Appends to note
 * (size cap) where a field came from. */
void extract_who_resolve(const ex_who *w, const ex_who *before, unsigned long before_line,
                         const trade_figure *prev, const ex_doc *doc, int inherit, trade_figure *f,
                         char *note, size_t cap);

/* 1 when w's export or import, in tonnes or as a growth rate, follows a
 * freight figure (the sentence before in its paragraph, else a figure before
 * on its line): a carrier's exports are goods carried, and w's flow becomes
 * freight. */
int extract_who_carried_freight(ex_who *w, const ex_who *before, const trade_figure *prev,
                                unsigned long line, const char *unit);

/* The part of the goods carried that w's export or import word named, in
 * f's product ("exports", "via Dostyk, exports"), when f is freight. */
void extract_who_cargo_product(const ex_who *w, trade_figure *f);

/* A combining form before a hyphen ("Sino-", "Belgo-" in "Belgo-Russian"):
 * the country's code, its length (without the hyphen) in *len; else NULL. */
const char *extract_combining_at(const char *s, size_t n, size_t p, size_t *len);

/* A capital at p that opens a news dateline ("Ulaanbaatar /MONTSAME/",
 * "ASTANA. KAZINFORM -", "Baku, June 4"): its country's code, the name's
 * length in *len; else NULL. */
const char *extract_dateline_capital(const char *s, size_t n, size_t p, size_t *len);

/* The flow named by the word at s[i..) ("exports", "trading partner",
 * "source of imports" at "imports"), its length in *k; NULL if none. */
const char *extract_flow_word_at(const char *s, size_t n, size_t i, size_t *k);

/* Read the sentence s[sa..sb) around figure r into *w. */
void extract_who(const char *s, size_t n, size_t sa, size_t sb, ex_raw *r, ex_who *w);

#endif
