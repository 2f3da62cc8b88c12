package org.cnnexplainer.demo.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.train.Architectures;
import org.cnnexplainer.core.train.Dataset;
import org.cnnexplainer.core.train.EpochResult;
import org.cnnexplainer.core.train.Trainer;
import org.cnnexplainer.core.train.TrainingControl;
import org.cnnexplainer.core.train.TrainingListener;
import org.cnnexplainer.core.train.TrainingResult;
import org.cnnexplainer.viz.training.BatchSmoother;
import org.cnnexplainer.viz.training.CurvePoint;

/**
 * One training run of the Lab on its own thread. The trainer's listener never touches Swing: it
 * only leaves points, epochs, the latest progress and (about once a second) a copy of the weights
 * with the probe image's trace in thread-safe hand-over slots, which the window {@link #drain
 * drains} on a Swing timer; the views draw their pictures on a background thread. So the event
 * thread never waits for training, and training never waits for painting.
 */
final class LabRun {
  /** Weights copies at most this often while running (a copy and a probe trace cost little). */
  private static final long WEIGHTS_EVERY_NANOS = 1_000_000_000L;

  private static final int WEIGHTS_EVERY_BATCHES = 300;

  /** The current weights after a batch, with the probe image traced through them. */
  record Weights(Network network, ActivationTrace probe, TrainingListener.BatchProgress at) {}

  /** What arrived since the last {@link #drain}. */
  record Update(
      List<CurvePoint> points,
      List<EpochResult> epochs,
      TrainingListener.BatchProgress progress,
      Weights weights) {}

  final LabData data;
  final LabSettings settings;
  final LabData.Split split;
  final TrainingControl control = new TrainingControl();
  final int threads;
  final Tensor probe;

  /** The untrained network the run starts from. */
  final Network initial;

  private final Queue<CurvePoint> points = new ConcurrentLinkedQueue<>();
  private final Queue<EpochResult> epochs = new ConcurrentLinkedQueue<>();
  private final AtomicReference<TrainingListener.BatchProgress> progress = new AtomicReference<>();
  private final AtomicReference<Weights> weights = new AtomicReference<>();
  private final AtomicReference<TrainingListener.TrainingPlan> plan = new AtomicReference<>();
  private final List<CurvePoint> allPoints = new ArrayList<>();
  private final List<EpochResult> allEpochs = new ArrayList<>();
  private volatile TrainingResult result;
  private volatile Throwable failure;
  private Thread thread;
  private volatile boolean ended;

  LabRun(LabData data, LabSettings settings, int threads) {
    this.data = data;
    this.settings = settings;
    this.threads = threads;
    this.split = data.split(settings.validationShare(), settings.seed());
    Dataset shown = evaluationSet();
    this.probe = shown.image(0);
    this.initial =
        Architectures.tinyVgg(
            data.all().imageShape(), data.all().classLabels(), settings.filters(), settings.seed());
  }

  /** What the run is evaluated on: the test set, else the validation images. */
  Dataset evaluationSet() {
    return data.test() != null ? data.test() : split.validation();
  }

  /** In words, for the model card ("the 10,000 Fashion-MNIST test images"). */
  String evaluationName() {
    return data.test() != null
        ? String.format("the %,d Fashion-MNIST test images", data.test().size())
        : String.format(
            "the %,d validation images held out from %s", split.validation().size(), data.name());
  }

  /** A name for image {@code index} of the {@link #evaluationSet()}. */
  String evaluationImageName(int index) {
    return data.test() != null
        ? "test image " + (index + 1)
        : data.imageName(split.validationIndices()[index]);
  }

  /** Starts training on a new thread; {@code finished} runs on the event thread at the end. */
  void start(Runnable finished) {
    Trainer trainer = new Trainer(settings.trainerSettings(threads));
    thread =
        new Thread(
            () -> {
              try {
                result =
                    trainer.train(
                        initial,
                        split.training(),
                        split.validation().size() > 0 ? split.validation() : null,
                        new Listener(),
                        control);
              } catch (Throwable t) {
                failure = t;
              }
              ended = true;
              SwingUtilities.invokeLater(finished);
            },
            "cnn-lab-trainer");
    thread.setDaemon(true);
    // Below the event thread, so painting gets the core it asks for at once.
    thread.setPriority(Thread.NORM_PRIORITY - 1);
    thread.start();
  }

  /**
   * Takes what arrived since the last call (call on the event thread): the curve points and epochs
   * when {@code curves}, the newest weights when {@code weights}; the rest waits.
   */
  Update drain(boolean curves, boolean weights) {
    List<CurvePoint> newPoints = new ArrayList<>();
    List<EpochResult> newEpochs = new ArrayList<>();
    if (curves) {
      for (CurvePoint p = points.poll(); p != null; p = points.poll()) {
        newPoints.add(p);
      }
      for (EpochResult e = epochs.poll(); e != null; e = epochs.poll()) {
        newEpochs.add(e);
      }
      allPoints.addAll(newPoints);
      allEpochs.addAll(newEpochs);
    }
    return new Update(
        newPoints, newEpochs, progress.get(), weights ? this.weights.getAndSet(null) : null);
  }

  /** Every point and epoch drained so far. */
  List<CurvePoint> points() {
    return List.copyOf(allPoints);
  }

  List<EpochResult> epochs() {
    return List.copyOf(allEpochs);
  }

  /** The latest batch report, or {@code null} before the first. */
  TrainingListener.BatchProgress lastProgress() {
    return progress.get();
  }

  TrainingListener.TrainingPlan plan() {
    return plan.get();
  }

  /** The result once finished, else {@code null}. */
  TrainingResult result() {
    return result;
  }

  /** Why the run failed, or {@code null}. */
  Throwable failure() {
    return failure;
  }

  /** The first convolution of {@code network}, whose kernels the filmstrip shows. */
  static Optional<Conv2D> firstConvolution(Network network) {
    for (Layer layer : network.layers()) {
      if (layer instanceof Conv2D conv) {
        return Optional.of(conv);
      }
    }
    return Optional.empty();
  }

  /** From creation (a run is made to be started) until training has ended. */
  boolean isRunning() {
    return !ended;
  }

  /** Receives the trainer's events on the training thread; see the class comment. */
  private final class Listener implements TrainingListener {
    private final BatchSmoother smoother = new BatchSmoother(0.6);
    private long lastWeights = System.nanoTime();
    private int batchesSinceWeights;

    @Override
    public void trainingStarted(TrainingPlan p) {
      plan.set(p);
    }

    @Override
    public void batchFinished(BatchProgress p) {
      smoother.add(p).ifPresent(points::add);
      progress.set(p);
      long now = System.nanoTime();
      if (++batchesSinceWeights >= WEIGHTS_EVERY_BATCHES
          || now - lastWeights >= WEIGHTS_EVERY_NANOS
          || p.batch() == p.batches()) {
        control.requestWeights();
      }
    }

    @Override
    public void weights(Network current, BatchProgress at) {
      lastWeights = System.nanoTime();
      batchesSinceWeights = 0;
      weights.set(new Weights(current, current.trace(probe), at));
    }

    @Override
    public void epochFinished(EpochResult r) {
      epochs.add(r);
    }
  }
}
