# Luxembourg: aid (EUR), totals over several years
# Series over time: Luxembourg → Uzbekistan and Tajikistan: aid
# Written by trade plot (libtrade). Run it in this folder with
#   gnuplot lux-aid-eur-multi-year.gp    (writes NAME.png)
#   gnuplot -e "out_format='svg'" lux-aid-eur-multi-year.gp    (writes NAME.svg; also 'png' or 'pdf')
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
set output 'lux-aid-eur-multi-year' . '.' . out_format

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
# Luxembourg → Tajikistan, aid (EUR)
$s1 << EOD
2014 688 NaN NaN 13 2012 2016 "2012/2015" "exact"
EOD
# Luxembourg → Uzbekistan, aid (EUR)
$s2 << EOD
2011.5 696.092 NaN NaN 13 2010 2013 "2010/2012" "exact"
EOD

# ---- axes ----
set title 'Luxembourg: aid (EUR), totals over several years, 2010–2015' offset char 0, char 0.3 font ',13' noenhanced
svg_title = 'Luxembourg: aid (EUR), totals over several years, 2010–2015'
set label 9999 'Source: eucam-2013-belgium-luxembourg-central-asia, lines 105, 109' at graph 0, graph 1 offset char 0, char 1.4 left font ',8' tc rgb '#555555' noenhanced
set ylabel 'thousand EUR' noenhanced
set xrange [2010:2016]
set xtics ('2010' 2010.5, '2011' 2011.5, '2012' 2012.5, '2013' 2013.5, '2014' 2014.5, '2015' 2015.5) scale 0
set mxtics 1
set x2tics ('' 2010, '' 2011, '' 2012, '' 2013, '' 2014, '' 2015, '' 2016) scale 0
set grid x2tics lc rgb '#eeeeee'
set yrange [0:800.506]
set label '2012–2015 total' at first 2014, first 688 left offset char 1.2, char 0.9 font ',9' tc rgb '#444444' noenhanced
set label '2010–2012 total' at first 2011.5, first 696.092 left offset char 1.2, char 0.9 font ',9' tc rgb '#444444' noenhanced

# ---- plot: lines (dashed towards projections and partial periods), period spans, points ----
plot $s1 using 1:2:6:7 with xerrorbars pt -1 lw 1 lc rgb '#0072B2' notitle, \
     $s1 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#0072B2' notitle, \
     keyentry with points pt 7 ps 1.3 lw 2.5 lc rgb '#0072B2' title 'Tajikistan', \
     $s2 using 1:2:6:7 with xerrorbars pt -1 lw 1 lc rgb '#D55E00' notitle, \
     $s2 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#D55E00' notitle, \
     keyentry with points pt 7 ps 1.3 lw 2.5 lc rgb '#D55E00' title 'Uzbekistan', \
     keyentry with points pt 13 ps 1.3 lc rgb '#555555' title 'diamond and bar: total over the years it spans'
