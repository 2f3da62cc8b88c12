package org.cnnexplainer.viz;

import org.cnnexplainer.core.NetworkEdit;

/**
 * Receives the weight edits a view asks for (a kernel weight or a bias dragged, scrolled or typed
 * in the convolution views). The listener decides whether and how to apply them, usually through an
 * {@link EditHistory} and {@link ExplainerState#setEditedNetwork}; views never change the network
 * themselves. Called on the event thread.
 */
@FunctionalInterface
public interface EditListener {
  /**
   * A view asks for {@code edit}.
   *
   * @param edit the edit, on the network the state shows
   * @param amend true when the edit continues the gesture of the previous request on the same
   *     parameter (a drag, more scroll notches or key presses on one weight): it should replace
   *     that edit, so that one gesture is one undo step (see {@link EditHistory#apply(NetworkEdit,
   *     boolean)})
   */
  void editRequested(NetworkEdit edit, boolean amend);
}
