package dev.segue.recsys.eval;

/**
 * Computes one block of query–item scores: {@code out[r * ldOut + j] = dot(query r, item itemFrom + j)}
 * for r < rows and j < itemCount, with queries [rows, d] starting at {@code qOff} and items [·, d], both
 * row-major. This is a GEMM with B transposed; {@link PlainScoreBlock} is the portable implementation and
 * the engine's GEMM can be plugged in as {@code sgemm(false, true, rows, itemCount, d, 1, q, qOff, d,
 * items, itemFrom * d, d, 0, out, 0, ldOut)}.
 */
@FunctionalInterface
public interface ScoreBlock {
    void scores(float[] queries, int qOff, int rows, float[] items, int itemFrom, int itemCount, int d, float[] out, int ldOut);
}
