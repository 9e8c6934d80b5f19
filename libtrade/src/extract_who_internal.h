/* extract_who_internal.h - reporter, partner and flow of a figure, as its
 * sentence states them (extract_who.c). Not part of the public API. */
#ifndef TRADE_EXTRACT_WHO_INTERNAL_H
#define TRADE_EXTRACT_WHO_INTERNAL_H

#include "extract_context_internal.h"

/* What a figure's sentence says about who and which flow. Codes are ""
 * when the sentence does not say. */
typedef struct ex_who {
    char flow[24];     /* from the nearest flow word before the figure */
    int have_flow;     /* 1 if a flow word was found */
    int negative;      /* a deficit or a negative balance */
    int total;         /* "total", "foreign", "external" before the flow word */
    int pair;          /* "between X and Y", "X-Y trade": both sides given */
    char reporter[8];  /* stated with the flow word */
    char partner[8];   /* stated with the flow word ("to Y", "with Y") */
    char list[8];      /* the country right before the figure in a list */
    char possessive[8];/* the first "X's" of the sentence */
    char subject[8];   /* the subject of a flow verb ("X exported") */
    char clause[8];    /* the last other country of the figure's clause */
    char near[8];      /* the last other country before the clause */
    char first[8];     /* the first country of the sentence that is not a possessive */
    const char *source;/* the data source's country ("according to Chinese customs") */
} ex_who;

/* The document: its date and the sides its title or first paragraph names. */
typedef struct ex_doc {
    int year, month;           /* the document's date (0: unknown) */
    unsigned long date_line;   /* 0: from the options */
    char reporter[8], partner[8];
    unsigned long line;        /* where they were read */
} ex_doc;

/* Fill the reporter, partner and flow of r from its sentence (*w), the
 * figure before (prev, NULL if none or too far) and the document; append
 * to note (size cap) where a field came from. */
void extract_who_resolve(const ex_who *w, const trade_figure *prev, const ex_doc *doc,
                         int inherit, trade_figure *f, char *note, size_t cap);

/* Read the sentence s[sa..sb) around figure r into *w. */
void extract_who(const char *s, size_t n, size_t sa, size_t sb, ex_raw *r, ex_who *w);

#endif
