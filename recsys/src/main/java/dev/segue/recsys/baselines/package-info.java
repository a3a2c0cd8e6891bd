/** Baselines: WRMF / implicit ALS with conjugate-gradient row solves ({@link dev.segue.recsys.baselines.Wrmf}). */
package dev.segue.recsys.baselines;
