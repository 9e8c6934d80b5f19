# Luxembourg's exports to Central Asia
# Series over time: Luxembourg → 5 partners: exports
# Written by trade plot (libtrade). Run it in this folder with
#   gnuplot luxembourg-central-asia-exports.gp    (writes NAME.png)
#   gnuplot -e "out_format='svg'" luxembourg-central-asia-exports.gp    (writes NAME.svg; also 'png' or 'pdf')
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
set output 'luxembourg-central-asia-exports' . '.' . out_format

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
# columns: x (middle of the period, decimal years), value (million EUR),
#   solid-line value, dashed-line value (NaN: not on that line), point type,
#   start and end (years) of periods longer than a year, period, qualifier
# Luxembourg → Kazakhstan, exports (EUR)
$s1 << EOD
2010.5 13.8 13.8 NaN 7 NaN NaN "2010" "exact"
2011.5 7 7 NaN 7 NaN NaN "2011" "exact"

2012.416667 3.3 NaN 3.3 5 NaN NaN "2012-01/2012-10" "exact"
EOD
# Luxembourg → Uzbekistan, exports (EUR)
$s2 << EOD
2012.416667 2 NaN 2 5 NaN NaN "2012-01/2012-10" "exact"
EOD
# Luxembourg → Turkmenistan, exports (EUR)
$s3 << EOD
2012.4875 2 NaN 2 5 NaN NaN "2012-01/2012-10" "exact"
EOD
# Luxembourg → Tajikistan, exports (EUR)
$s4 << EOD
2012.416667 0.585 NaN 0.585 5 NaN NaN "2012-01/2012-10" "exact"
EOD
# Luxembourg → Kyrgyzstan, exports (EUR)
$s5 << EOD
2012.4875 0.208 NaN 0.208 5 NaN NaN "2012-01/2012-10" "exact"
EOD

# ---- axes ----
set title 'Luxembourg’s exports to Central Asia, 2010–Oct 2012' offset char 0, char 0.3 font ',13' noenhanced
svg_title = 'Luxembourg’s exports to Central Asia, 2010–Oct 2012'
set label 9999 'Source: eucam-2013-belgium-luxembourg-central-asia, line 89' at graph 0, graph 1 offset char 0, char 1.4 left font ',8' tc rgb '#555555' noenhanced
set ylabel 'million EUR' noenhanced
set xrange [2010:2013]
set xtics ('2010' 2010.5, '2011' 2011.5, '2012' 2012.5) scale 0
set mxtics 1
set x2tics ('' 2010, '' 2011, '' 2012, '' 2013) scale 0
set grid x2tics lc rgb '#eeeeee'
set yrange [0:15.87]
set label 'Jan–Oct 2012' at first 2012.416667, first 3.3 right offset char 1.0, char 1.6 font ',9' tc rgb '#444444' noenhanced

# ---- plot: lines (dashed towards projections and partial periods), period spans, points ----
plot $s1 using 1:3 with lines lw 2.5 lc rgb '#0072B2' notitle, \
     $s1 using 1:4 with lines lw 2 dt 2 lc rgb '#0072B2' notitle, \
     $s1 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#0072B2' notitle, \
     keyentry with linespoints pt 7 ps 1.3 lw 2.5 lc rgb '#0072B2' title 'Kazakhstan', \
     $s2 using 1:4 with lines lw 2 dt 2 lc rgb '#D55E00' notitle, \
     $s2 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#D55E00' notitle, \
     keyentry with points pt 7 ps 1.3 lw 2.5 lc rgb '#D55E00' title 'Uzbekistan', \
     $s3 using 1:4 with lines lw 2 dt 2 lc rgb '#009E73' notitle, \
     $s3 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#009E73' notitle, \
     keyentry with points pt 7 ps 1.3 lw 2.5 lc rgb '#009E73' title 'Turkmenistan', \
     $s4 using 1:4 with lines lw 2 dt 2 lc rgb '#E69F00' notitle, \
     $s4 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#E69F00' notitle, \
     keyentry with points pt 7 ps 1.3 lw 2.5 lc rgb '#E69F00' title 'Tajikistan', \
     $s5 using 1:4 with lines lw 2 dt 2 lc rgb '#CC79A7' notitle, \
     $s5 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#CC79A7' notitle, \
     keyentry with points pt 7 ps 1.3 lw 2.5 lc rgb '#CC79A7' title 'Kyrgyzstan', \
     keyentry with points pt 4 ps 1.3 lc rgb '#555555' title 'square: partial period (months named)'
