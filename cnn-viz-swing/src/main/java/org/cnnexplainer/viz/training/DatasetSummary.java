package org.cnnexplainer.viz.training;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * What a dataset holds, for {@link DatasetSummaryView}.
 *
 * @param source where the images come from (a folder, "Fashion-MNIST")
 * @param classes the class names
 * @param counts images per class
 * @param thumbnails a few images per class (may be fewer than the count, or none)
 * @param sizes the images' sizes in words ("28×28 pixels", "from 20×31 to 640×480 pixels")
 * @param skipped how many files or folders were left out
 */
public record DatasetSummary(
    String source,
    List<String> classes,
    List<Integer> counts,
    List<List<BufferedImage>> thumbnails,
    String sizes,
    int skipped) {
  /**
   * Checks that there is one count and one thumbnail list per class; copies the lists.
   *
   * @param source where the images come from (a folder, "Fashion-MNIST")
   * @param classes the class names
   * @param counts images per class, one per class
   * @param thumbnails a few images per class, one list per class (may be fewer than the count)
   * @param sizes the images' sizes in words
   * @param skipped how many files or folders were left out, 0 or more
   * @throws IllegalArgumentException if there are not as many counts and thumbnail lists as classes
   */
  public DatasetSummary {
    if (counts.size() != classes.size() || thumbnails.size() != classes.size()) {
      throw new IllegalArgumentException(
          classes.size()
              + " classes need as many counts and thumbnail lists, got "
              + counts.size()
              + " and "
              + thumbnails.size());
    }
    classes = List.copyOf(classes);
    counts = List.copyOf(counts);
    thumbnails = thumbnails.stream().map(List::copyOf).toList();
  }

  /** {@return how many images there are in all classes together} */
  public int total() {
    return counts.stream().mapToInt(Integer::intValue).sum();
  }
}
