# Belgian exports to Kazakhstan
# Series over time: Belgium → Kazakhstan: exports and services exports
# Written by trade plot (libtrade). Run it in this folder with
#   gnuplot belgium-kazakhstan-exports.gp    (writes NAME.png)
#   gnuplot -e "out_format='svg'" belgium-kazakhstan-exports.gp    (writes NAME.svg; also 'png' or 'pdf')
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
set output 'belgium-kazakhstan-exports' . '.' . out_format

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
# Belgium → Kazakhstan, exports (EUR)
$s1 << EOD
2009.5 71 71 NaN 6 NaN NaN "2009" "derived"
2010.5 100 100 NaN 7 NaN NaN "2010" "exact"
2011.5 119.09191 119.09191 NaN 7 NaN NaN "2011" "exact"
EOD
# Belgium → Kazakhstan, services exports (EUR)
$s2 << EOD
2002.5 0.94 0.94 NaN 7 NaN NaN "2002" "exact"

2011.5 64 64 NaN 9 NaN NaN "2011" "lower_bound"
EOD

# ---- axes ----
set title 'Belgian exports to Kazakhstan, 2002–2011' offset char 0, char 0.3 font ',13' noenhanced
svg_title = 'Belgian exports to Kazakhstan, 2002–2011'
set label 9999 'Source: eucam-2013-belgium-luxembourg-central-asia, lines 49, 55, Table 2, line 73' at graph 0, graph 1 offset char 0, char 1.4 left font ',8' tc rgb '#555555' noenhanced
set ylabel 'million EUR' noenhanced
set xrange [2002:2012]
set xtics ('2002' 2002.5, '2003' 2003.5, '2004' 2004.5, '2005' 2005.5, '2006' 2006.5, '2007' 2007.5, '2008' 2008.5, '2009' 2009.5, '2010' 2010.5, '2011' 2011.5) scale 0
set mxtics 1
set x2tics ('' 2002, '' 2003, '' 2004, '' 2005, '' 2006, '' 2007, '' 2008, '' 2009, '' 2010, '' 2011, '' 2012) scale 0
set grid x2tics lc rgb '#eeeeee'
set yrange [0:136.956]
set arrow 1 from first 2011.5, first 64 rto graph 0, graph 0.09 lc rgb '#D55E00' lw 1.5 head filled size graph 0.012,25

# ---- plot: lines (dashed towards projections and partial periods), period spans, points ----
plot $s1 using 1:3 with lines lw 2.5 lc rgb '#0072B2' notitle, \
     $s1 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#0072B2' notitle, \
     keyentry with linespoints pt 7 ps 1.3 lw 2.5 lc rgb '#0072B2' title 'Belgium → Kazakhstan, exports', \
     $s2 using 1:3 with lines lw 2.5 lc rgb '#D55E00' notitle, \
     $s2 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#D55E00' notitle, \
     keyentry with points pt 7 ps 1.3 lw 2.5 lc rgb '#D55E00' title 'Belgium → Kazakhstan, services exports', \
     keyentry with points pt 6 ps 1.3 lc rgb '#555555' title 'open: estimate, projection or derived', \
     keyentry with points pt 9 ps 1.3 lc rgb '#555555' title 'lower bound (more than), with an arrow'
