package dev.segue.cli;

import dev.segue.recsys.train.Recommender;
import dev.segue.recsys.train.RunItems;
import dev.segue.recsys.train.RunRecommenders;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code segue recommend}: the next tracks for a session, from a trained run folder. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Print the k best next tracks for a session (track ids, oldest first) with a trained run.")
public final class RecommendCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, description = "run folder of `segue train`") Path run;
    @Option(names = "--session", required = true, description = "track ids separated by spaces, oldest first") String session;
    @Option(names = {"-k", "--k"}, defaultValue = "20", description = "number of recommendations (default ${DEFAULT-VALUE})") int k;

    @Override
    public Integer call() {
        if (session.isBlank()) throw new CommandLine.ParameterException(spec.commandLine(), "--session is empty");
        if (k < 1) throw new CommandLine.ParameterException(spec.commandLine(), "-k must be at least 1, got " + k);
        RunItems items = RunItems.forRun(run);
        String[] tracks = session.trim().split("\\s+");
        int[] dense = new int[tracks.length];
        java.util.List<String> unknown = new java.util.ArrayList<>();
        for (int i = 0; i < tracks.length; i++) {
            dense[i] = items.dense(tracks[i]);
            if (dense[i] < 0) unknown.add("'" + tracks[i] + "' (position " + (i + 1) + ")");
        }
        if (!unknown.isEmpty())
            throw new CommandLine.ParameterException(spec.commandLine(), (unknown.size() == 1 ? "track " : unknown.size() + " tracks ") + String.join(", ", unknown)
                    + (unknown.size() == 1 ? " is" : " are") + " not in the run's vocabulary of " + (items.size() - 1) + " tracks (" + run.resolve(RunItems.FILE) + ")");
        Recommender rec = RunRecommenders.open(run);
        Recommender.Recommendations r = rec.recommend(dense, k);
        System.out.println("rank\ttrack_id\tscore");
        for (int i = 0; i < r.items().length; i++)
            System.out.printf(Locale.ROOT, "%d\t%s\t%.5f%n", i + 1, items.trackId(r.items()[i]), r.scores()[i]);
        return 0;
    }
}
