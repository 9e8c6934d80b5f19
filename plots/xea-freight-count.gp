# Middle Corridor (Trans-Caspian route) containers
# Series over time: Europe and Central Asia → World: freight
# Written by trade plot (libtrade). Run it in this folder with
#   gnuplot xea-freight-count.gp    (writes NAME.png)
#   gnuplot -e "out_format='svg'" xea-freight-count.gp    (writes NAME.svg; also 'png' or 'pdf')
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
set output 'xea-freight-count' . '.' . out_format

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
# columns: x (middle of the period, decimal years), value (thousand (count)),
#   solid-line value, dashed-line value (NaN: not on that line), point type,
#   start and end (years) of periods longer than a year, period, qualifier
# Middle Corridor (Trans-Caspian route) containers (count)
$s1 << EOD
2023.5 21 21 NaN 6 NaN NaN "2023" "derived"
2024.5 56 56 NaN 9 NaN NaN "2024" "lower_bound"
EOD

# ---- axes ----
set title 'Middle Corridor (Trans-Caspian route) containers, 2023–2024' offset char 0, char 0.3 font ',13' noenhanced
svg_title = 'Middle Corridor (Trans-Caspian route) containers, 2023–2024'
set label 9999 'Source: diplomatic-world-2025-kazakhstan-belgium, line 14' at graph 0, graph 1 offset char 0, char 1.4 left font ',8' tc rgb '#555555' noenhanced
set ylabel 'thousand (count)' noenhanced
set xrange [2023:2025]
set xtics ('2023' 2023.5, '2024' 2024.5) scale 0
set mxtics 1
set x2tics ('' 2023, '' 2024, '' 2025) scale 0
set grid x2tics lc rgb '#eeeeee'
set yrange [0:64.4]
set arrow 1 from first 2024.5, first 56 rto graph 0, graph 0.09 lc rgb '#0072B2' lw 1.5 head filled size graph 0.012,25

# ---- plot: lines (dashed towards projections and partial periods), period spans, points ----
plot $s1 using 1:3 with lines lw 2.5 lc rgb '#0072B2' notitle, \
     $s1 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#0072B2' notitle, \
     keyentry with linespoints pt 7 ps 1.3 lw 2.5 lc rgb '#0072B2' title 'Middle Corridor (Trans-Caspian route) containers', \
     keyentry with points pt 6 ps 1.3 lc rgb '#555555' title 'open: estimate, projection or derived', \
     keyentry with points pt 9 ps 1.3 lc rgb '#555555' title 'lower bound (more than), with an arrow'
