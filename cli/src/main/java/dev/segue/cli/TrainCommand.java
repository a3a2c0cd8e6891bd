package dev.segue.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code segue train}: one subcommand per model (t4rec; rta). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train and evaluate a recommender; writes a run folder (config.json, metrics.csv, test_metrics.json, curves, best checkpoint).",
        subcommands = {TrainT4Rec.class, TrainRta.class})
public final class TrainCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }
}
