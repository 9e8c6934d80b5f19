# EU investment stock in Kazakhstan
# Series over time: European Union → Kazakhstan: investment stock
# Written by trade plot (libtrade). Run it in this folder with
#   gnuplot eu-kazakhstan-investment.gp    (writes NAME.png)
#   gnuplot -e "out_format='svg'" eu-kazakhstan-investment.gp    (writes NAME.svg; also 'png' or 'pdf')
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
set output 'eu-kazakhstan-investment' . '.' . out_format

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
# columns: x (middle of the period, decimal years), value (billion USD),
#   solid-line value, dashed-line value (NaN: not on that line), point type,
#   start and end (years) of periods longer than a year, period, qualifier
# European Union → Kazakhstan, investment stock (USD)
$s1 << EOD
2021.5 160 160 NaN 7 NaN NaN "2021" "exact"

2025.5 200 200 NaN 9 NaN NaN "2025" "lower_bound"
EOD

# ---- axes ----
set title 'EU investment stock in Kazakhstan, 2021–2025' offset char 0, char 0.3 font ',13' noenhanced
svg_title = 'EU investment stock in Kazakhstan, 2021–2025'
set label 9999 'Source: diplomatic-world-2025-kazakhstan-belgium, line 10; euractiv-2021-tokayev-brussels, line 24' at graph 0, graph 1 offset char 0, char 1.4 left font ',8' tc rgb '#555555' noenhanced
set ylabel 'billion USD' noenhanced
set xrange [2021:2026]
set xtics ('2021' 2021.5, '2022' 2022.5, '2023' 2023.5, '2024' 2024.5, '2025' 2025.5) scale 0
set mxtics 1
set x2tics ('' 2021, '' 2022, '' 2023, '' 2024, '' 2025, '' 2026) scale 0
set grid x2tics lc rgb '#eeeeee'
set yrange [0:230]
set arrow 1 from first 2025.5, first 200 rto graph 0, graph 0.09 lc rgb '#0072B2' lw 1.5 head filled size graph 0.012,25

# ---- plot: lines (dashed towards projections and partial periods), period spans, points ----
plot $s1 using 1:3 with lines lw 2.5 lc rgb '#0072B2' notitle, \
     $s1 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#0072B2' notitle, \
     keyentry with points pt 7 ps 1.3 lw 2.5 lc rgb '#0072B2' title 'European Union → Kazakhstan, investment stock', \
     keyentry with points pt 9 ps 1.3 lc rgb '#555555' title 'lower bound (more than), with an arrow'
