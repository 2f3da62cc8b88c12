package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cnnexplainer.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSourceTest {
  @Test
  void aFolderOrItsModelJsonNameTheSameModel(@TempDir Path dir) throws Exception {
    SeededModel.save(dir, 3, 0);
    ModelSource byFolder = ModelSource.file(dir);
    ModelSource byFile = ModelSource.file(dir.resolve("model.json"));
    assertEquals(byFile.key(), byFolder.key());
    assertFalse(byFolder.isBundled());
    assertEquals(Optional.of(byFolder), ModelSource.fromKey(byFolder.key()));
  }

  @Test
  void missingModelsAndUnknownBundlesResolveToNothing(@TempDir Path dir) {
    assertEquals(Optional.empty(), ModelSource.fromKey(dir.resolve("gone/model.json").toString()));
    assertEquals(Optional.empty(), ModelSource.fromKey("bundled:no-such-model"));
    assertEquals(Optional.empty(), ModelSource.fromKey(""));
  }

  @Test
  void exampleLabelsComeFromFileNames() {
    assertEquals("ankle boot", Example.labelOf("ankle_boot_2.png"));
    assertEquals("t shirt", Example.labelOf("t-shirt.jpeg"));
    assertEquals("red panda", Example.labelOf("red_panda_10.jpg"));
  }

  @Test
  void examplesAreListedInClassOrderAndBrokenFilesAreLeftOut(@TempDir Path dir) throws Exception {
    SeededModel.save(dir, 5, 10);
    java.nio.file.Files.writeString(dir.resolve("coat_9.png"), "not a png");
    ModelSource source = ModelSource.file(dir);
    Network network = SeededModel.network(5);
    List<Example> examples = ExampleImages.of(source, network);
    assertEquals(10, examples.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(SeededModel.LABELS.get(i).replace('-', ' '), examples.get(i).label());
      assertEquals(network.inputShape(), examples.get(i).input().shape());
    }
    assertTrue(examples.stream().noneMatch(e -> e.name().equals("coat_9.png")));
  }
}
