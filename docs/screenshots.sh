#!/bin/sh
# Regenerates the README's pictures of every view (docs/views/VIEW-THEME.png) with the render
# command: the bundled model, an example ankle boot, 1024x560 (the explainer's part of a 1024x700
# window is a little smaller). Build the jar first: mvn -B -q package -DskipTests
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
jar="$here/cnn-demo/target/cnn-explainer.jar"
model="$here/models/tiny-vgg-fashion"
image="$model/examples/ankle_boot_1.png"
out="$here/docs/views"
mkdir -p "$out"
for theme in light dark; do
  render() {
    name=$1
    shift
    java -jar "$jar" render --model "$model" --image "$image" --size 1024x560 --theme "$theme" \
      --out "$out/$name-$theme.png" "$@" > /dev/null
  }
  render overview --view overview
  render conv --view conv --layer conv_1_2 --neuron 3 --fraction 0.6
  render conv-formula --view conv-formula --layer conv_1_2 --neuron 3 --channel 2 --position 9,12
  render activation --view activation --layer relu_2_1 --neuron 3 --position 5,7
  render pool --view pool --layer max_pool_1 --neuron 3 --position 6,5
  render flatten --view flatten --neuron 9
  render softmax --view softmax --neuron 9
  render hyperparameters --view hyperparameters --playground 7,1,3,2 --position 1,2
done
echo "wrote $(ls "$out" | wc -l) pictures to $out"
