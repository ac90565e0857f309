package dev.heed.app.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./mvnw -B -Pbench verify}: measures Heed's figures against baselines measured in the same run on the same
 * machine and prints one table. Arguments: the config module's build directory, the packaged jar, and optionally
 * the figures to run (e.g. {@code 1,3}; all when empty).
 */
public final class Benchmarks {
    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        Set<String> only = args.length > 2 && !args[2].isBlank() ? Set.of(args[2].split(",")) : Set.of();
        Path work = target.resolve("bench");
        BenchDb.deleteTree(work);
        Files.createDirectories(work);
        String machine = machine();
        BenchTable table = new BenchTable();
        long start = System.nanoTime();
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("1", new IngestBenchmark(work)::run);
        figures.put("2", new LatencyBenchmark(work)::run);
        figures.put("3", new SweepBenchmark(work)::run);
        figures.put("4", new ReportBenchmark(work)::run);
        figures.put("5", new StartupBenchmark(work, jar)::run);
        figures.put("6", new ClassifierBenchmark(jar)::run);
        boolean failed = false;
        for (Map.Entry<String, Figure> figure : figures.entrySet()) {
            if (!wanted(only, figure.getKey())) {
                continue;
            }
            try {
                figure.getValue().run(table);
            } catch (Exception | Error e) {
                // One broken figure still leaves the others' table; the build fails at the end.
                failed = true;
                e.printStackTrace();
                table.add(new BenchTable.Row(
                        figure.getKey() + ". failed: " + e, "-", "-", "-", "-", "-", BenchTable.Verdict.MISS));
            }
        }
        table.print(
                System.out,
                machine + String.format(Locale.ROOT, "; benchmark took %.0f s", Samples.millisSince(start) / 1000));
        if (failed) {
            System.exit(1);
        }
    }

    /** One figure: measures and adds its rows to the table. */
    interface Figure {
        void run(BenchTable table) throws Exception;
    }

    private static boolean wanted(Set<String> only, String figure) {
        boolean run = only.isEmpty() || only.contains(figure);
        if (run) {
            System.err.println("[bench] figure " + figure + " at " + Instant.now());
        }
        return run;
    }

    /** Cores, JVM, OS and the load when the run started (the machine may be shared). */
    private static String machine() throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        return String.format(
                Locale.ROOT,
                "Machine: %d cores, %s %s (%s), %s %s %s, %.1f GB RAM; load average %s at the start",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                                .getTotalMemorySize()
                        / 1e9,
                load);
    }
}
