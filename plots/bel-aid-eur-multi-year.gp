# Belgium: aid (EUR), totals over several years
# Grouped bars for one period: Belgium → Tajikistan and Kyrgyzstan: aid, 2007–2011
# Written by trade plot (libtrade). Run it in this folder with
#   gnuplot bel-aid-eur-multi-year.gp    (writes NAME.png)
#   gnuplot -e "out_format='svg'" bel-aid-eur-multi-year.gp    (writes NAME.svg; also 'png' or 'pdf')
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
set output 'bel-aid-eur-multi-year' . '.' . out_format

# ---- style: Okabe-Ito colours, light grid, axes on the left and bottom ----
set termoption noenhanced
set border 3 lc rgb '#555555'
set tics nomirror out scale 0.6 textcolor rgb '#333333'
set grid ytics lc rgb '#e0e0e0' lw 1 dt 1
set key below center horizontal Left reverse noenhanced samplen 3.5 spacing 1.2 width 2
set datafile missing 'NaN'
# room above the graph for the title and the source line
set tmargin 5

# ---- data: one block per group; categories 0..1 are named by the x tics ----
# columns: category position, bar centre, value (thousand EUR), value if drawn solid, value if hatched (estimate, projection, derived),
#   value label (NaN for bounds, labelled at their arrow), label text
# aid
$g1 << EOD
0 0 150 150 NaN 150 "150"
1 1 83 83 NaN 83 "83"
EOD

# ---- axes ----
set title 'Belgium: aid (EUR), totals over several years, 2007–2011' offset char 0, char 1.8 font ',13' noenhanced
svg_title = 'Belgium: aid (EUR), totals over several years, 2007–2011'
set label 9999 'Source: eucam-2013-belgium-luxembourg-central-asia, line 97' at graph 0, graph 1 offset char 0, char 1.4 left font ',8' tc rgb '#555555' noenhanced
set ylabel 'thousand EUR' noenhanced
set xrange [-0.6:1.6]
set xtics ('Kyrgyzstan' 0, 'Tajikistan' 1) scale 0
set yrange [0:172.5]
set xzeroaxis lt -1
set boxwidth 0.736 absolute
set style fill solid 0.9 border -1

# ---- plot: bars (hatched when estimated), values on top ----
plot keyentry with boxes fs solid 0.9 border -1 lc rgb '#0072B2' title 'aid', \
     $g1 using 2:4 with boxes lc rgb '#0072B2' notitle, \
     $g1 using 2:6:7 with labels offset char 0,char 0.7 font ',9' tc rgb '#333333' notitle
