package dev.segue.recsys.data;

/**
 * The study's Transformers4Rec split: sessions ordered by user id (string order, then time), the first
 * 70% for training, the next 15% for validation and the last 15% for test. The cuts are moved forward to
 * the next user boundary, so validation and test users are never seen in training.
 */
public final class T4RecSplit {
    private T4RecSplit() {}

    public static SessionSplit split(Sessions s, double trainShare, double validShare) {
        if (trainShare <= 0 || validShare < 0 || trainShare + validShare >= 1)
            throw new IllegalArgumentException("shares must satisfy 0 < train, 0 <= valid, train + valid < 1");
        int n = s.count();
        // rank users by id string, then a counting sort of sessions by rank (stable: time order kept)
        int nUsers = s.users().size();
        Integer[] users = new Integer[nUsers];
        for (int u = 0; u < nUsers; u++) users[u] = u;
        java.util.Arrays.sort(users, (a, b) -> s.users().id(a).compareTo(s.users().id(b)));
        int[] rank = new int[nUsers];
        for (int r = 0; r < nUsers; r++) rank[users[r]] = r;
        int[] start = new int[nUsers + 1];
        for (int i = 0; i < n; i++) start[rank[s.user()[i]] + 1]++;
        for (int r = 0; r < nUsers; r++) start[r + 1] += start[r];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[start[rank[s.user()[i]]]++] = i;
        int cut1 = userBoundaryAtOrAfter(s, order, (int) Math.round(trainShare * n));
        int cut2 = Math.max(cut1, userBoundaryAtOrAfter(s, order, (int) Math.round((trainShare + validShare) * n)));
        return new SessionSplit(java.util.Arrays.copyOfRange(order, 0, cut1), java.util.Arrays.copyOfRange(order, cut1, cut2),
                java.util.Arrays.copyOfRange(order, cut2, n));
    }

    private static int userBoundaryAtOrAfter(Sessions s, int[] order, int pos) {
        int n = order.length;
        if (pos <= 0) return 0;
        while (pos < n && s.user()[order[pos]] == s.user()[order[pos - 1]]) pos++;
        return pos;
    }
}
