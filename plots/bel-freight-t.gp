# Belgium: freight (t)
# Series over time: Belgium → Belgium and Russian Federation: freight
# Written by trade plot (libtrade). Run it in this folder with
#   gnuplot bel-freight-t.gp    (writes NAME.png)
#   gnuplot -e "out_format='svg'" bel-freight-t.gp    (writes NAME.svg; also 'png' or 'pdf')
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
set output 'bel-freight-t' . '.' . out_format

# ---- style: Okabe-Ito colours, light grid, axes on the left and bottom ----
set termoption noenhanced
set border 3 lc rgb '#555555'
set tics nomirror out scale 0.6 textcolor rgb '#333333'
set grid ytics lc rgb '#e0e0e0' lw 1 dt 1
set key below center horizontal Left reverse noenhanced samplen 3.5 spacing 1.2 width 2
set datafile missing 'NaN'

# ---- data: one block per series ----
# columns: x (middle of the period, decimal years), value (million t),
#   solid-line value, dashed-line value (NaN: not on that line), point type,
#   start and end (years) of periods longer than a year, period, qualifier
# Port of Antwerp-Bruges throughput (t)
$s1 << EOD
2024.5 278 278 NaN 7 NaN NaN "2024" "exact"
EOD
# Zeebruges LNG transshipment (Yamal contract) (t)
$s2 << EOD
2015.5 8 8 NaN 11 NaN NaN "2015" "upper_bound"
EOD

# ---- axes ----
set title 'Belgium: freight (t)' font ',13' noenhanced
set ylabel 'million t' noenhanced
set xrange [2015:2025]
set xtics ('2015' 2015.5, '2016' 2016.5, '2017' 2017.5, '2018' 2018.5, '2019' 2019.5, '2020' 2020.5, '2021' 2021.5, '2022' 2022.5, '2023' 2023.5, '2024' 2024.5) scale 0
set mxtics 1
set x2tics ('' 2015, '' 2016, '' 2017, '' 2018, '' 2019, '' 2020, '' 2021, '' 2022, '' 2023, '' 2024, '' 2025) scale 0
set grid x2tics lc rgb '#eeeeee'
set yrange [0:319.7]
set label 'up to' at first 2015.5, first 8 offset char 1.2, char 0 font ',9' tc rgb '#D55E00'

# ---- plot: lines (dashed towards projections and partial periods), period spans, points ----
plot $s1 using 1:3 with lines lw 2.5 lc rgb '#0072B2' notitle, \
     $s1 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#0072B2' notitle, \
     keyentry with linespoints pt 7 ps 1.3 lw 2.5 lc rgb '#0072B2' title 'Port of Antwerp-Bruges throughput', \
     $s2 using 1:3 with lines lw 2.5 lc rgb '#D55E00' notitle, \
     $s2 using 1:2:5 with points pt variable ps 1.6 lw 1.5 lc rgb '#D55E00' notitle, \
     keyentry with linespoints pt 7 ps 1.3 lw 2.5 lc rgb '#D55E00' title 'Zeebruges LNG transshipment (Yamal contract)', \
     keyentry with points pt 11 ps 1.3 lc rgb '#555555' title 'upper bound (up to), with an arrow'
