package dev.segue.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code segue} command: one subcommand per job of the pipeline. */
@Command(name = "segue", mixinStandardHelpOptions = true, version = "segue 0.1.0",
        description = "Session-based music recommendation with audio embeddings, in pure Java.",
        subcommands = {CommandLine.HelpCommand.class, ConformanceCommand.class, BenchCommand.class, AudioCommand.class, SynthCommand.class, SessionsCommand.class, EvalCommand.class, TrainCommand.class, RecommendCommand.class})
public final class Segue implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Segue()).execute(args));
    }
}
