package org.cnnexplainer.demo.lab;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.SwingUtilities;

/**
 * Measures how long the event thread keeps events waiting: every 5 ms a background thread posts an
 * event stamped with the time, and the event records how late it ran. The worst delay since {@link
 * #reset} is how long the event thread was blocked at most (within about 5 ms). When an event waits
 * longer than 40 ms, the event thread's stack is printed once to standard error, so a failing test
 * shows what blocked it.
 *
 * <p>Beside that wall-clock delay it measures how much of it the event thread spent working or
 * blocked on a monitor: its CPU time plus its blocked time between the posting and the running of
 * the probe. On an oversubscribed machine the two differ, because a runnable event thread waits for
 * a core (and a garbage collection stops it without charging it); the busy time is what this
 * program's own work and locking on the event thread cost. Started by the end-to-end tests' {@link
 * LabDump}.
 */
final class EdtWatchdog {
  private static final long REPORT_NANOS = 40_000_000L;
  private static final long IDLE_CHECK_NANOS = 10_000_000L;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final AtomicLong worstNanos = new AtomicLong();
  private final AtomicLong worstBusyNanos = new AtomicLong();
  private volatile long measuredFrom = Long.MIN_VALUE;
  private volatile long pendingSince;
  private volatile boolean pendingWhileIdle;
  private volatile Thread eventThread;
  private volatile boolean running = true;

  /** Starts the probe thread. */
  static EdtWatchdog start() {
    if (THREADS.isThreadContentionMonitoringSupported()) {
      THREADS.setThreadContentionMonitoringEnabled(true); // for the blocked time
    }
    EdtWatchdog dog = new EdtWatchdog();
    Thread t = new Thread(dog::probe, "cnn-lab-edt-watchdog");
    t.setDaemon(true);
    t.start();
    return dog;
  }

  private void probe() {
    boolean reported = false;
    while (running) {
      long now = System.nanoTime();
      long since = pendingSince;
      if (since == 0) {
        // One probe at a time: a blocked thread must not pile probes up behind it.
        pendingSince = now;
        pendingWhileIdle = false;
        reported = false;
        Thread edt = eventThread;
        long cpuAtPost = edt == null ? -1 : busyNanos(edt.getId());
        SwingUtilities.invokeLater(
            () -> {
              eventThread = Thread.currentThread();
              if (now >= measuredFrom && !pendingWhileIdle) {
                worstNanos.accumulateAndGet(System.nanoTime() - now, Math::max);
              }
              if (now >= measuredFrom && cpuAtPost >= 0) {
                long busy = busyNanos(Thread.currentThread().getId()) - cpuAtPost;
                worstBusyNanos.accumulateAndGet(busy, Math::max);
              }
              pendingSince = 0;
            });
      } else if (eventThread != null && now - since > IDLE_CHECK_NANOS && isIdle(eventThread)) {
        // The event thread waits for events while ours is queued: the machine did not run it
        // (other processes, a garbage collection), nothing in the program kept it busy.
        pendingWhileIdle = true;
      } else if (!reported && now - since > REPORT_NANOS && eventThread != null) {
        reported = true;
        StringBuilder stack = new StringBuilder();
        StackTraceElement[] frames = eventThread.getStackTrace();
        // The innermost frames, then only this program's and the chart library's.
        for (int i = 0; i < frames.length; i++) {
          String frame = frames[i].toString();
          if (i < 3 || frame.contains("cnnexplainer") || frame.contains("jfree")) {
            stack.append("\n    at ").append(frame);
          }
        }
        System.err.printf(
            "cnn-explainer watchdog: event thread busy for %d ms:%s%n",
            (now - since) / 1_000_000, stack);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** CPU time plus time blocked on monitors of thread {@code id} so far, in nanoseconds. */
  private static long busyNanos(long id) {
    long cpu = Math.max(0, THREADS.getThreadCpuTime(id));
    ThreadInfo info = THREADS.getThreadInfo(id, 0);
    long blockedMillis = info == null ? 0 : Math.max(0, info.getBlockedTime());
    return cpu + blockedMillis * 1_000_000;
  }

  /** Whether {@code thread} is waiting for the next event (not running any). */
  private static boolean isIdle(Thread thread) {
    if (thread.getState() == Thread.State.RUNNABLE) {
      return false;
    }
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().equals("java.awt.EventQueue")
          && frame.getMethodName().equals("getNextEvent")) {
        return true;
      }
    }
    return false;
  }

  /** The worst delay since the last reset, in milliseconds. */
  double worstMillis() {
    return worstNanos.get() / 1e6;
  }

  /** The event thread's worst CPU plus blocked time while a probe waited, since the reset (ms). */
  double worstBusyMillis() {
    return worstBusyNanos.get() / 1e6;
  }

  /** Starts a new measurement: only events posted from now on count. */
  void reset() {
    measuredFrom = System.nanoTime();
    worstNanos.set(0);
    worstBusyNanos.set(0);
  }

  void stop() {
    running = false;
  }
}
