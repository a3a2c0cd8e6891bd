package dev.segue.recsys.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.recsys.data.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEvaluationTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void nextItemFilesGiveTheHandComputedMeans() throws IOException {
        // q1: target at rank 3 -> NDCG 0.5; q2: the 3-target case of NextItemMetricsTest -> 0.477624 at k=5;
        // q3 has no recommendations -> 0. Mean NDCG@5 = (0.5 + 0.4776237035032179 + 0) / 3
        Path recs = write("recs.tsv", "q1\t5 7 9 11\nq2\t1 2 3 4 5\nq9\t1\n");
        Path truth = write("truth.tsv", "q1\t9\nq2\t2 5 8\nq3\t4\n");
        FileEvaluation.Outcome o = FileEvaluation.nextItem(recs, truth, new int[] {5});
        assertEquals((0.5 + 0.4776237035032179) / 3, o.scores().summary("ndcg@5").mean(), 1e-12);
        assertEquals(1, o.missingRecs());
        assertEquals(1, o.extraRecs());
        assertTrue(o.scores().lines().startsWith("ndcg@5 0.3259\n"), o.scores().lines());
    }

    @Test
    void malformedInterchangeFilesNameTheLine() throws IOException {
        Path truth = write("truth.tsv", "q1\t9\nq1\t8\n");
        DataFileException e = assertThrows(DataFileException.class, () -> QueryLists.read(truth));
        assertEquals(2, e.line());
        Path recs = write("recs.tsv", "q1 9 8\n");
        e = assertThrows(DataFileException.class, () -> QueryLists.read(recs));
        assertEquals(1, e.line());
        assertThrows(DataFileException.class, () -> QueryLists.read(write("empty.tsv", "")));
    }

    @Test
    void continuationFilesReproduceTheHandComputedQuery() throws IOException {
        // the query of ContinuationMetricsTest.handComputedQuery, through files: items 1..10 with
        // artist = id / 3 and training count = id; seed 1 excluded; G = {3, 10}
        StringBuilder items = new StringBuilder("item\ttrack_id\tartist\tt4rec_train_count\trta_train_count\n");
        for (int i = 1; i <= 10; i++) items.append(i).append("\tT").append(i).append("\tA").append(i / 3).append("\t0\t").append(i).append('\n');
        Path it = write("items.tsv", items.toString());
        Path q = write("test_queries.tsv", "query\tsession\tgroup\tseeds\ttruth\n0\t17\t1\t1\t3 10\n");
        Path recs = write("recs.tsv", "0\t1 4 6 9 3 10\n");
        Path truth = write("truth.tsv", "0\t3 10\n");
        QueryScores s = FileEvaluation.continuation(recs, truth, it, q, 500).scores();
        assertEquals(0.4, s.summary("precision").mean(), 1e-12);
        assertEquals(1.0, s.summary("recall").mean(), 1e-12);
        assertEquals(0.25, s.summary("r_precision").mean(), 1e-12);
        assertEquals(0.125, s.summary("r_precision_challenge").mean(), 1e-12);
        assertEquals(0.5012658353418871, s.summary("ndcg").mean(), 1e-12);
        assertEquals(0.6, s.summary("popularity").mean(), 1e-12);
        assertEquals(0.5, s.global().get("coverage"), 1e-12); // 5 distinct recommended items of 10
        assertEquals(1, s.byGroup().keySet().iterator().next());
    }
}
