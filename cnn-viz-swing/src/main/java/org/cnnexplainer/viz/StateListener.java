package org.cnnexplainer.viz;

/**
 * Receives {@link StateEvent}s from an {@link ExplainerState}.
 *
 * <p>Called on the event dispatch thread, after the state holds the new values. A listener may read
 * the state and repaint; it may also change the state (the resulting event is delivered after the
 * current one has reached every listener), but must not block.
 */
@FunctionalInterface
public interface StateListener {
  /**
   * Something changed; {@code event.changed()} says what.
   *
   * @param event the state and the changed properties
   */
  void stateChanged(StateEvent event);
}
