package dev.segue.recsys.data;

/**
 * Listening sessions in compressed-row form: the items of session s are
 * {@code items[offsets[s] .. offsets[s+1])}, in listening order. Items are indices into {@code tracks}
 * (the history's track dictionary), users into {@code users}; {@code start[s]} is the epoch second of
 * the first event. Sessions are ordered by user (first appearance in the file), then time.
 */
public record Sessions(IdDictionary users, IdDictionary tracks, int[] offsets, int[] items, int[] user, long[] start) {

    public Sessions {
        if (offsets.length != user.length + 1 || start.length != user.length || offsets[user.length] != items.length)
            throw new IllegalArgumentException("inconsistent session arrays");
    }

    public int count() { return user.length; }

    public int length(int s) { return offsets[s + 1] - offsets[s]; }

    public int[] items(int s) { return java.util.Arrays.copyOfRange(items, offsets[s], offsets[s + 1]); }

    public long events() { return items.length; }
}
