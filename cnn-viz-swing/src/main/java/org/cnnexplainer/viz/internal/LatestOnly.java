package org.cnnexplainer.viz.internal;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs jobs in the background and delivers only the result of the newest request: a result (or
 * failure) whose request has been overtaken by a later {@link #submit} or by {@link #cancel()} is
 * discarded, whatever order the jobs finish in.
 *
 * <p>Results are handed to the {@code delivery} executor (the Swing event thread in production),
 * where the "still newest?" check runs just before the callback, so a request made on that thread
 * after a result was queued still wins.
 *
 * @param <T> the result type
 */
public final class LatestOnly<T> {
  private final Executor background;
  private final Executor delivery;
  private final AtomicLong newest = new AtomicLong();

  /** Runs jobs on {@code background} and calls back on {@code delivery}. */
  public LatestOnly(Executor background, Executor delivery) {
    this.background = Objects.requireNonNull(background, "background");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  /**
   * Starts {@code job}; when it finishes and no newer request was made, calls {@code onResult} (or
   * {@code onFailure} with what it threw) on the delivery executor.
   *
   * @return the request number (increasing)
   */
  public long submit(Callable<T> job, Consumer<T> onResult, Consumer<Exception> onFailure) {
    long id = newest.incrementAndGet();
    background.execute(
        () -> {
          T result;
          try {
            result = job.call();
          } catch (Exception e) {
            delivery.execute(() -> deliverIfNewest(id, () -> onFailure.accept(e)));
            return;
          }
          delivery.execute(() -> deliverIfNewest(id, () -> onResult.accept(result)));
        });
    return id;
  }

  /** Discards the results of every request made so far. */
  public void cancel() {
    newest.incrementAndGet();
  }

  /** Whether request {@code id} is the newest (its result would still be delivered). */
  public boolean isNewest(long id) {
    return newest.get() == id;
  }

  private void deliverIfNewest(long id, Runnable callback) {
    if (isNewest(id)) {
      callback.run();
    }
  }
}
