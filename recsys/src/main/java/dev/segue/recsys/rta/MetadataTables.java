package dev.segue.recsys.rta;

import dev.segue.core.Tensor;
import dev.segue.nn.Module;
import dev.segue.nn.layers.Embedding;

/**
 * The four embedding tables the FM and NN representers share: song [V, d], artist, album and
 * popularity bucket [G+1, d]. Each group row starts as the mean of its songs' initial vectors (the MF
 * item factors in the study), so at initialisation a group vector sits among its songs — as the
 * reference's {@code create_side_embeddings} does (empty groups, e.g. unused popularity buckets, start
 * at 0 as the reference's NaN → 0). The item → group map travels with the weights as the int64 buffer
 * {@code group_of} [3, V] (artist, album, pop), so a checkpoint alone rebuilds the representer.
 */
final class MetadataTables extends Module {
    static final String[] KINDS = {"artist", "album", "pop"};
    final Embedding song;
    final Embedding[] groups = new Embedding[3];
    final int[][] groupOf;
    final int items, dim;

    /** songInit [V, d] (row 0 padding). */
    MetadataTables(Tensor songInit, ItemGroups g) {
        items = songInit.size(0);
        dim = songInit.size(1);
        if (g.artist().length != items) throw new IllegalArgumentException("item groups cover " + g.artist().length + " ids, embeddings " + items);
        song = registerModule("song", Embedding.fromPretrained(songInit, false, 0));
        groupOf = g.byKind();
        registerBuffer("group_of", g.toTensor());
        float[] s = songInit.contiguous().toFloatArray();
        int[] rows = g.rows();
        for (int k = 0; k < 3; k++) {
            float[] t = new float[rows[k] * dim];
            int[] count = new int[rows[k]];
            for (int d = 1; d < items; d++) {
                int r = groupOf[k][d];
                count[r]++;
                for (int c = 0; c < dim; c++) t[r * dim + c] += s[d * dim + c];
            }
            for (int r = 1; r < rows[k]; r++) if (count[r] > 0) for (int c = 0; c < dim; c++) t[r * dim + c] /= count[r];
            groups[k] = registerModule(KINDS[k], Embedding.fromPretrained(Tensor.of(t, rows[k], dim), false, 0));
        }
    }

    /** The 4 token vectors of ids [...]: song, artist, album, pop, each [..., d]. */
    Tensor[] tokens(Tensor ids) {
        long[] v = ids.toLongArray();
        Tensor[] out = new Tensor[4];
        out[0] = song.forward(ids);
        for (int k = 0; k < 3; k++) {
            long[] gid = new long[v.length];
            for (int i = 0; i < v.length; i++) gid[i] = groupOf[k][(int) v[i]];
            out[k + 1] = groups[k].forward(Tensor.ofLongs(gid, ids.shape()));
        }
        return out;
    }

    Tensor allIds() {
        long[] a = new long[items];
        for (int i = 0; i < items; i++) a[i] = i;
        return Tensor.ofLongs(a, items);
    }
}
