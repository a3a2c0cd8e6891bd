package dev.segue.recsys.rta;

import dev.segue.core.Rng;
import dev.segue.core.Tensor;
import dev.segue.recsys.baselines.BinaryMatrix;
import dev.segue.recsys.baselines.Wrmf;
import dev.segue.recsys.baselines.WrmfOptions;
import dev.segue.recsys.embed.ItemEmbeddings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which representer to build and from what: {@code random} (N(0, initStd²), width {@code dim}),
 * {@code mf} (WRMF item factors on the RTA training sessions, width = factors), {@code fm} / {@code nn}
 * (song vectors from MF plus artist / album / popularity groups; need {@code music4all} for albums),
 * {@code pretrained} (an embedding table, e.g. mfcc-stats audio embeddings, width = its width).
 * {@code popBuckets} and {@code maxPop}: the log popularity buckets of {@link ItemGroups} (reference: 100
 * buckets; {@code maxPop} ≤ 0 = the corpus' largest count).
 */
public record RepresenterSpec(String kind, int dim, Path embeddings, Path ids, boolean allowMissing, boolean freeze,
                              Path music4all, int popBuckets, long maxPop, WrmfOptions wrmf) {

    public static final java.util.List<String> KINDS = java.util.List.of("random", "mf", "fm", "nn", "pretrained");

    public RepresenterSpec {
        kind = kind.toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("unknown representer '" + kind + "' (" + String.join(", ", KINDS) + ")");
        if (kind.equals("pretrained") && (embeddings == null || ids == null))
            throw new IllegalArgumentException("the pretrained representer needs --embeddings E.npy and --ids ids.txt");
        if ((kind.equals("fm") || kind.equals("nn")) && music4all == null)
            throw new IllegalArgumentException("the " + kind + " representer needs --music4all DIR (album names in id_information.csv)");
    }

    /**
     * Builds the representer for the corpus; {@code rng} draws random table rows, {@code moduleRng}
     * initialises the NN mixer and then drives its dropout (the generator the trainer checkpoints).
     */
    public Representer build(RtaCorpus corpus, RtaOptions o, Rng rng, Rng moduleRng, Consumer<String> log) {
        int v = corpus.items();
        switch (kind) {
            case "random":
                return EmbeddingRepresenter.random(v, dim, o.initStd(), rng);
            case "pretrained": {
                ItemEmbeddings e = ItemEmbeddings.readNpy(embeddings, ids);
                ItemEmbeddings.Aligned a = e.alignTo(corpus.trackIds(), allowMissing, rng, o.initStd());
                if (a.missing() > 0) log.accept(a.missing() + " items have no embedding and got random rows, e.g. " + a.missingExamples());
                return EmbeddingRepresenter.pretrained(a.table(), freeze);
            }
            default: {
                Tensor mf = mf(corpus, log);
                if (kind.equals("mf")) return EmbeddingRepresenter.pretrained(mf, freeze);
                ItemGroups g = ItemGroups.of(corpus, music4all, popBuckets, maxPop);
                log.accept(String.format(Locale.ROOT, "item groups: %d artists, %d albums, %d popularity buckets", g.artists(), g.albums(), g.buckets()));
                if (kind.equals("fm")) return new FmRepresenter(mf, g);
                return new NnRepresenter(mf, g, o.nnHeads(), o.nnFfn(), o.nnDropout(), o.layerNormEps(), moduleRng);
            }
        }
    }

    /**
     * A representer of the given kind shaped like the {@code representer.*} entries of a checkpoint's
     * state (and initialised from them), ready for {@code Checkpoint.restore}: no WRMF, corpus or
     * metadata files are needed (the FM/NN item groups travel in the checkpoint).
     */
    public static Representer forCheckpoint(String kind, boolean freeze, Map<String, Tensor> state, RtaOptions o) {
        switch (kind) {
            case "random", "mf", "pretrained":
                return EmbeddingRepresenter.pretrained(entry(state, "representer.embedding.weight"), freeze);
            case "fm", "nn": {
                String p = "representer.tables.";
                ItemGroups g = ItemGroups.fromTensor(entry(state, p + "group_of"), entry(state, p + "artist.weight").size(0) - 1,
                        entry(state, p + "album.weight").size(0) - 1, entry(state, p + "pop.weight").size(0) - 1);
                Tensor song = entry(state, p + "song.weight");
                if (kind.equals("fm")) return new FmRepresenter(song, g);
                return new NnRepresenter(song, g, o.nnHeads(), o.nnFfn(), o.nnDropout(), o.layerNormEps(), new Rng(0));
            }
            default:
                throw new IllegalArgumentException("unknown representer '" + kind + "' (" + String.join(", ", KINDS) + ")");
        }
    }

    private static Tensor entry(Map<String, Tensor> state, String key) {
        Tensor t = state.get(key);
        if (t == null) throw new IllegalArgumentException("the checkpoint has no '" + key + "' (written by an older Segue, or not this representer's)");
        return t;
    }

    Tensor mf(RtaCorpus corpus, Consumer<String> log) {
        BinaryMatrix m = BinaryMatrix.of(corpus.train(), corpus.items());
        long t0 = System.nanoTime();
        Wrmf w = Wrmf.fit(m, wrmf, it -> log.accept(String.format(Locale.ROOT, "wrmf iteration %d/%d", it, wrmf.iterations())));
        log.accept(String.format(Locale.ROOT, "wrmf: %d factors on %,d sessions × %,d items (%,d ones) in %.1f s",
                wrmf.factors(), m.rows(), m.columns() - 1, m.nnz(), (System.nanoTime() - t0) / 1e9));
        return Tensor.of(w.itemFactors().clone(), corpus.items(), wrmf.factors());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        if (kind.equals("random")) m.put("dim", dim);
        if (embeddings != null) m.put("embeddings", embeddings.toString());
        if (ids != null) m.put("ids", ids.toString());
        m.put("allow_missing", allowMissing);
        m.put("freeze", freeze);
        if (music4all != null) m.put("music4all", music4all.toString());
        m.put("pop_buckets", popBuckets);
        m.put("max_pop", maxPop);
        if (!kind.equals("random") && !kind.equals("pretrained")) m.put("wrmf", wrmf.toJson());
        return m;
    }
}
