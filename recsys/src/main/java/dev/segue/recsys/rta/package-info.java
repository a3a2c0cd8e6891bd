/**
 * RTA (Represent-Then-Aggregate, Bendada et al., SIGIR 2023) as its reference code trains it.
 *
 * <ul>
 *   <li>{@link dev.segue.recsys.rta.Representer}s: {@code random}, {@code mf} (WRMF item factors,
 *       {@link dev.segue.recsys.baselines.Wrmf}), {@code fm} (mean of song, artist, album, popularity-bucket
 *       vectors), {@code nn} (a transformer layer over those 4 tokens + learned weighted sum),
 *       {@code pretrained} (e.g. mfcc-stats audio embeddings) — {@link dev.segue.recsys.rta.RepresenterSpec}.</li>
 *   <li>Aggregator: {@link dev.segue.nn.attention.RtaDecoderLayer} with the reference code's right-aligned
 *       positions ({@link dev.segue.nn.attention.RtaDecoderLayer#forwardRightAligned}): with the batch's
 *       padded length T &lt; max_len the columns get positions max_len−T … max_len−1, so in evaluation
 *       (unpadded seeds) the last seed always sits at position max_len−1; in training, sessions shorter
 *       than the batch's longest window are right-padded and their last song does not (the reference
 *       code's behaviour, kept).</li>
 *   <li>Loss: {@link dev.segue.recsys.rta.RtaLoss} (its javadoc lists where it deviates from the paper's
 *       formula: negatives shared per window and scored against the mean prefix representation, means
 *       instead of sums, hard negatives chosen without gradient and possibly equal to easy ones).</li>
 *   <li>Settings: {@link dev.segue.recsys.rta.RtaOptions#defaults(String)} are the reference's tuned values per
 *       representer (best_params_rta.json); WRMF as {@link dev.segue.recsys.baselines.WrmfOptions}; item groups
 *       and popularity buckets as {@link dev.segue.recsys.rta.ItemGroups}. Where Segue deviates from the
 *       reference, the class that implements the piece says so: RtaOptions (random / pretrained settings),
 *       ItemGroups (no duration token, x_max, counts), NnRepresenter (4 tokens), RtaBatcher (window start,
 *       negative sampling), RtaLoss (vs the paper), RtaTrainer (validation-selected epoch), WrmfOptions (init).</li>
 *   <li>Training: {@link dev.segue.recsys.rta.RtaTrainer}; batches from {@link dev.segue.recsys.rta.RtaBatcher}
 *       depend only on (seed, epoch), the dropout generator is checkpointed, so {@code --resume} after a
 *       kill at any point ends bit-identical to an uninterrupted run with the same thread count.</li>
 *   <li>Evaluation: {@link dev.segue.recsys.rta.RtaEvaluator} — the RTA protocol (groups of 1…10 seeds,
 *       500 recommendations, seeds excluded) with the study's NDCG/MAP/Recall@10/20 and the RTA metrics.</li>
 * </ul>
 *
 * <p>Timing one training step (for {@code segue bench train-step --model rta}): build an
 * {@link dev.segue.recsys.rta.RtaModel} (e.g. {@code EmbeddingRepresenter.random(100_001, 128, 0.05, rng)},
 * 8 heads, FFN 4096, max_len 11), an {@link dev.segue.recsys.rta.RtaTrainer} with
 * {@code RtaOptions.defaults()}, batches from {@code new RtaBatcher(csr, 100_001, 11, 50, 128, seed).epoch(0)}
 * (50 negative candidates, as the benchmark states; the MF reference setting is 1000),
 * warm up a few {@code trainer.step(batch)} calls, then time further calls; sessions/s = 128 / seconds per step.
 */
package dev.segue.recsys.rta;
