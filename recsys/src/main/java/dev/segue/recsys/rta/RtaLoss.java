package dev.segue.recsys.rta;

import dev.segue.core.Tensor;
import dev.segue.core.autograd.Grad;

/**
 * The training loss of the RTA reference code on one batch (x [B, L] right-padded, candidates [B, N]):
 * <pre>
 *   e = represent(x);  h = aggregate(e[:, :L−1])                    h_t summarises songs 0…t
 *   m_bt = [x[b, t+1] ≠ 0]                                          valid next-song targets
 *   pos  = mean_b ( Σ_t m_bt · −log σ(⟨h_bt, e_b,t+1⟩) / Σ_t m_bt )
 *   h̄_b = Σ_t m_bt h_bt / Σ_t m_bt                                 mean prefix representation
 *   neg  = mean_{b,j} −log σ(−⟨h̄_b, e(n_bj)⟩),   n_b = cand_b[:n_easy] ++ top-n_hard of cand_b by ⟨h̄_b, e(·)⟩
 * </pre>
 * loss = pos + neg. Differences from the RTA paper (Bendada et al. 2023, eq. 3), which sums, for every
 * prefix, −log σ(⟨h, e(next)⟩) − Σ_neg log σ(−⟨h, e(neg)⟩) with negatives scored against that prefix's
 * own h: here (as in the reference code) negatives are shared by all prefixes of a window and scored
 * against their mean h̄; both terms are means (so the positive term weighs as much as all negatives
 * together); the hard-negative choice is made on the same h̄ with no gradient through the selection;
 * easy and hard negatives may coincide.
 */
public final class RtaLoss {
    private RtaLoss() {}

    /** The scalar loss and the negatives chosen ([B, n_easy + n_hard] item ids, for checks). */
    public record Result(Tensor loss, Tensor positive, Tensor negative, long[] negatives) {}

    public static Result compute(RtaModel model, RtaBatch batch, int nEasy, int nHard) {
        int b = batch.size(), l = batch.length(), t = l - 1, n = batch.nNeg();
        Representer rep = model.representer();
        long[] x = batch.x();
        long[] pad = new long[b * t];
        float[] valid = new float[b * t];
        for (int i = 0; i < b; i++)
            for (int s = 0; s < t; s++) {
                pad[i * t + s] = x[i * l + s] == 0 ? 1 : 0;
                valid[i * t + s] = x[i * l + s + 1] != 0 ? 1f : 0f;
            }
        Tensor e = rep.forward(Tensor.ofLongs(x, b, l));                       // [B, L, d]
        Tensor input = e.narrow(1, 0, t), target = e.narrow(1, 1, t);        // [B, T, d]
        Tensor h = model.aggregate(input, Tensor.ofLongs(pad, b, t));       // [B, T, d]
        Tensor m = Tensor.of(valid, b, t);
        Tensor count = m.sum(1, true);                                       // [B, 1]
        Tensor posTerm = h.mul(target).sum(-1, false).logsigmoid().neg();   // [B, T]
        Tensor positive = posTerm.mul(m).sum(1, true).div(count).mean();
        Tensor hBar = h.mul(m.unsqueeze(-1)).sum(1, false).div(count);       // [B, d]

        long[] negIds = chooseNegatives(rep, hBar, batch.candidates(), b, n, nEasy, nHard);
        int k = nEasy + nHard;
        Tensor negReps = rep.forward(Tensor.ofLongs(negIds, b, k));          // [B, K, d]
        Tensor negScore = negReps.mul(hBar.unsqueeze(1)).sum(-1, false);    // [B, K]
        Tensor negative = negScore.neg().logsigmoid().neg().mean();
        return new Result(positive.add(negative), positive, negative, negIds);
    }

    /** First n_easy candidates, then the n_hard candidates with the highest ⟨h̄_b, e(c)⟩ (ties: lower position first). */
    static long[] chooseNegatives(Representer rep, Tensor hBar, long[] cand, int b, int n, int nEasy, int nHard) {
        int k = nEasy + nHard;
        long[] out = new long[b * k];
        long[] hardPos = null;
        if (nHard > 0) {
            try (var g = Grad.off()) {
                Tensor scores = rep.scores(Tensor.ofLongs(cand, b, n), hBar.detach());     // [B, N]
                hardPos = scores.topk(nHard, true)[1].toLongArray();                       // [B, n_hard] positions
            }
        }
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < nEasy; j++) out[i * k + j] = cand[i * n + j];
            for (int j = 0; j < nHard; j++) out[i * k + nEasy + j] = cand[i * n + (int) hardPos[i * nHard + j]];
        }
        return out;
    }
}
