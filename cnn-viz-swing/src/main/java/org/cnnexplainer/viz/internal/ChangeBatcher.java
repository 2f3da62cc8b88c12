package org.cnnexplainer.viz.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Collects changed properties and hands them to listeners as one set: at once outside a batch, at
 * the end of the outermost batch inside one. A listener that causes new changes gets them in a
 * later set, after the current set has reached every listener.
 *
 * @param <P> the property enum
 */
public final class ChangeBatcher<P extends Enum<P>> {
  private final Class<P> type;
  private final EnumSet<P> pending;
  private final List<Consumer<Set<P>>> listeners = new CopyOnWriteArrayList<>();
  private int depth;
  private boolean firing;

  /** A batcher for properties of {@code type}. */
  public ChangeBatcher(Class<P> type) {
    this.type = type;
    this.pending = EnumSet.noneOf(type);
  }

  /** Adds a listener. */
  public void add(Consumer<Set<P>> listener) {
    listeners.add(listener);
  }

  /** Removes a listener added with the same object. */
  public void remove(Consumer<Set<P>> listener) {
    listeners.remove(listener);
  }

  /** Runs {@code changes} as one batch (batches nest), then fires what they marked. */
  public void batch(Runnable changes) {
    depth++;
    try {
      changes.run();
    } finally {
      depth--;
    }
    flush();
  }

  /** Records a change without firing. */
  public void mark(P property) {
    pending.add(property);
  }

  /** Records a change and fires unless a batch or a delivery is in progress. */
  public void changed(P property) {
    mark(property);
    flush();
  }

  private void flush() {
    if (depth > 0 || firing || pending.isEmpty()) {
      return;
    }
    firing = true;
    try {
      while (!pending.isEmpty()) {
        Set<P> changed = EnumSet.copyOf(pending);
        pending.clear();
        for (Consumer<Set<P>> listener : listeners) {
          listener.accept(changed);
        }
      }
    } finally {
      firing = false;
    }
  }

  @Override
  public String toString() {
    return "ChangeBatcher<" + type.getSimpleName() + "> pending " + pending;
  }
}
