package dev.segue.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code segue bench}: throughput benchmarks of the engine's hot paths, one subcommand per kernel
 * family. To add one, write a {@code @Command} class (like {@link BenchGemm}) and list it in
 * {@code subcommands} below.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the throughput of the engine's kernels.",
        subcommands = {BenchGemm.class, BenchSoftmax.class, BenchLayerNorm.class, BenchElementwise.class, BenchAttention.class, BenchDsp.class, BenchSessions.class, BenchTopK.class, BenchTransformer.class, BenchTrainStep.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }
}
