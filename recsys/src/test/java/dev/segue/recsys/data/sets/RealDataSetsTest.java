package dev.segue.recsys.data.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.segue.recsys.data.BadRows;
import dev.segue.recsys.data.IdDictionary;
import dev.segue.recsys.data.SessionCsr;
import dev.segue.recsys.data.SessionStats;
import dev.segue.recsys.data.Sessionizer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Counts checked against ../shared/data/README.md, which computed them independently. Skipped without the data. */
class RealDataSetsTest {

    private static Path data(String sub) {
        String shared = System.getProperty("segue.shared");
        assumeTrue(shared != null, "system property segue.shared not set");
        Path p = Path.of(shared, "data", sub);
        assumeTrue(Files.exists(p), p + " absent");
        return p;
    }

    @Test
    void nowplayingMatchesTheReadme() {
        NowplayingReader.Data d = NowplayingReader.read(data("nowplaying"));
        assertEquals(128_077, d.train().count());
        assertEquals(953_381, d.train().items().length);
        assertEquals(60_416, d.maxItem());
        assertEquals(89_824, d.testLabels().length);
        SessionCsr test = d.testSessions();
        assertEquals(14_479, test.count());
        assertEquals(104_303, test.items().length);
        // train cases if augmented: Σ(n − 1) = 825,304
        assertEquals(825_304, d.train().items().length - d.train().count());
    }

    @Test
    void lastFm1kSessionsAtThirtyMinutesMatchTheReadme() {
        LastFmReader.Result r = LastFmReader.read(data("lastfm1k_sample/userid-timestamp-artid-artname-traid-traname.tsv"),
                LastFmReader.Format.LASTFM_1K, BadRows.fail());
        assertEquals(5_000, r.history().size());
        assertEquals(2, r.history().users().size());
        SessionStats st = Sessionizer.sessionize(r.history(), 30 * 60, false).stats();
        // README: 323 sessions with an idle gap > 30 min, mean 15.48 events, 23 of length 1
        assertEquals(323, st.sessionsFound());
        assertEquals(23, st.oneSongSessions());
        assertEquals(15.48, st.averageLengthBeforeFilter(), 0.005);
    }

    @Test
    void lastFmApiCrawlSessionsMatchTheReadme() {
        LastFmReader.Result r = LastFmReader.read(data("lastfm1k_sample/lastfm_14users.tsv"), LastFmReader.Format.API_CRAWL, BadRows.fail());
        assertEquals(1_302, r.history().size());
        assertEquals(14, r.history().users().size());
        SessionStats st = Sessionizer.sessionize(r.history(), 30 * 60, false).stats();
        assertEquals(164, st.sessionsFound()); // README: 164 sessions, mean 7.94
        assertEquals(7.94, st.averageLengthBeforeFilter(), 0.005);
    }

    @Test
    void yoochooseSplitFilesMatchTheReadme() {
        IdDictionary items = new IdDictionary();
        YoochooseReader.Data train = YoochooseReader.read(data("yoochoose100k/yoochoose-clicks-100k_train_full.txt"), items);
        assertEquals(17_794, train.sessions().count());
        assertEquals(70_278, train.sessions().items().length);
        assertEquals(2_933, items.size());
        YoochooseReader.Data test = YoochooseReader.read(data("yoochoose100k/yoochoose-clicks-100k_test.txt"), items);
        assertEquals(3_416, test.sessions().count());
        assertEquals(2_933, items.size()); // every test item occurs in train_full
    }

    @Test
    void digineticaSampleAndSrGnnProtocolMatchTheReadme() {
        DigineticaReader.Data d = DigineticaReader.read(data("diginetica_sample/sample_train-item-views.csv"));
        assertEquals(2_986, d.count());
        long ones = d.sessions().stream().filter(x -> x.length == 1).count();
        assertEquals(933, ones);
        assertEquals(12_391, d.sessions().stream().mapToInt(x -> x.length).sum());
        assertEquals(7_139, d.sessions().stream().flatMap(java.util.Arrays::stream).distinct().count());
        // SR-GNN preprocess.py --dataset=sample, as run for the README: 469 train sessions (1,205 cases),
        // 39 test sessions (99 cases), 309 items
        DigineticaReader.Split sp = DigineticaReader.srGnnProtocol(d, 7);
        assertEquals(469, sp.train().count());
        assertEquals(1_205, DigineticaReader.Split.cases(sp.train()));
        assertEquals(39, sp.test().count());
        assertEquals(99, DigineticaReader.Split.cases(sp.test()));
        assertEquals(309, sp.items());
    }
}
