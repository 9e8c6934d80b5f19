# Growth of Belgian exports to Kazakhstan
# Growth rates: Belgium → Kazakhstan, exports: growth
# Written by trade plot (libtrade). Run it in this folder with
#   gnuplot belgium-kazakhstan-export-growth.gp    (writes NAME.png)
#   gnuplot -e "out_format='svg'" belgium-kazakhstan-export-growth.gp    (writes NAME.svg; also 'png' or 'pdf')
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
set output 'belgium-kazakhstan-export-growth' . '.' . out_format

# ---- style: Okabe-Ito colours, light grid, axes on the left and bottom ----
set termoption noenhanced
set border 3 lc rgb '#555555'
set tics nomirror out scale 0.6 textcolor rgb '#333333'
set grid ytics lc rgb '#e0e0e0' lw 1 dt 1
set key below center horizontal Left reverse noenhanced samplen 3.5 spacing 1.2 width 2
set datafile missing 'NaN'
# room above the graph for the title and the source line
set tmargin 5

# ---- data: one bar per rate, in the order of the input ----
# columns: bar position (from the left), growth (%), growth if >= 0, growth if < 0,
#   growth if qualified (hatched), label
$growth << EOD
0 40.84507042 40.84507042 NaN 40.84507042 "+40.8 % (derived)"
1 19.09191 19.09191 NaN NaN "+19.1 %"
EOD

# ---- axes ----
set title 'Growth of Belgian exports to Kazakhstan, 2009–2011' offset char 0, char 1.8 font ',13' noenhanced
svg_title = 'Growth of Belgian exports to Kazakhstan, 2009–2011'
set label 9999 'Source: eucam-2013-belgium-luxembourg-central-asia' at graph 0, graph 1 offset char 0, char 1.4 left font ',8' tc rgb '#555555' noenhanced
set xtics ('2009→2010' 0, '2010→2011' 1) scale 0
set ylabel 'growth on the earlier period (%)' noenhanced
set xrange [-0.6:1.6]
set yrange [0:48.1972]
set xzeroaxis lt -1 lw 1
set boxwidth 0.6 absolute
set style fill solid 0.9 border -1

# ---- plot: growth in blue, decline in vermillion, rates on the bars ----
plot $growth using 1:3 with boxes lc rgb '#0072B2' title 'growth', \
     $growth using 1:3:6 with labels offset char 0,char 0.8 font ',9' tc rgb '#333333' notitle, \
     $growth using 1:5 with boxes fs pattern 4 transparent lc rgb '#ffffff' notitle, \
     keyentry with boxes fs pattern 4 lc rgb '#555555' title 'hatched: from a qualified figure (named on the label)'
