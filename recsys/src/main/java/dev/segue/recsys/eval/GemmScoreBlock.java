package dev.segue.recsys.eval;

import dev.segue.core.cpu.gemm.Gemm;

/**
 * Scoring through the engine's packed GEMM: the block is queries [rows, d] · items[itemFrom …]ᵀ. The
 * default scorer; {@link PlainScoreBlock} stays as the portable reference it is tested against.
 */
public final class GemmScoreBlock implements ScoreBlock {
    public static final GemmScoreBlock INSTANCE = new GemmScoreBlock();

    private GemmScoreBlock() {}

    @Override
    public void scores(float[] q, int qOff, int rows, float[] items, int itemFrom, int itemCount, int d, float[] out, int ldOut) {
        Gemm.sgemm(false, true, rows, itemCount, d, 1f, q, qOff, d, items, itemFrom * d, d, 0f, out, 0, ldOut);
    }
}
