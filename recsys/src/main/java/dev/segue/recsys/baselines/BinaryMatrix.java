package dev.segue.recsys.baselines;

import dev.segue.recsys.data.SessionCsr;
import java.util.Arrays;

/**
 * A binary sparse matrix in compressed-row form: row r has ones at columns {@code cols[ptr[r] .. ptr[r+1])},
 * sorted and distinct. For WRMF the rows are sessions and the columns dense item ids (0 = padding never
 * occurs), so repeated plays of a song in a session count once.
 */
public record BinaryMatrix(int rows, int columns, int[] ptr, int[] cols) {

    public BinaryMatrix {
        if (ptr.length != rows + 1 || ptr[rows] != cols.length)
            throw new IllegalArgumentException("binary matrix: ptr of length " + ptr.length + " for " + rows + " rows and " + cols.length + " entries");
    }

    public int nnz() { return cols.length; }

    /** Sessions × items (items must be in [1, nItems)); duplicates within a session are dropped. */
    public static BinaryMatrix of(SessionCsr sessions, int nItems) {
        int n = sessions.count();
        int[] ptr = new int[n + 1];
        int[][] rowCols = new int[n][];
        for (int s = 0; s < n; s++) {
            int[] items = sessions.session(s);
            for (int it : items)
                if (it <= 0 || it >= nItems) throw new IllegalArgumentException("session " + s + ": item " + it + " outside [1, " + nItems + ")");
            rowCols[s] = Arrays.stream(items).sorted().distinct().toArray();
            ptr[s + 1] = ptr[s] + rowCols[s].length;
        }
        int[] cols = new int[ptr[n]];
        for (int s = 0; s < n; s++) System.arraycopy(rowCols[s], 0, cols, ptr[s], rowCols[s].length);
        return new BinaryMatrix(n, nItems, ptr, cols);
    }

    /** The transpose (items × sessions), columns again sorted. */
    public BinaryMatrix transpose() {
        int[] tptr = new int[columns + 1];
        for (int c : cols) tptr[c + 1]++;
        for (int c = 0; c < columns; c++) tptr[c + 1] += tptr[c];
        int[] fill = Arrays.copyOf(tptr, columns);
        int[] tcols = new int[cols.length];
        for (int r = 0; r < rows; r++) for (int k = ptr[r]; k < ptr[r + 1]; k++) tcols[fill[cols[k]]++] = r;
        return new BinaryMatrix(columns, rows, tptr, tcols);
    }
}
