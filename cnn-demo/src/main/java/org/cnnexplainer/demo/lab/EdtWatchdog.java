package org.cnnexplainer.demo.lab;

import java.util.concurrent.atomic.AtomicLong;
import javax.swing.SwingUtilities;

/**
 * Measures how long the event thread keeps events waiting: every 5 ms a background thread posts an
 * event stamped with the time, and the event records how late it ran. The worst delay since {@link
 * #reset} is how long the event thread was blocked at most (within about 5 ms). Test support for
 * the end-to-end test; started only when the state dump is on.
 */
final class EdtWatchdog {
  private final AtomicLong worstNanos = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private volatile boolean running = true;

  /** Starts the probe thread. */
  static EdtWatchdog start() {
    EdtWatchdog dog = new EdtWatchdog();
    Thread t =
        new Thread(
            () -> {
              while (dog.running) {
                long posted = System.nanoTime();
                // One probe at a time: a blocked thread must not pile probes up behind it.
                if (dog.pending.compareAndSet(0, 1)) {
                  SwingUtilities.invokeLater(
                      () -> {
                        dog.worstNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
                        dog.pending.set(0);
                      });
                }
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "cnn-lab-edt-watchdog");
    t.setDaemon(true);
    t.start();
    return dog;
  }

  /** The worst delay since the last reset, in milliseconds. */
  double worstMillis() {
    return worstNanos.get() / 1e6;
  }

  /** Starts a new measurement. */
  void reset() {
    worstNanos.set(0);
  }

  void stop() {
    running = false;
  }
}
