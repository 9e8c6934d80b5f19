# Belgium: assistance (EUR)
# Series over time: Belgium → Tajikistan, Kyrgyzstan and Turkmenistan: aid
# Written by trade plot (libtrade). Run it in this folder with
#   gnuplot bel-aid-eur.gp    (writes NAME.png)
#   gnuplot -e "out_format='svg'" bel-aid-eur.gp    (writes NAME.svg; also 'png' or 'pdf')
# where NAME is this file's name without .gp. Names from the data are
# single-quoted strings (nothing is substituted in them) and enhanced text
# is off, so they show as written.

# ---- terminal and output ----
set encoding utf8
if (!exists('out_format')) out_format = 'png'
if (out_format eq 'svg') {
    set terminal svg size 800,500 font 'Sans,10' fontscale 1.3 noenhanced background rgb 'white'
} else {
    if (out_format eq 'pdf') {
        set terminal pdfcairo size 8 in,5 in font 'Sans,10' noenhanced
    } else {
        if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
            set terminal pngcairo size 800,500 font 'Sans,10' noenhanced
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

# ---- data: one block per series ----
# columns: x (middle of the period, decimal years), value (thousand EUR),
#   solid-line value, dashed-line value (NaN: not on that line), point type,
#   start and end (years) of periods longer than a year, period, qualifier
# Belgium → Tajikistan, aid (EUR)
$s1 << EOD
2009.5 83 NaN NaN 13 2007 2012 "2007/2011" "exact"
EOD
# Belgium → Kyrgyzstan, aid (EUR)
$s2 << EOD
2009.5 150 NaN NaN 13 2007 2012 "2007/2011" "exact"
2010.5 713.8 713.8 NaN 7 NaN NaN "2010" "exact"
EOD
# Belgium → Turkmenistan, aid (EUR)
$s3 << EOD
2008.5 98.1 98.1 NaN 7 NaN NaN "2008" "exact"
EOD
# Belgium → Kyrgyzstan, aid (humanitarian) (EUR)
$s4 << EOD
2010.5 600 600 NaN 7 NaN NaN "2010" "exact"
EOD
# Belgium → Kyrgyzstan, aid (technical_assistance) (EUR)
$s5 << EOD
2010.5 113 113 NaN 7 NaN NaN "2010" "exact"
EOD

# ---- axes ----
set title 'Belgium: assistance (EUR)' font ',13' noenhanced
set ylabel 'thousand EUR' noenhanced
set xrange [2007:2012]
set xtics ('2007' 2007.5, '2008' 2008.5, '2009' 2009.5, '2010' 2010.5, '2011' 2011.5) scale 0
set mxtics 1
set x2tics ('' 2007, '' 2008, '' 2009, '' 2010, '' 2011, '' 2012) scale 0
set grid x2tics lc rgb '#eeeeee'
set yrange [0:820.87]
set label '2007–2011 total' at first 2009.5, first 150 offset char 1.2, char 0.9 font ',9' tc rgb '#444444' noenhanced

# ---- plot: lines (dashed towards projections and partial periods), period spans, points ----
plot $s1 using 1:2:6:7 with xerrorbars pt -1 lw 1 lc rgb '#0072B2' notitle, \
     $s1 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#0072B2' notitle, \
     keyentry with linespoints pt 7 ps 1.3 lw 2.5 lc rgb '#0072B2' title 'Tajikistan', \
     $s2 using 1:3 with lines lw 2.5 lc rgb '#D55E00' notitle, \
     $s2 using 1:2:6:7 with xerrorbars pt -1 lw 1 lc rgb '#D55E00' notitle, \
     $s2 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#D55E00' notitle, \
     keyentry with linespoints pt 7 ps 1.3 lw 2.5 lc rgb '#D55E00' title 'Kyrgyzstan', \
     $s3 using 1:3 with lines lw 2.5 lc rgb '#009E73' notitle, \
     $s3 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#009E73' notitle, \
     keyentry with linespoints pt 7 ps 1.3 lw 2.5 lc rgb '#009E73' title 'Turkmenistan', \
     $s4 using 1:3 with lines lw 2.5 lc rgb '#E69F00' notitle, \
     $s4 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#E69F00' notitle, \
     keyentry with linespoints pt 7 ps 1.3 lw 2.5 lc rgb '#E69F00' title 'Kyrgyzstan (humanitarian)', \
     $s5 using 1:3 with lines lw 2.5 lc rgb '#CC79A7' notitle, \
     $s5 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#CC79A7' notitle, \
     keyentry with linespoints pt 7 ps 1.3 lw 2.5 lc rgb '#CC79A7' title 'Kyrgyzstan (technical_assistance)', \
     keyentry with points pt 13 ps 1.3 lc rgb '#555555' title 'diamond and bar: total over the years it spans'
