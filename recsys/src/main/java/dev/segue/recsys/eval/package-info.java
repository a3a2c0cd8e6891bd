/**
 * Evaluation: next-item metrics with Transformers4Rec's semantics ({@link dev.segue.recsys.eval.NextItemMetrics};
 * several targets use the textbook IDCG over min(R, k) positions, unlike Transformers4Rec's own code),
 * the RTA playlist-continuation metrics ({@link dev.segue.recsys.eval.ContinuationMetrics}), summaries with
 * Student-t 95% intervals, per-group breakdowns and paired t-tests ({@link dev.segue.recsys.eval.QueryScores}),
 * scoring of RECS/TRUTH files from any system ({@link dev.segue.recsys.eval.FileEvaluation}), and the
 * batched full-catalogue top-k ({@link dev.segue.recsys.eval.TopK}) over a pluggable
 * {@link dev.segue.recsys.eval.ScoreBlock}.
 */
package dev.segue.recsys.eval;
