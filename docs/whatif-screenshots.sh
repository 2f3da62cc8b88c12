#!/bin/bash
# Takes the "What if?" pictures of docs/whatif (issue 16) from the real application: silence a
# channel through the context menu; drag a kernel weight in the convolution view and show the
# differences; the suggested experiment; a pinned second image; draw a "T" on the drawing pad; in
# the light and the dark theme, on a virtual screen of WxH. Needs Xvfb and the built jar and test classes
# (mvn -B -q package -DskipTests; mvn -B -q -pl cnn-demo -am test-compile).
# usage: docs/whatif-screenshots.sh 1024x700 87   (screen size, a free X display number)
set -u
size=$1; d=$2
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
jar=$root/cnn-demo/target/cnn-explainer.jar
out=${OUT:-/tmp/whatif-shots}/$size
mkdir -p $out
Xvfb :$d -screen 0 ${size}x24 -dpi 96 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
sleep 1.5
prefs=$(mktemp -d)
# The jar with the test classes beside it: the test-only launcher makes the window write its state.
DISPLAY=:$d java -Djava.util.prefs.userRoot=$prefs -Dcnnexplainer.stateDump=$out/state.json \
  -cp $jar:$root/cnn-demo/target/test-classes org.cnnexplainer.demo.app.InstrumentedLauncher app --model $root/models/tiny-vgg-fashion $root/models/tiny-vgg-fashion/examples/ankle_boot_1.png >$out/app.log 2>&1 &
apid=$!
sleep 9
mkfifo $out/cmd 2>/dev/null
DISPLAY=:$d java -cp $root/cnn-demo/target/test-classes org.cnnexplainer.demo.app.RobotDriver < $out/cmd > $out/robot.log 2>&1 &
rpid=$!
exec 3>$out/cmd
r() { echo "$1" >&3; sleep ${2:-0.6}; }
json() { python3 -c "import json,sys; s=json.load(open('$out/state.json')); print(eval(sys.argv[1]))" "$1"; }
for theme in light dark; do
  if [ $theme = dark ]; then
    xy=$(json "' '.join(str(c[k]) for c in s['targets']['controls'] if c['name']=='Dark' for k in ('x','y'))")
    r "click $xy" 2
  fi
  # edit: silence conv_1_1 channel 1 via the context menu
  n=$(json "' '.join(str(x[k]) for x in s['targets']['neurons'] if x['layer']==0 and x['neuron']==1 for k in ('x','y'))")
  set -- $n
  r "rclick $1 $2" 1
  r "shot $out/menu-$theme.png" 0.5
  r "click $(($1+30)) $(($2+12))" 2
  r "shot $out/edit-$theme.png" 0.5
  r "keys CONTROL Z" 1.5
  # weight: open conv_1_1 #1, drag weight (1, 1) of channel 0 in its kernel glyph 100 px up
  n=$(json "' '.join(str(x[k]) for x in s['targets']['neurons'] if x['layer']==0 and x['neuron']==1 for k in ('x','y'))")
  r "click $n" 3
  w=$(json "' '.join(str(x[k]) for x in s['targets']['regions'] if x['kind']=='WEIGHT' and x['index']==4 for k in ('x','y'))")
  set -- $w
  r "drag $1 $2 $1 $(($2-100))" 2
  r "shot $out/weight-$theme.png" 0.5
  r "key ESCAPE" 1.5
  r "keys CONTROL SHIFT D" 1.5
  r "shot $out/difference-$theme.png" 0.5
  r "keys CONTROL SHIFT D" 1
  r "keys CONTROL Z" 1.5
  # pin this image, choose another example
  r "keys CONTROL SHIFT P" 1
  b=$(json "' '.join(str(s['imageButtons'][3][k]) for k in ('x','y'))")
  r "click $b" 2.5
  r "shot $out/pinned-$theme.png" 0.5
  r "keys CONTROL SHIFT P" 1
  b=$(json "' '.join(str(s['imageButtons'][0][k]) for k in ('x','y'))")
  r "click $b" 2
  # the suggested experiment for the predicted class
  r "keys CONTROL SHIFT E" 2.5
  r "shot $out/experiment-$theme.png" 0.5
  r "key ESCAPE" 1
  r "click $b" 1.5 # the window takes the keys again (no window manager)
  r "keys CONTROL D" 2
  p=$(json "' '.join(str(s['draw'][k]) for k in ('x','y','w','h'))")
  set -- $p
  x=$1; y=$2; w=$3; h=$4
  r "drag $((x+w/4)) $((y+h/4)) $((x+3*w/4)) $((y+h/4))" 0.3
  r "drag $((x+w/2)) $((y+h/4)) $((x+w/2)) $((y+5*h/6))" 2
  r "shot $out/draw-$theme.png" 0.5
  r "key ESCAPE" 1
done
r "quit" 0.5
exec 3>&-
kill $apid $rpid 2>/dev/null; sleep 0.5; kill $xpid 2>/dev/null
ls $out
