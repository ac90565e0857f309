package dev.heed.app.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.heed.core.support.Db;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/** A fresh H2 database in files (the embedded default's mode), migrated by the real Flyway migrations, pooled. */
final class BenchDb implements AutoCloseable {
    final HikariDataSource dataSource;
    final Db db;

    private BenchDb(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.db = new Db(dataSource);
    }

    static BenchDb fresh(Path directory) {
        deleteTree(directory);
        Flyway.configure().dataSource(url(directory), "sa", "").load().migrate();
        return open(directory);
    }

    /** The database in {@code directory} as it is (e.g. one Heed created). */
    static BenchDb open(Path directory) {
        String url = url(directory);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        return new BenchDb(new HikariDataSource(config));
    }

    /** The JDBC URL of the database in {@code directory}, as Heed's default {@code jdbc:h2:file:./data/heed}. */
    static String url(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("heed").toAbsolutePath();
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
