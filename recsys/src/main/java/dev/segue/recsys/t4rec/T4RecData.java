package dev.segue.recsys.t4rec;

import dev.segue.recsys.data.SessionCsr;
import dev.segue.recsys.train.RunItems;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The T4Rec split as the trainer reads it from a {@code segue sessions} folder: {@code items.tsv} (the
 * vocabulary) and {@code t4rec/{train,valid,test}.{offsets,items}.npy} (dense ids, CSR).
 */
public record T4RecData(RunItems items, SessionCsr train, SessionCsr valid, SessionCsr test) {

    public T4RecData {
        check(train, "train", items.size());
        check(valid, "valid", items.size());
        check(test, "test", items.size());
    }

    /** A {@code segue sessions} folder, or the #nowplaying folder ({@code train_sessions.tsv}, {@code test.tsv}). */
    public static T4RecData read(Path sessionsDir) {
        if (Files.isRegularFile(sessionsDir.resolve("train_sessions.tsv")) && Files.isRegularFile(sessionsDir.resolve("test.tsv")))
            return nowplaying(sessionsDir);
        Path itemsTsv = sessionsDir.resolve("items.tsv"), t4 = sessionsDir.resolve("t4rec");
        if (!Files.isRegularFile(itemsTsv) || !Files.isDirectory(t4))
            throw new IllegalArgumentException(sessionsDir + " is not the output of `segue sessions` (needs items.tsv and t4rec/)");
        return new T4RecData(RunItems.fromSessionItems(itemsTsv), SessionCsr.read(t4, "train"), SessionCsr.read(t4, "valid"), SessionCsr.read(t4, "test"));
    }

    /**
     * #nowplaying as GCE-GNN splits it: item ids are already dense (1…N); the last 10% of the training
     * sessions validate; every test case (prefix + label) is one test session whose last item is predicted
     * (so Recall@20 is the published P@20 and MAP@20 — one relevant item — is MRR@20).
     */
    public static T4RecData nowplaying(Path dir) {
        var d = dev.segue.recsys.data.sets.NowplayingReader.read(dir);
        String[] ids = new String[d.maxItem() + 1];
        ids[0] = "<pad>";
        for (int i = 1; i < ids.length; i++) ids[i] = Integer.toString(i);
        SessionCsr all = d.train();
        int cut = all.count() - all.count() / 10;
        it.unimi.dsi.fastutil.longs.LongArrayList off = new it.unimi.dsi.fastutil.longs.LongArrayList();
        it.unimi.dsi.fastutil.ints.IntArrayList items = new it.unimi.dsi.fastutil.ints.IntArrayList();
        off.add(0);
        for (int q = 0; q < d.testLabels().length; q++) {
            items.addAll(it.unimi.dsi.fastutil.ints.IntArrayList.wrap(d.testPrefixes().session(q)));
            items.add(d.testLabels()[q]);
            off.add(items.size());
        }
        return new T4RecData(new RunItems(ids), slice(all, 0, cut), slice(all, cut, all.count()),
                new SessionCsr(off.toLongArray(), items.toIntArray()));
    }

    private static SessionCsr slice(SessionCsr s, int from, int to) {
        long base = s.offsets()[from];
        long[] off = new long[to - from + 1];
        for (int i = from; i <= to; i++) off[i - from] = s.offsets()[i] - base;
        return new SessionCsr(off, java.util.Arrays.copyOfRange(s.items(), (int) base, (int) s.offsets()[to]));
    }

    public SessionCsr split(String name) {
        return switch (name) {
            case "train" -> train;
            case "valid" -> valid;
            case "test" -> test;
            default -> throw new IllegalArgumentException("unknown split '" + name + "'");
        };
    }

    private static void check(SessionCsr s, String name, int vocab) {
        int[] it = s.items();
        for (int i = 0; i < it.length; i++)
            if (it[i] < 1 || it[i] >= vocab)
                throw new IllegalArgumentException(name + " sessions: item " + it[i] + " at position " + i + " is outside the vocabulary [1, " + (vocab - 1) + "]");
    }
}
