package dev.heed.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table the benchmark prints: a row per figure, with its baseline, ratio, target and verdict. */
final class BenchTable {
    /** Whether a figure met its target; {@code INFO} for a figure that has none. */
    enum Verdict {
        PASS,
        MISS,
        INFO;

        static Verdict of(boolean met) {
            return met ? PASS : MISS;
        }
    }

    record Row(
            String figure, String median, String p99, String baseline, String ratio, String target, Verdict verdict) {}

    private static final String[] HEADER = {"figure", "median", "p99", "baseline", "ratio", "target", "result"};

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
        System.err.println("[bench] " + row.figure() + ": " + row.median() + " (p99 " + row.p99() + "), baseline "
                + row.baseline() + ", ratio " + row.ratio() + " -> " + row.verdict());
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Prints the machine line and the rows as a Markdown table (readable in a terminal and in the README). */
    void print(PrintStream out, String machine) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Row row : rows) {
            cells.add(new String[] {
                row.figure(),
                row.median(),
                row.p99(),
                row.baseline(),
                row.ratio(),
                row.target(),
                row.verdict().name().toLowerCase(Locale.ROOT)
            });
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        out.println();
        out.println(machine);
        out.println();
        for (int n = 0; n < cells.size(); n++) {
            out.println(line(cells.get(n), widths));
            if (n == 0) {
                String[] rule = new String[widths.length];
                for (int i = 0; i < rule.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                out.println(line(rule, widths));
            }
        }
        out.println();
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            line.append(' ').append(pad(cells[i], widths[i])).append(" |");
        }
        return line.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    // Number formats shared by the figures.

    static String ms(double millis) {
        return millis < 10
                ? String.format(Locale.ROOT, "%.2f ms", millis)
                : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    static String perSecond(double rate, String what) {
        return String.format(Locale.ROOT, "%,.0f %s/s", rate, what);
    }

    static String ratio(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.0fx", value) : String.format(Locale.ROOT, "%.2fx", value);
    }

    static String mb(double megabytes) {
        return String.format(Locale.ROOT, "%.0f MB", megabytes);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
