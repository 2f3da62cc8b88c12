package org.cnnexplainer.demo.app;

import java.awt.AWTEvent;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Toolkit;
import java.awt.Window;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.swing.JPopupMenu;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * Test support for long sessions: when the system property {@value #PROPERTY} names a folder, the
 * application started by {@link InstrumentedLauncher} records every uncaught exception (any thread,
 * including every exception thrown while dispatching an event) to {@code exceptions.txt} there, and
 * answers commands a soak test writes to {@code command.txt} ({@code ID heap}: used heap after
 * garbage collection, in bytes; {@code ID resize W H}: resizes the window and moves it to the
 * screen's top-left corner; {@code ID idle}: answers once the event queue has drained) in {@code
 * reply.txt} as {@code ID answer}. Off (and free) otherwise.
 */
final class TestHooks {
  static final String PROPERTY = "cnnexplainer.testHooks";
  private final Path dir;
  private final Window window;
  private final Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final RecordingQueue queue = new RecordingQueue();
  private final Timer poll = new Timer(20, e -> poll());
  private Thread.UncaughtExceptionHandler previousHandler;

  TestHooks(Path dir, Window window) {
    this.dir = dir;
    this.window = window;
  }

  /** Installs the hooks for {@code frame} if the property is set; call on the event thread. */
  static void installIfRequested(Window frame) {
    String path = System.getProperty(PROPERTY);
    if (path != null && !path.isBlank()) {
      new TestHooks(Path.of(path), frame).install();
    }
  }

  void install() {
    previousHandler = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> record(thread.getName(), e));
    // An exception while dispatching reaches the default handler too, but a wrapper also sees
    // those the event thread would swallow or log itself.
    Toolkit.getDefaultToolkit().getSystemEventQueue().push(queue);
    poll.start();
  }

  /** Undoes {@link #install()} (for tests of the hooks themselves). */
  void uninstall() {
    poll.stop();
    queue.remove();
    Thread.setDefaultUncaughtExceptionHandler(previousHandler);
  }

  /** The event queue that records what dispatching throws. */
  private final class RecordingQueue extends EventQueue {
    @Override
    protected void dispatchEvent(AWTEvent event) {
      try {
        super.dispatchEvent(event);
      } catch (RuntimeException | Error e) {
        record(Thread.currentThread().getName() + " dispatching " + event, e);
        throw e;
      }
    }

    void remove() {
      pop();
    }
  }

  private synchronized void record(String where, Throwable e) {
    if (!seen.add(e)) {
      return;
    }
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    try {
      Files.writeString(
          dir.resolve("exceptions.txt"),
          "uncaught in " + where + ": " + text + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException io) {
      System.err.println("cnn-explainer: cannot record an exception: " + io.getMessage());
    }
    System.err.println("uncaught in " + where + ": " + text);
  }

  private void poll() {
    Path command = dir.resolve("command.txt");
    String line;
    try {
      line = Files.readString(command, StandardCharsets.UTF_8).trim();
      Files.delete(command);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      return; // being written; read it next time
    }
    String[] words = line.split("\\s+");
    if (words.length > 1 && words[1].equals("idle")) {
      // Queued twice so that the repaints the earlier events asked for have run as well.
      SwingUtilities.invokeLater(() -> SwingUtilities.invokeLater(() -> reply(words[0], "idle")));
      return;
    }
    String answer;
    try {
      answer =
          switch (words[1]) {
            case "heap" -> Long.toString(usedHeapAfterGc());
            case "popups" -> Integer.toString(showingPopups());
            case "resize" -> { // at the screen's top-left corner, so all of it is on screen
              window.setBounds(0, 0, Integer.parseInt(words[2]), Integer.parseInt(words[3]));
              window.validate();
              yield window.getWidth() + " " + window.getHeight();
            }
            default -> "error: unknown command " + words[1];
          };
    } catch (RuntimeException e) {
      answer = "error: " + e;
    }
    reply(words[0], answer);
  }

  /**
   * How many popup menus (a combo box's list among them) and modal dialogs (a weight's value) are
   * on screen: each takes the clicks meant for the window below.
   */
  private static int showingPopups() {
    int n = 0;
    for (Window w : Window.getWindows()) {
      if (w.isShowing()) {
        n += (w instanceof Dialog d && d.isModal() ? 1 : 0) + showingPopups(w);
      }
    }
    return n;
  }

  private static int showingPopups(Component c) {
    int n = c instanceof JPopupMenu && c.isShowing() ? 1 : 0;
    if (c instanceof Container container) {
      for (Component child : container.getComponents()) {
        n += showingPopups(child);
      }
    }
    return n;
  }

  private void reply(String id, String answer) {
    try {
      Path partial = dir.resolve("reply.txt.part");
      Files.writeString(partial, id + " " + answer, StandardCharsets.UTF_8);
      Files.move(
          partial,
          dir.resolve("reply.txt"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      System.err.println("cnn-explainer: cannot answer a test command: " + e.getMessage());
    }
  }

  /**
   * The heap in use right after a full collection: the sum of every heap pool's usage as the last
   * collection left it (what is live), the least of three collections. Reading the current usage
   * instead would count whatever the event thread and timers allocated since, several MB of noise.
   */
  private static long usedHeapAfterGc() {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      long live = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        MemoryUsage afterGc = pool.getCollectionUsage();
        if (pool.getType() == MemoryType.HEAP && afterGc != null) {
          live += afterGc.getUsed();
        }
      }
      least = Math.min(least, live);
    }
    return least;
  }
}
