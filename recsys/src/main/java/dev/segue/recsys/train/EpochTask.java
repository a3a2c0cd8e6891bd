package dev.segue.recsys.train;

import dev.segue.core.Rng;
import dev.segue.nn.Module;
import dev.segue.nn.optim.Optimizer;

import java.util.Map;

/**
 * What a model contributes to {@link TrainingLoop}: its parameters, optimizer and random generators
 * (all checkpointed), one epoch of training, and evaluation of a split.
 */
public interface EpochTask {
    Module model();

    Optimizer optimizer();

    /** Every generator whose state must survive a resume (shuffling, masking, dropout, …), by a stable name. */
    Map<String, Rng> rngs();

    /** Sets the learning-rate schedule to global optimizer step {@code step} (after a resume). */
    void resumeAt(long step);

    /** One pass over the training data; returns the mean training loss. */
    double trainEpoch(int epoch);

    /** Metric name → value on split "valid" or "test" (names like ndcg@20). */
    Map<String, Double> evaluate(String split);
}
