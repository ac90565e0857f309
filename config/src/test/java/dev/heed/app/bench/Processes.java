package dev.heed.app.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Separate JVMs for the start-up figures: started, waited for, measured (resident memory), stopped. */
final class Processes {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Processes() {}

    /** The {@code java} launcher of the JVM running the benchmarks. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a command to its end with {@code stdin} as input; fails unless it exits with 0. */
    static void runToEnd(String what, byte[] stdin, String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a server JVM with its output in {@code log}. */
    static Process start(Path directory, Path log, List<String> command) throws IOException {
        Files.createDirectories(directory);
        return new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Waits until {@code url} answers HTTP at all (any status); fails when the process ends or 120 s pass. */
    static void awaitHttp(Process process, String url, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process ended with " + process.exitValue() + "; see " + log);
            }
            try {
                HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
        throw new IllegalStateException(url + " did not answer within 120 s; see " + log);
    }

    /** Resident memory of a process in megabytes ({@code VmRSS} of {@code /proc/<pid>/status}). */
    static double residentMegabytes(Process process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/" + process.pid() + "/status");
    }

    /** Stops a server JVM (SIGTERM, so that it shuts down gracefully) and waits for it. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
