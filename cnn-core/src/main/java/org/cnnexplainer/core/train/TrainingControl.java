package org.cnnexplainer.core.train;

/**
 * Pause, single step and stop for a running {@link Trainer#train}, and requests for a copy of the
 * current weights. Any thread (a GUI's event thread) may call the public methods; the training
 * thread checks them between batches, so each takes effect before the next batch starts. None of
 * them blocks.
 */
public final class TrainingControl {
  private boolean paused;
  private boolean stopped;
  private int steps;
  private boolean weightsWanted;

  /** Holds training before the next batch until {@link #resume}, {@link #step} or {@link #stop}. */
  public synchronized void pause() {
    paused = true;
    steps = 0;
    notifyAll();
  }

  /** Lets a paused run go on. */
  public synchronized void resume() {
    paused = false;
    notifyAll();
  }

  /**
   * While paused: runs one more batch, then holds again; the listener then gets that batch's
   * progress and the weights after it ({@link TrainingListener#weights}). Ignored while running.
   */
  public synchronized void step() {
    if (paused && !stopped) {
      steps++;
      weightsWanted = true;
      notifyAll();
    }
  }

  /**
   * Ends the run before the next batch (also while paused); {@code train} then returns as after an
   * interruption, with the best weights so far.
   */
  public synchronized void stop() {
    stopped = true;
    notifyAll();
  }

  /** Asks for {@link TrainingListener#weights} after the next batch. */
  public synchronized void requestWeights() {
    weightsWanted = true;
  }

  /** {@return whether the run is paused (it may still finish the batch it is in)} */
  public synchronized boolean isPaused() {
    return paused;
  }

  /** {@return whether {@link #stop} was called} */
  public synchronized boolean isStopped() {
    return stopped;
  }

  /**
   * Called by the trainer before each batch: waits while paused without a granted step.
   *
   * @return {@code false} when the run is to stop
   */
  synchronized boolean awaitTurn() throws InterruptedException {
    while (paused && steps == 0 && !stopped) {
      wait();
    }
    if (stopped) {
      return false;
    }
    if (paused) {
      steps--;
    }
    return true;
  }

  /** Called by the trainer after each batch: whether weights were asked for (and clears it). */
  synchronized boolean takeWeightsRequest() {
    boolean wanted = weightsWanted;
    weightsWanted = false;
    return wanted;
  }
}
