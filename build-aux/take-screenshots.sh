#!/usr/bin/env bash
# build-aux/take-screenshots.sh: retake the screenshots in data/screenshots/ (the metainfo's).
#
#   build-aux/take-screenshots.sh [BUILDDIR] [OUTDIR]     (defaults: build, data/screenshots)
#
# Runs the built app on a virtual display (Xvfb) at 1280x800, drives it with xdotool and
# captures the window with ImageMagick's import. Needs: xvfb xdotool imagemagick locales
# (apt-get install xvfb xdotool imagemagick locales); no root. The Ukrainian shot uses the
# catalogue built in BUILDDIR/po and a uk_UA.UTF-8 locale (compiled into a temporary folder
# with localedef when the system lacks it). Clicks are at fixed places of the 1280x800 window:
# check the pictures after a change to the header bar.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=$(cd "${1:-$top/build}" && pwd)
outdir=${2:-$top/data/screenshots}
exe=$builddir/src/ui/mine-ban-atlas
width=1280
height=800

for tool in Xvfb xdotool import localedef; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install xvfb xdotool imagemagick locales" >&2; exit 1; }
done
[ -x "$exe" ] || { echo "$exe is not built: run build-aux/dev setup" >&2; exit 1; }
mkdir -p "$outdir"

tmp=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# A free display number: the first without a lock file.
display=99
while [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=:$display
sleep 1

ukrainian_lc=C.UTF-8
if locale -a 2>/dev/null | grep -qi '^uk_UA.utf-\?8$'; then
  ukrainian_lc=uk_UA.UTF-8
elif localedef -i uk_UA -f UTF-8 "$tmp/uk_UA.UTF-8" >/dev/null 2>&1; then
  export LOCPATH=$tmp
  ukrainian_lc=uk_UA.UTF-8
else
  echo "No uk_UA.UTF-8 locale: Ukrainian dates will show in English" >&2
fi

# start_app LANGUAGE LC_ALL COLOR_SCHEME: opens the window at 1280x800 and sets $window.
start_app() {
  env LANGUAGE="$1" LC_ALL="$2" ADW_DEBUG_COLOR_SCHEME="$3" \
      MBA_LOCALEDIR="$builddir/po" GSETTINGS_SCHEMA_DIR="$builddir/data" GSETTINGS_BACKEND=memory \
      GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
      "$exe" >"$tmp/app.log" 2>&1 &
  app_pid=$!
  window=$(xdotool search --sync --onlyvisible --pid "$app_pid" | head -n 1)
  xdotool windowmove "$window" 0 0 windowsize "$window" "$width" "$height"
  sleep 2
}

stop_app() {
  kill "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}

shoot() {
  import -window "$window" "$outdir/$1"
  echo "wrote $outdir/$1"
}

# Selects an event the way a user would: Ctrl+F, a few words, Enter takes the first result.
select_event() {
  xdotool mousemove --window "$window" 400 200 click 1
  sleep 0.5
  xdotool key ctrl+f
  sleep 0.5
  xdotool type --delay 40 "$1"
  sleep 1
  xdotool key Return
  sleep 1.5
}

# Opens the "Compare Two Dates" popover (fifth header bar button at the start: Open, Export,
# Present, World View, Compare), ticks its check button, which has the focus, and closes it.
compare_dates() {
  xdotool mousemove --window "$window" 227 28 click 1
  sleep 1
  xdotool key space
  sleep 0.5
  xdotool key Escape
  sleep 1
}

start_app "" C.UTF-8 default
select_event "zelensky decree"
shoot timeline-and-map.png
stop_app

start_app "" C.UTF-8 default
compare_dates
shoot compare-dates.png
stop_app

start_app uk "$ukrainian_lc" prefer-dark
select_event "zelensky decree"
shoot dark-ukrainian.png
stop_app
