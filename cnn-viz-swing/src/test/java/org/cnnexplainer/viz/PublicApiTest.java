package org.cnnexplainer.viz;

import org.cnnexplainer.testsupport.ApiSignatures;
import org.junit.jupiter.api.Test;

/**
 * Compares cnn-viz-swing's public API with the committed signature file {@code
 * api/cnn-viz-swing.api} (see {@link ApiSignatures}), so that every API change is deliberate. After
 * an intended change, regenerate the file with {@code mvn -pl cnn-viz-swing test -Dapi.update=true}
 * and commit it with the change.
 */
class PublicApiTest {
  @Test
  void publicApiMatchesCommittedSignatures() throws Exception {
    ApiSignatures.assertUnchanged("cnn-viz-swing", ExplainerState.class);
  }
}
