package org.cnnexplainer.demo.io;

import java.nio.file.Path;
import org.cnnexplainer.core.train.FashionMnist;

/** Where the Fashion-MNIST files are read from, for {@code --data fashion-mnist} and the Lab. */
public final class FashionMnistFolder {
  private FashionMnistFolder() {}

  /**
   * The Fashion-MNIST folder: the given one, else $CNN_FASHION_MNIST_DIR, else Debian's (also the
   * Learning Lab's, with {@code null}).
   */
  public static Path of(Path given) {
    if (given != null) {
      return given;
    }
    String env = System.getenv("CNN_FASHION_MNIST_DIR");
    return env != null && !env.isBlank() ? Path.of(env) : FashionMnist.DEFAULT_DIRECTORY;
  }
}
