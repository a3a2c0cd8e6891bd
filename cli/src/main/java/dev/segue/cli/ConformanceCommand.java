package dev.segue.cli;

import dev.segue.core.conformance.CaseResult;
import dev.segue.core.conformance.ConformanceRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code segue conformance --dir DIR}: runs PyTorch reference cases and reports one line per case. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Run the PyTorch reference cases of a fixtures directory (safetensors + manifest.json) through the engine.")
public final class ConformanceCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, description = "Directory of *.safetensors cases (e.g. ../shared/fixtures/nn).")
    Path dir;

    @Option(names = "--filter", description = "Only cases whose file name matches this regular expression.")
    String filter;

    @Override public Integer call() {
        if (!Files.isDirectory(dir)) {
            System.err.println("segue conformance: " + dir + " is not a directory");
            return 2;
        }
        ConformanceRunner runner = new ConformanceRunner();
        Pattern p = filter == null ? null : Pattern.compile(filter);
        int pass = 0, fail = 0, unsupported = 0;
        for (Path f : ConformanceRunner.caseFiles(dir)) {
            if (p != null && !p.matcher(f.getFileName().toString()).find()) continue;
            CaseResult r = runner.run(f);
            System.out.println(r.line());
            switch (r.status()) {
                case PASS: pass++; break;
                case UNSUPPORTED: unsupported++; break;
                default: fail++;
            }
        }
        System.out.printf("%d passed, %d failed, %d cannot run%n", pass, fail, unsupported);
        return fail + unsupported == 0 ? 0 : 1;
    }
}
