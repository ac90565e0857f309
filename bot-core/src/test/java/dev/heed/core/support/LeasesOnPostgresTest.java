package dev.heed.core.support;

import dev.heed.core.testing.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link LeasesTest} on a real PostgreSQL ({@code HEED_TEST_POSTGRES_URL}, started by {@code .ci/run}). */
@EnabledIfEnvironmentVariable(named = "HEED_TEST_POSTGRES_URL", matches = ".+")
class LeasesOnPostgresTest extends LeasesTest {
    @Override
    Db database() {
        return new Db(TestDatabase.postgres(System.getenv("HEED_TEST_POSTGRES_URL")));
    }
}
