package dev.heed.app;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Gives each H2 connection room to keep every statement Heed runs parsed. H2 keeps the last 8 parsed statements per
 * connection ({@code QUERY_CACHE_SIZE}); taking in one post runs about twenty different ones, so with the default H2
 * parsed each of them again for every post (a JFR profile of the ingest benchmark put a tenth of its time in H2's
 * parser). The setting can only be given when connecting, so it is added to the pool's connection properties, for H2
 * URLs that do not set it themselves. PostgreSQL is left alone (its driver and server cache on their own terms).
 */
@Component
class H2QueryCache implements BeanPostProcessor {
    static final String SETTING = "QUERY_CACHE_SIZE";
    static final int SIZE = 64;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            configure(pool);
        }
        return bean;
    }

    static void configure(HikariDataSource pool) {
        String url = pool.getJdbcUrl() == null ? "" : pool.getJdbcUrl().toUpperCase(Locale.ROOT);
        if (url.startsWith("JDBC:H2:") && !url.contains(SETTING)) {
            pool.addDataSourceProperty(SETTING, String.valueOf(SIZE));
        }
    }
}
