package dev.segue.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code segue} command: one subcommand per job of the pipeline. */
@Command(name = "segue", mixinStandardHelpOptions = true, version = "segue 0.1.0",
        description = "Session-based music recommendation with audio embeddings, in pure Java.",
        subcommands = {CommandLine.HelpCommand.class, ConformanceCommand.class, BenchCommand.class, AudioCommand.class, SynthCommand.class, SessionsCommand.class, EvalCommand.class, EmbedCommand.class, TrainCommand.class, RecommendCommand.class, DemoCommand.class})
public final class Segue implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Segue());
        // bad input (a malformed file, a wrong option value) is the user's to fix: one line naming the
        // file and line, no stack trace; anything else is a bug and keeps its trace
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof dev.segue.recsys.data.DataFileException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("segue " + cmd.getCommandName() + ": error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }
}
