package org.cnnexplainer.viz.overview;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import java.util.List;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.GradientTarget;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.color.RangeMode;
import org.cnnexplainer.viz.testing.SmallNetwork;
import org.junit.jupiter.api.Test;

class TileCacheTest {
  @Test
  void tilesAreReusedUntilTraceModeOrPaletteChange() {
    Network network = SmallNetwork.create();
    List<ColumnSpec> columns = ColumnSpec.of(network);
    ActivationTrace a = network.trace(SmallNetwork.input(1));
    ActivationTrace b = network.trace(SmallNetwork.input(2));
    TileCache cache = new TileCache();
    LayerRanges unit = LayerRanges.of(a, RangeMode.UNIT);
    BufferedImage[][] first = cache.tiles(columns, a, unit, Palette.CLASSIC, null);
    assertSame(
        first, cache.tiles(columns, a, LayerRanges.of(a, RangeMode.UNIT), Palette.CLASSIC, null));
    BufferedImage[][] global =
        cache.tiles(columns, a, LayerRanges.of(a, RangeMode.GLOBAL), Palette.CLASSIC, null);
    assertNotSame(first, global);
    BufferedImage[][] safe =
        cache.tiles(
            columns, a, LayerRanges.of(a, RangeMode.GLOBAL), Palette.COLOR_BLIND_SAFE, null);
    assertNotSame(global, safe);
    assertNotSame(
        safe,
        cache.tiles(
            columns, b, LayerRanges.of(b, RangeMode.GLOBAL), Palette.COLOR_BLIND_SAFE, null));
    // Gradients are another colouring: new tiles, kept while they stay the same.
    GradientTrace g = a.gradients(GradientTarget.logit(0));
    LayerRanges gradientRanges = LayerRanges.ofGradients(g);
    BufferedImage[][] backward = cache.tiles(columns, a, gradientRanges, Palette.CLASSIC, g);
    assertNotSame(first, backward);
    assertSame(backward, cache.tiles(columns, a, gradientRanges, Palette.CLASSIC, g));
    assertNotSame(backward, cache.tiles(columns, a, unit, Palette.CLASSIC, null));
  }
}
