package org.cnnexplainer.viz.attribution;

import java.util.Objects;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.Attribution;
import org.cnnexplainer.viz.color.ColorMap;
import org.cnnexplainer.viz.color.ColorMaps;

/**
 * One map of an attribution at the input's height and width, as an overlay shows it: for an RGB
 * result either the sum over channels or one channel, signed or as {@code |value|}; with the
 * colours that fit it. Signed values use a diverging scale symmetric about 0 (blue negative, white
 * 0, red positive) over {@code [-m, m]}, {@code m = max |value|}; {@code |value|} uses a sequential
 * scale from 0 to {@code m}. Immutable.
 */
public final class OverlayMap {
  /** Which channels a map shows. */
  public enum Channels {
    /** The sum over channels (a pixel's total contribution). */
    SUM,
    /** Channel 0 (red) only. */
    RED,
    /** Channel 1 (green) only. */
    GREEN,
    /** Channel 2 (blue) only. */
    BLUE
  }

  /** Negative blue, zero white, positive red: the colours of "against" and "for" the class. */
  public static final ColorMap SIGNED = ColorMaps.RD_BU.reversed();

  /** Zero white to large orange-red. */
  public static final ColorMap MAGNITUDE = ColorMaps.ORANGES;

  private final Tensor image;
  private final float[] values;
  private final int height;
  private final int width;
  private final boolean absolute;
  private final float extent;
  private final Channels channels;

  private OverlayMap(
      Tensor image, float[] values, int height, int width, boolean absolute, Channels channels) {
    this.image = image;
    this.values = values;
    this.height = height;
    this.width = width;
    this.absolute = absolute;
    this.channels = channels;
    float m = 0;
    for (float v : values) {
      m = Math.max(m, Math.abs(v));
    }
    this.extent = m;
  }

  /**
   * The map of {@code attribution}'s overlay over {@code image} (the input it explains).
   *
   * @param attribution the attribution result to show
   * @param image the input image it explains, {@code [channels, height, width]}
   * @param channels which channels of a per-channel result to show ({@link Channels#SUM} for all)
   * @param absolute true to show {@code |value|} on a one-sided scale, false for signed values
   * @return the map, ready to paint
   * @throws IllegalArgumentException if a channel is asked of a result with fewer channels, or the
   *     overlay does not match the image's height and width
   */
  public static OverlayMap of(
      Attribution attribution, Tensor image, Channels channels, boolean absolute) {
    Objects.requireNonNull(channels, "channels");
    Tensor overlay = attribution.overlay();
    Shape shape = overlay.shape();
    if (shape.height() != image.shape().height() || shape.width() != image.shape().width()) {
      throw new IllegalArgumentException(
          "the overlay " + shape + " does not match the image " + image.shape());
    }
    int plane = shape.height() * shape.width();
    float[] values = new float[plane];
    if (channels == Channels.SUM || shape.channels() == 1) {
      for (int c = 0; c < shape.channels(); c++) {
        float[] channel = overlay.channel(c);
        for (int p = 0; p < plane; p++) {
          values[p] += channel[p];
        }
      }
    } else {
      int c = channels.ordinal() - 1;
      if (c >= shape.channels()) {
        throw new IllegalArgumentException(
            "channel " + channels + " asked of a result with " + shape.channels() + " channels");
      }
      values = overlay.channel(c);
    }
    if (absolute) {
      for (int p = 0; p < plane; p++) {
        values[p] = Math.abs(values[p]);
      }
    }
    return new OverlayMap(
        image,
        values,
        shape.height(),
        shape.width(),
        absolute,
        shape.channels() == 1 ? Channels.SUM : channels);
  }

  /** {@return the image the map lies over, as given to {@link #of}} */
  public Tensor image() {
    return image;
  }

  /**
   * The map's value at {@code (y, x)}.
   *
   * @param y the pixel row, 0 to {@code height() - 1}
   * @param x the pixel column, 0 to {@code width() - 1}
   * @return the attribution there (its sum over the shown channels, {@code |value|} when {@link
   *     #absolute()}), in the attribution's units
   */
  public float value(int y, int x) {
    return values[y * width + x];
  }

  /** {@return the height in pixels, the image's} */
  public int height() {
    return height;
  }

  /** {@return the width in pixels, the image's} */
  public int width() {
    return width;
  }

  /** {@return whether the map shows {@code |value|} (else signed values)} */
  public boolean absolute() {
    return absolute;
  }

  /** {@return the channels shown (always {@link Channels#SUM} for one-channel results)} */
  public Channels channels() {
    return channels;
  }

  /** {@return {@code max |value|}, the end of the scale (0 for an all-zero map)} */
  public float extent() {
    return extent;
  }

  /** {@return the lowest value of the scale: {@code -extent()}, or 0 for {@code |value|}} */
  public float low() {
    return absolute ? 0 : -extent;
  }

  /**
   * The colour of {@code value} on this map's scale.
   *
   * @param value a map value, in the attribution's units; clamped to the scale's ends
   * @return the colour at full strength, {@code 0xRRGGBB}
   */
  public int rgb(double value) {
    double m = extent > 0 ? extent : 1;
    if (absolute) {
      return MAGNITUDE.rgb(Math.max(0, Math.min(1, value / m)));
    }
    return signedRgb(value, m);
  }

  /**
   * The colour of a signed {@code value} on {@link #SIGNED} over {@code [-extent, extent]}.
   *
   * @param value the value; clamped to the scale's ends
   * @param extent the end of the scale, {@code > 0} (for 0 every value is white)
   * @return the colour, {@code 0xRRGGBB}
   */
  public static int signedRgb(double value, double extent) {
    double m = extent > 0 ? extent : 1;
    return SIGNED.rgb(Math.max(0, Math.min(1, (value + m) / (2 * m))));
  }

  /**
   * How strongly the colour of {@code value} covers the image: {@code |value| / extent}.
   *
   * @param value a map value, in the attribution's units
   * @return the opacity of the overlay colour, 0 (image only) to 1 (colour only)
   */
  public double weight(double value) {
    return extent > 0 ? Math.min(1, Math.abs(value) / extent) : 0;
  }
}
