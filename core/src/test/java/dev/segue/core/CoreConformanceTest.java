package dev.segue.core;

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

/** Every core-op PyTorch reference case passes at its manifest tolerance. */
class CoreConformanceTest {

    static Path fixtures() throws URISyntaxException {
        return Path.of(CoreConformanceTest.class.getResource("/fixtures/nn").toURI());
    }

    @TestFactory
    Stream<DynamicTest> everyCoreCasePasses() throws URISyntaxException {
        ConformanceRunner runner = new ConformanceRunner();
        List<Path> files = ConformanceRunner.caseFiles(fixtures());
        assertEquals(102, files.size(), "the copied core cases");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            CaseResult r = runner.run(f);
            assertTrue(r.passed(), r.line());
        }));
    }
}
