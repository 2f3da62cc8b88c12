package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.cnnexplainer.core.train.FashionMnist;
import org.junit.jupiter.api.Test;

/** Examples are ordered by the class they are named after, so the first class's comes first. */
class ExampleImagesTest {
  @Test
  void fileNamesFindTheirClasses() {
    List<String> fashion = FashionMnist.CLASS_LABELS;
    assertEquals(0, ExampleImages.classRank(fashion, Path.of("tshirt_top_1.png")));
    assertEquals(6, ExampleImages.classRank(fashion, Path.of("shirt_2.png")), "not T-shirt");
    assertEquals(9, ExampleImages.classRank(fashion, Path.of("ankle_boot_1.png")));
    List<String> original = // the original CNN Explainer model's classes, in output order
        List.of(
            "lifeboat",
            "ladybug",
            "pizza",
            "bell pepper",
            "school bus",
            "koala",
            "espresso",
            "red panda",
            "orange",
            "sport car");
    String[] files = {
      "boat_1.jpeg", "bug_1.jpeg", "pizza_1.jpeg", "pepper_1.jpeg", "bus_1.jpeg",
      "koala_1.jpeg", "espresso_1.jpeg", "panda_1.jpeg", "orange_1.jpeg", "car_1.jpeg"
    };
    for (int i = 0; i < files.length; i++) {
      assertEquals(i, ExampleImages.classRank(original, Path.of(files[i])), files[i]);
    }
    assertEquals(10, ExampleImages.classRank(original, Path.of("my-photo.png")));
  }
}
