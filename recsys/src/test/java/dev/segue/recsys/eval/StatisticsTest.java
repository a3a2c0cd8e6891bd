package dev.segue.recsys.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void studentTQuantilesMatchScipy() {
        // scipy.stats.t.ppf(0.975, 10) = 2.228138851986274, ppf(0.975, 3) = 3.1824463052837078
        assertEquals(2.228138851986274, StudentT.quantile(0.975, 10), 1e-9);
        assertEquals(3.1824463052837078, StudentT.quantile(0.975, 3), 1e-9);
        // the Cauchy distribution (df = 1): P(T <= 1) = 3/4 exactly
        assertEquals(0.75, StudentT.cdf(1, 1), 1e-12);
        // the normal limit: 1.959963984540054
        assertEquals(1.959963984540054, StudentT.quantile(0.975, Double.POSITIVE_INFINITY), 1e-9);
    }

    @Test
    void summaryHasStudentInterval() {
        // [1,2,3,4]: mean 2.5, sample sd sqrt(5/3), half-width t(0.975,3) * sd / 2 = 2.054260256760879
        MetricSummary s = MetricSummary.of(new double[] {1, 2, 3, 4});
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), s.std(), 1e-12);
        assertEquals(2.054260256760879, s.ci95(), 1e-9);
    }

    @Test
    void pairedTestMatchesScipyTtestRel() {
        // scipy.stats.ttest_rel([1,2,3,4], [0,2,1,3]) -> statistic 2.449489742783178, p 0.09172111331157186
        PairedTest p = PairedTest.of(new double[] {1, 2, 3, 4}, new double[] {0, 2, 1, 3});
        assertEquals(1.0, p.meanDifference(), 1e-12);
        assertEquals(2.449489742783178, p.t(), 1e-12);
        assertEquals(0.09172111331157186, p.pValue(), 1e-9);
    }
}
