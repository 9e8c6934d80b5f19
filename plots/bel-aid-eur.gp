# Belgium: aid (EUR)
# Series over time: Belgium → Turkmenistan and Kyrgyzstan: aid
# Written by trade plot (libtrade). Run it in this folder with
#   gnuplot bel-aid-eur.gp    (writes NAME.png)
#   gnuplot -e "out_format='svg'" bel-aid-eur.gp    (writes NAME.svg; also 'png' or 'pdf')
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
set output 'bel-aid-eur' . '.' . out_format

# ---- style: Okabe-Ito colours, light grid, axes on the left and bottom ----
set termoption noenhanced
set border 3 lc rgb '#555555'
set tics nomirror out scale 0.6 textcolor rgb '#333333'
set grid ytics lc rgb '#e0e0e0' lw 1 dt 1
set key below center horizontal Left reverse noenhanced samplen 3.5 spacing 1.2 width 2
set datafile missing 'NaN'
# room above the graph for the title and the source line
set tmargin 5

# ---- data: one block per series ----
# columns: x (middle of the period, decimal years), value (thousand EUR),
#   solid-line value, dashed-line value (NaN: not on that line), point type,
#   start and end (years) of periods longer than a year, period, qualifier
# Belgium → Kyrgyzstan, aid (EUR)
$s1 << EOD
2010.5 713.8 713.8 NaN 7 NaN NaN "2010" "exact"
EOD
# Belgium → Turkmenistan, aid (EUR)
$s2 << EOD
2008.5 98.1 98.1 NaN 7 NaN NaN "2008" "exact"
EOD
# Belgium → Kyrgyzstan, aid (humanitarian) (EUR)
$s3 << EOD
2010.5 600 600 NaN 7 NaN NaN "2010" "exact"
EOD
# Belgium → Kyrgyzstan, aid (technical assistance) (EUR)
$s4 << EOD
2010.5 113 113 NaN 7 NaN NaN "2010" "exact"
EOD

# ---- axes ----
set title 'Belgium: aid (EUR), 2008–2010' offset char 0, char 0.3 font ',13' noenhanced
svg_title = 'Belgium: aid (EUR), 2008–2010'
set label 9999 'Source: eucam-2013-belgium-luxembourg-central-asia, line 103' at graph 0, graph 1 offset char 0, char 1.4 left font ',8' tc rgb '#555555' noenhanced
set ylabel 'thousand EUR' noenhanced
set xrange [2008:2011]
set xtics ('2008' 2008.5, '2009' 2009.5, '2010' 2010.5) scale 0
set mxtics 1
set x2tics ('' 2008, '' 2009, '' 2010, '' 2011) scale 0
set grid x2tics lc rgb '#eeeeee'
set yrange [0:820.87]

# ---- plot: lines (dashed towards projections and partial periods), period spans, points ----
plot $s1 using 1:3 with lines lw 2.5 lc rgb '#0072B2' notitle, \
     $s1 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#0072B2' notitle, \
     keyentry with points pt 7 ps 1.3 lw 2.5 lc rgb '#0072B2' title 'Kyrgyzstan (total)', \
     $s2 using 1:3 with lines lw 2.5 lc rgb '#D55E00' notitle, \
     $s2 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#D55E00' notitle, \
     keyentry with points pt 7 ps 1.3 lw 2.5 lc rgb '#D55E00' title 'Turkmenistan', \
     $s3 using 1:3 with lines lw 2.5 lc rgb '#009E73' notitle, \
     $s3 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#009E73' notitle, \
     keyentry with points pt 7 ps 1.3 lw 2.5 lc rgb '#009E73' title 'Kyrgyzstan (humanitarian)', \
     $s4 using 1:3 with lines lw 2.5 lc rgb '#E69F00' notitle, \
     $s4 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#E69F00' notitle, \
     keyentry with points pt 7 ps 1.3 lw 2.5 lc rgb '#E69F00' title 'Kyrgyzstan (technical assistance)'
