package org.cnnexplainer.viz;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What changed in an {@link ExplainerState}: one event per change, or one per batch (see {@link
 * ExplainerState#batch(Runnable)}) listing every property changed in it.
 *
 * @param source the state that changed (already holding the new values)
 * @param changed the changed properties, never empty, unmodifiable
 */
public record StateEvent(ExplainerState source, Set<StateProperty> changed) {
  /**
   * Copies {@code changed}.
   *
   * @param source the state that changed
   * @param changed the changed properties, not empty
   */
  public StateEvent {
    Objects.requireNonNull(source, "source");
    if (changed.isEmpty()) {
      throw new IllegalArgumentException("an event must report at least one change");
    }
    changed = Set.copyOf(EnumSet.copyOf(changed));
  }

  /**
   * Whether {@code property} changed.
   *
   * @param property a property
   * @return true if it changed
   */
  public boolean has(StateProperty property) {
    return changed.contains(property);
  }
}
