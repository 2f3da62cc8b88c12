package org.cnnexplainer.viz.ops;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.cnnexplainer.core.explain.ConvolutionNeuron;
import org.cnnexplainer.viz.overview.UnfoldGeometry;

/**
 * Where the parts of the convolution elastic view go in an {@link UnfoldGeometry}: one row per
 * shown input channel (kernel glyph, input map, intermediate map), the plus sign, the bias and the
 * output. When every input channel fits at the overview's own node positions they stay there;
 * otherwise the channels are shown a page at a time at a readable size, the most relevant first
 * ({@link ConvolutionNeuron#channelsByContribution()}), with a pager row below them.
 *
 * @param channels the input channels shown, top to bottom
 * @param inputs the square box of each shown channel's input map
 * @param intermediates the square box of each shown channel's intermediate map
 * @param glyphs the box of each shown channel's kernel glyph
 * @param plus the centre of the plus sign
 * @param bias the centre of the bias dot
 * @param output the square box of the output map
 * @param page the page shown (0 when everything fits)
 * @param perPage how many channels a full page shows
 * @param pages the number of pages (1 when everything fits)
 * @param pager where the pager row goes, or {@code null} with one page
 */
record ElasticLayout(
    int[] channels,
    Rectangle2D[] inputs,
    Rectangle2D[] intermediates,
    Rectangle2D[] glyphs,
    Point2D plus,
    Point2D bias,
    Rectangle2D output,
    int page,
    int perPage,
    int pages,
    Rectangle2D pager) {
  static final double PAGER_H = 18;

  static ElasticLayout of(UnfoldGeometry geo, ConvolutionNeuron neuron, int page) {
    int count = neuron.intermediates().shape().channels();
    double e = geo.elastic();
    double top = geo.top();
    double bottom = geo.bottom();
    List<Rectangle2D> overview = geo.sourceBoxes();
    boolean inPlace =
        e == geo.node()
            && overview.size() == count
            && overview.stream().allMatch(b -> b.getHeight() >= e - 0.5);
    int perPage;
    int[] channels;
    double[] ys;
    int pages = 1;
    if (inPlace) {
      perPage = count;
      channels = new int[count];
      ys = new double[count];
      for (int c = 0; c < count; c++) {
        channels[c] = c;
        ys[c] = overview.get(c).getY();
      }
      page = 0;
    } else {
      double gapMin = Math.max(4, 0.2 * e);
      perPage = (int) Math.max(1, Math.floor((bottom - top - gapMin) / (e + gapMin)));
      if (perPage < count) {
        perPage = (int) Math.max(1, Math.floor((bottom - top - PAGER_H - gapMin) / (e + gapMin)));
        pages = (count + perPage - 1) / perPage;
      } else {
        perPage = count;
      }
      page = Math.max(0, Math.min(pages - 1, page));
      int[] ranked = pages > 1 ? neuron.channelsByContribution() : identity(count);
      int from = page * perPage;
      int shown = Math.min(perPage, count - from);
      channels = new int[shown];
      System.arraycopy(ranked, from, channels, 0, shown);
      double band = bottom - top - (pages > 1 ? PAGER_H : 0);
      double gap = (band - perPage * e) / (perPage + 1);
      ys = new double[shown];
      for (int i = 0; i < shown; i++) {
        ys[i] = top + gap + i * (e + gap);
      }
    }
    double glyph = Math.max(8, geo.margin() - 14);
    Rectangle2D[] inputs = new Rectangle2D[channels.length];
    Rectangle2D[] inter = new Rectangle2D[channels.length];
    Rectangle2D[] glyphs = new Rectangle2D[channels.length];
    for (int i = 0; i < channels.length; i++) {
      inputs[i] = new Rectangle2D.Double(geo.sourceX(), ys[i], e, e);
      inter[i] = new Rectangle2D.Double(geo.middleX(), ys[i], e, e);
      glyphs[i] =
          new Rectangle2D.Double(geo.sourceX() - 8 - glyph, ys[i] + (e - glyph) / 2, glyph, glyph);
    }
    double cy = Math.max(top + e / 2, Math.min(bottom - e / 2, geo.targetBox().getCenterY()));
    Rectangle2D output = new Rectangle2D.Double(geo.targetX(), cy - e / 2, e, e);
    Point2D plus = new Point2D.Double(geo.plusX(), cy);
    double drop = Math.max(24, 0.7 * e);
    boolean below = cy + drop + 22 < bottom || cy - drop - 8 < top;
    Point2D bias = new Point2D.Double(geo.plusX(), below ? cy + drop : cy - drop);
    Rectangle2D pager = null;
    if (pages > 1) {
      double y = bottom - PAGER_H;
      pager =
          new Rectangle2D.Double(
              glyphs[0].getX(), y, geo.middleX() + e - glyphs[0].getX(), PAGER_H);
    }
    return new ElasticLayout(
        channels, inputs, inter, glyphs, plus, bias, output, page, perPage, pages, pager);
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** The row of channel {@code channel}, or -1 when it is not shown. */
  int rowOf(int channel) {
    for (int i = 0; i < channels.length; i++) {
      if (channels[i] == channel) {
        return i;
      }
    }
    return -1;
  }
}
