package dev.heed.core.testing;

import dev.heed.core.support.Db;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh, migrated H2 database per call: the real schema through the real Flyway migrations. */
public final class TestDatabase {
    private TestDatabase() {}

    /** An in-memory database that lives as long as the JVM. */
    public static DataSource inMemory() {
        return migrated("jdbc:h2:mem:heed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** A database in files under {@code directory} (the embedded default's mode). */
    public static DataSource inFiles(java.nio.file.Path directory) {
        return migrated("jdbc:h2:file:" + directory.resolve("heed").toAbsolutePath());
    }

    /**
     * A fresh schema in the PostgreSQL database at {@code jdbcUrl} (e.g. the one {@code .ci/postgres} starts),
     * migrated by the same Flyway migrations as H2.
     */
    public static DataSource postgres(String jdbcUrl) {
        String schema = "heed_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + jdbcUrl + ": " + e.getMessage(), e);
        }
        dataSource.setCurrentSchema(schema);
        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();
        return dataSource;
    }

    public static Db db() {
        return new Db(inMemory());
    }

    private static DataSource migrated(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }
}
