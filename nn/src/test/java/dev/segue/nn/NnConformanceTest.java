package dev.segue.nn;

import dev.segue.core.conformance.CaseResult;
import dev.segue.core.conformance.ConformanceRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every PyTorch reference case except the EfficientNet-B0 whole model passes at its manifest tolerance, with the nn ops registered through ServiceLoader. */
class NnConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyCasePasses() throws URISyntaxException {
        Path dir = Path.of(NnConformanceTest.class.getResource("/fixtures/nn").toURI());
        ConformanceRunner runner = new ConformanceRunner();
        List<Path> files = ConformanceRunner.caseFiles(dir);
        assertEquals(166, files.size(), "167 fixture cases minus the EfficientNet-B0 model file (16 MB)");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            CaseResult r = runner.run(f);
            System.out.println(r.line());
            assertTrue(r.passed(), r.line());
        }));
    }

    /** The 16 MB EfficientNet-B0 case is read from the shared fixtures directory (not copied into the repository). */
    @org.junit.jupiter.api.Test
    void efficientNetB0FromSharedFixtures() {
        Path f = Path.of(System.getProperty("segue.shared", "../shared"), "fixtures", "nn", "model_efficientnet_b0_1ch.safetensors");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(f), "shared fixtures not present: " + f);
        CaseResult r = new ConformanceRunner().run(f);
        System.out.println(r.line());
        assertTrue(r.passed(), r.line());
    }
}
