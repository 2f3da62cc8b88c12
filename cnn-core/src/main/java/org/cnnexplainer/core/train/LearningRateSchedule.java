package org.cnnexplainer.core.train;

/**
 * A factor applied to the optimizer's learning rate, as a function of training progress {@code
 * epochs done so far (fractional) / total epochs}, in [0, 1).
 */
@FunctionalInterface
public interface LearningRateSchedule {
  /**
   * {@return the factor at {@code progress} in [0, 1)}
   *
   * @param progress epochs done (fractional) divided by the total, in [0, 1)
   */
  double factor(double progress);

  /**
   * Always 1.
   *
   * @return the schedule that keeps the optimizer's rate: always 1
   */
  static LearningRateSchedule constant() {
    return progress -> 1;
  }

  /**
   * {@return cosine decay from 1 to {@code floor}: {@code floor + (1 - floor) * (1 + cos(pi *
   * progress)) / 2}}
   *
   * @param floor the factor at the end of training, in [0, 1]
   */
  static LearningRateSchedule cosine(double floor) {
    if (!(floor >= 0 && floor <= 1)) {
      throw new IllegalArgumentException("cosine floor must be in [0, 1], got " + floor);
    }
    return progress -> floor + (1 - floor) * (1 + Math.cos(Math.PI * progress)) / 2;
  }

  /**
   * Multiplies by {@code factor} at each of {@code steps} equal stages of training.
   *
   * @param steps the number of equal stages, at least 1
   * @param factor the multiplier per stage, in (0, 1]
   * @return a schedule with {@code factor^stage} in stage {@code 0 .. steps - 1}
   */
  static LearningRateSchedule step(int steps, double factor) {
    if (steps < 1 || !(factor > 0)) {
      throw new IllegalArgumentException(
          "step schedule needs steps >= 1 and factor > 0, got " + steps + " and " + factor);
    }
    return progress -> Math.pow(factor, Math.floor(progress * steps));
  }
}
