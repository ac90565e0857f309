package dev.heed.app.bench;

import java.util.Arrays;

/**
 * Measured values of one figure (milliseconds, posts per second, megabytes: the caller decides) and their
 * percentiles by the nearest-rank method: the p-th percentile is the smallest value that at least p % of the
 * values do not exceed. The one timing helper of the benchmarks lives here too.
 */
final class Samples {
    private double[] values = new double[64];
    private int size;

    static Samples of(double... values) {
        Samples samples = new Samples();
        for (double value : values) {
            samples.add(value);
        }
        return samples;
    }

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    double median() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    double max() {
        return percentile(100);
    }

    /** The nearest-rank percentile, {@code 0 < p <= 100}. */
    double percentile(double p) {
        if (size == 0) {
            throw new IllegalStateException("no samples to take a percentile of");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("a percentile is in (0, 100], got " + p);
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** These durations in milliseconds as rates: {@code items} per run, per second. */
    Samples perSecond(int items) {
        Samples rates = new Samples();
        for (int i = 0; i < size; i++) {
            rates.add(items / (values[i] / 1000.0));
        }
        return rates;
    }

    /**
     * Runs {@code work} {@code warmups} times unmeasured, then {@code runs} times measured, and answers the
     * measured durations in milliseconds.
     */
    static Samples timeMillis(int warmups, int runs, Runnable work) {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        Samples millis = new Samples();
        for (int i = 0; i < runs; i++) {
            millis.add(millisOf(work));
        }
        return millis;
    }

    /** How long one run of {@code work} takes, in milliseconds. */
    static double millisOf(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    /** Milliseconds since {@code startNanos} (a {@link System#nanoTime()} reading). */
    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
