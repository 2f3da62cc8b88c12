#!/bin/bash
# Takes the "Why?" pictures of docs/why (issue 14) from the real application on the original CNN
# Explainer model and its espresso image: the window opened with Ctrl+I, the prediction explained
# by integrated gradients (steps), Grad-CAM (steps), occlusion (the finished sweep) and a comparison
# of espresso and orange (saliency overlays), in the light and the dark theme, on a virtual screen
# of WxH. The app runs through the tests' InstrumentedLauncher, whose state dump gives the
# position of the toolbar's Dark button. Needs Xvfb, ../shared/fixtures and the built jar and test classes
# (mvn -B -q package -DskipTests; mvn -B -q -pl cnn-demo -am test-compile).
# usage: docs/why-screenshots.sh 1024x700 88 dark   (screen size, a free X display number, theme)
set -u
size=$1; d=$2; theme=${3:-light}
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
jar=$root/cnn-demo/target/cnn-explainer.jar
fixtures=$root/../shared/fixtures/cnn-explainer
out=${OUT:-/tmp/why-shots}/$size
mkdir -p $out
Xvfb :$d -screen 0 ${size}x24 -dpi 96 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
sleep 1.5
# The fixture has no labels.json: a copy beside it names the original's ten classes.
model=$(mktemp -d)
cp $fixtures/model.json $fixtures/group1-shard1of1.bin $model/
echo '["lifeboat", "ladybug", "pizza", "bell pepper", "school bus", "koala", "espresso",
  "red panda", "orange", "sport car"]' > $model/labels.json
prefs=$(mktemp -d)
DISPLAY=:$d java -Djava.util.prefs.userRoot=$prefs -Dcnnexplainer.stateDump=$out/state.json \
  -Dcnnexplainer.animation=off \
  -cp $jar:$root/cnn-demo/target/test-classes org.cnnexplainer.demo.app.InstrumentedLauncher \
  app --model $model/model.json $fixtures/img/espresso_1.jpeg >$out/app.log 2>&1 &
apid=$!
sleep 12
mkfifo $out/cmd 2>/dev/null
DISPLAY=:$d java -cp $root/cnn-demo/target/test-classes org.cnnexplainer.demo.app.RobotDriver < $out/cmd > $out/robot.log 2>&1 &
rpid=$!
exec 3>$out/cmd
r() { echo "$1" >&3; sleep ${2:-0.6}; }
json() { python3 -c "import json,sys; s=json.load(open('$out/state.json')); print(eval(sys.argv[1]))" "$1"; }
if [ $theme = dark ]; then
  xy=$(json "' '.join(str(c[k]) for c in s['targets']['controls'] if c['name']=='Dark' for k in ('x','y'))")
  r "click $xy" 2
fi
r "keys CONTROL I" 3
# Focus starts on the class box (the prediction); Tab to the method box (saliency, gradient x
# input, integrated gradients, SmoothGrad, Grad-CAM, occlusion), then type or arrow through it.
r "key TAB" 0.5
r "type i" 4
r "keys ALT S" 2
r "shot $out/integrated-gradients-$theme.png" 0.5
r "key DOWN" 0.5
r "key DOWN" 3
r "shot $out/grad-cam-$theme.png" 0.5
r "key DOWN" 8
r "shot $out/occlusion-$theme.png" 0.5
r "type s" 3
r "key TAB" 0.5
r "type o" 3
r "keys ALT O" 2
r "shot $out/compare-$theme.png" 0.5
r "quit" 0.5
exec 3>&-
kill $apid $rpid 2>/dev/null; sleep 0.5; kill $xpid 2>/dev/null
rm -rf $model $prefs
ls $out
