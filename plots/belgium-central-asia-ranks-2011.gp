# Rank of the Central Asian states among Belgium's partners, 2011
# Ranks for one period: Belgium → 5 partners: imports and exports, 2011
# Written by trade plot (libtrade). Run it in this folder with
#   gnuplot belgium-central-asia-ranks-2011.gp    (writes NAME.png)
#   gnuplot -e "out_format='svg'" belgium-central-asia-ranks-2011.gp    (writes NAME.svg; also 'png' or 'pdf')
# where NAME is this file's name without .gp. Names from the data are
# single-quoted strings (nothing is substituted in them) and enhanced text
# is off, so they show as written.

# ---- terminal and output ----
set encoding utf8
if (!exists('out_format')) out_format = 'png'
# PNG at three times the size with fonts, lines and points scaled to match
# (2400 x 1500 pixels: 8 x 5 inches at 300 dpi)
if (out_format eq 'svg') {
    set terminal svg size 800,500 font 'Sans,10' fontscale 1.3 noenhanced background rgb 'white'
} else {
    if (out_format eq 'pdf') {
        set terminal pdfcairo size 8 in,5 in font 'Sans,10' noenhanced
    } else {
        if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
            set terminal pngcairo size 2400,1500 font 'Sans,10' fontscale 3 linewidth 3 pointscale 3 noenhanced
        } else {
            set terminal png size 800,500 noenhanced
        }
    }
}
set output 'belgium-central-asia-ranks-2011' . '.' . out_format

# ---- style: Okabe-Ito colours, light grid, axes on the left and bottom ----
set termoption noenhanced
set border 3 lc rgb '#555555'
set tics nomirror out scale 0.6 textcolor rgb '#333333'
set grid ytics lc rgb '#e0e0e0' lw 1 dt 1
set key below center horizontal Left reverse noenhanced samplen 3.5 spacing 1.2 width 2
set datafile missing 'NaN'
# room above the graph for the title and the source line
set tmargin 5

# ---- data: one block per group; categories 0..4 are named by the x tics ----
# columns: category position, bar centre, value, value if drawn solid, value if hatched (estimate, projection, derived),
#   value label (NaN for bounds, labelled at their arrow), label text
# exports
$g1 << EOD
0 -0.2 81 81 NaN 81 "81"
1 0.8 120 120 NaN 120 "120"
2 1.8 132 132 NaN 132 "132"
3 2.8 148 148 NaN 148 "148"
4 3.8 187 187 NaN 187 "187"
EOD
# imports
$g2 << EOD
0 0.2 111 111 NaN 111 "111"
1 1.2 133 133 NaN 133 "133"
2 2.2 150 150 NaN 150 "150"
3 3.2 151 151 NaN 151 "151"
4 4.2 148 148 NaN 148 "148"
EOD

# ---- axes ----
set title 'Rank of the Central Asian states among Belgium’s partners, 2011' offset char 0, char 1.8 font ',11' noenhanced
svg_title = 'Rank of the Central Asian states among Belgium’s partners, 2011'
set label 9999 'Source: eucam-2013-belgium-luxembourg-central-asia, Table 1, lines 62–66' at graph 0, graph 1 offset char 0, char 1.4 left font ',8' tc rgb '#555555' noenhanced
set ylabel 'rank (1 = first)' noenhanced
set xrange [-0.6:4.6]
set xtics ('Kazakhstan' 0, 'Uzbekistan' 1, 'Turkmenistan' 2, 'Kyrgyzstan' 3, 'Tajikistan' 4) scale 0
# rank 1 on top: the y axis runs downwards
set yrange [217:0]
set ytics 50, 50
set ytics add ('1' 1)
set boxwidth 0.368 absolute
set style fill solid 0.9 border -1

# ---- plot: bars (hatched when estimated), values on top ----
plot $g1 using 2:3 with points pt 7 ps 2 lc rgb '#0072B2' title 'exports', \
     $g1 using 2:6:7 with labels offset char 0,char 1.3 font ',9' tc rgb '#333333' notitle, \
     $g2 using 2:3 with points pt 7 ps 2 lc rgb '#D55E00' title 'imports', \
     $g2 using 2:6:7 with labels offset char 0,char 1.3 font ',9' tc rgb '#333333' notitle
