package dev.heed.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2QueryCacheTest {
    @TempDir
    Path directory;

    @Test
    void anH2FileDatabaseKeepsSixtyFourParsedStatementsPerConnection() throws SQLException {
        try (HikariDataSource pool = pool("jdbc:h2:file:" + directory.resolve("heed"))) {
            new H2QueryCache().postProcessBeforeInitialization(pool, "dataSource");

            assertThat(querySetting(pool)).isEqualTo("64");
        }
    }

    @Test
    void aSizeTheUrlSetsIsKept() throws SQLException {
        try (HikariDataSource pool = pool("jdbc:h2:file:" + directory.resolve("heed") + ";QUERY_CACHE_SIZE=16")) {
            new H2QueryCache().postProcessBeforeInitialization(pool, "dataSource");

            assertThat(querySetting(pool)).isEqualTo("16");
        }
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        try (HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/heed")) {
            new H2QueryCache().postProcessBeforeInitialization(pool, "dataSource");

            assertThat(pool.getDataSourceProperties()).isEmpty();
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        return pool;
    }

    private static String querySetting(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection();
                ResultSet rs = connection
                        .createStatement()
                        .executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                                + " WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
            assertThat(rs.next())
                    .as("H2 lists QUERY_CACHE_SIZE among its settings")
                    .isTrue();
            return rs.getString(1);
        }
    }
}
