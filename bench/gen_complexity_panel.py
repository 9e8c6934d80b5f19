#!/usr/bin/env python3
"""gen_complexity_panel.py - a deterministic product panel for bench/complexity.sh.

usage: gen_complexity_panel.py REPORTERS PRODUCTS OUT.csv [SEED]

Observation CSV as `trade import --level hs6` writes it after summing over
partners: one row per (reporter, product) with partner WLD, flow export,
period 2021, value in USD, product a 6-digit HS code. Reporters are the
first REPORTERS ISO 3166-1 alpha-3 codes in a fixed list order; reporter of
rank r exports a share min(0.98, 1.2 (r + 1)^-0.35) of the products (the
largest exporters nearly all, the smallest about a fifth, about 40 % of the
full rectangle filled, as a BACI HS6 year is), values log-normal scaled by
the reporter's size. Same arguments, same bytes."""
import random
import sys

# 249 ISO 3166-1 alpha-3 codes would do; a fixed list keeps the bytes stable
CODES = """ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN
BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL
CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU
EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ
GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA
JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA
MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS
MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI
PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM
SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR
TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE""".split()


def main():
    nrep, nprod, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 2024
    if nrep > len(CODES):
        sys.exit("at most %d reporters" % len(CODES))
    rnd = random.Random(seed)
    reps = CODES[:nrep]
    order = list(range(nrep))
    rnd.shuffle(order)  # rank of each reporter
    prods = sorted(rnd.sample(range(10000, 999999), nprod))
    with open(out, "w") as f:
        f.write("reporter,partner,flow,period,value,unit,product\n")
        for i, rep in enumerate(reps):
            r = order[i]
            share = min(0.98, 1.2 * (r + 1) ** -0.35)
            size = 1e9 / (r + 1) ** 1.2
            for p in prods:
                if rnd.random() < share:
                    v = size * rnd.lognormvariate(0, 2) / nprod
                    f.write("%s,WLD,export,2021,%.2f,USD,%06d\n" % (rep, v, p))


main()
