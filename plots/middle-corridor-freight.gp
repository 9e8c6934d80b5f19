# Middle Corridor freight
# Series over time: Europe and Central Asia → World: freight
# Written by trade plot (libtrade). Run it in this folder with
#   gnuplot middle-corridor-freight.gp    (writes NAME.png)
#   gnuplot -e "out_format='svg'" middle-corridor-freight.gp    (writes NAME.svg; also 'png' or 'pdf')
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
set output 'middle-corridor-freight' . '.' . out_format

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
# columns: x (middle of the period, decimal years), value (million t),
#   solid-line value, dashed-line value (NaN: not on that line), point type,
#   start and end (years) of periods longer than a year, period, qualifier
# Middle Corridor (Trans-Caspian route) freight (t)
$s1 << EOD
2020.5 0.86 0.86 NaN 7 NaN NaN "2020" "exact"

2023.5 2.78 2.78 NaN 6 NaN NaN "2023" "derived"
2024.5 4.5 4.5 4.5 7 NaN NaN "2024" "exact"
2025.5 5.2 NaN 5.2 6 NaN NaN "2025" "projection"

2027.5 10 NaN 10 6 NaN NaN "2027" "projection"
EOD

# ---- axes ----
set title 'Middle Corridor freight, 2020–2027' offset char 0, char 0.3 font ',13' noenhanced
svg_title = 'Middle Corridor freight, 2020–2027'
set label 9999 'Source: diplomatic-world-2025-kazakhstan-belgium, line 14' at graph 0, graph 1 offset char 0, char 1.4 left font ',8' tc rgb '#555555' noenhanced
set ylabel 'million t' noenhanced
set xrange [2020:2028]
set xtics ('2020' 2020.5, '2021' 2021.5, '2022' 2022.5, '2023' 2023.5, '2024' 2024.5, '2025' 2025.5, '2026' 2026.5, '2027' 2027.5) scale 0
set mxtics 1
set x2tics ('' 2020, '' 2021, '' 2022, '' 2023, '' 2024, '' 2025, '' 2026, '' 2027, '' 2028) scale 0
set grid x2tics lc rgb '#eeeeee'
set yrange [0:11.5]

# ---- plot: lines (dashed towards projections and partial periods), period spans, points ----
plot $s1 using 1:3 with lines lw 2.5 lc rgb '#0072B2' notitle, \
     $s1 using 1:4 with lines lw 2 dt 2 lc rgb '#0072B2' notitle, \
     $s1 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#0072B2' notitle, \
     keyentry with linespoints pt 7 ps 1.3 lw 2.5 lc rgb '#0072B2' title 'Middle Corridor (Trans-Caspian route) freight', \
     keyentry with points pt 6 ps 1.3 lc rgb '#555555' title 'open: estimate, projection or derived', \
     keyentry with lines dt 2 lw 2 lc rgb '#555555' title 'dashed: towards a projection or a partial period'
