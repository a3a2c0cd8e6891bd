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

    public static T4RecData read(Path sessionsDir) {
        Path itemsTsv = sessionsDir.resolve("items.tsv"), t4 = sessionsDir.resolve("t4rec");
        if (!Files.isRegularFile(itemsTsv) || !Files.isDirectory(t4))
            throw new IllegalArgumentException(sessionsDir + " is not the output of `segue sessions` (needs items.tsv and t4rec/)");
        return new T4RecData(RunItems.fromSessionItems(itemsTsv), SessionCsr.read(t4, "train"), SessionCsr.read(t4, "valid"), SessionCsr.read(t4, "test"));
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
