package dev.heed.core.feed;

import dev.heed.core.chat.RouteTable;
import dev.heed.core.support.Db;
import dev.heed.core.testing.Casework;
import dev.heed.core.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The feed engine's tests on a real PostgreSQL (checkpoints, version checks, health, cross-source matching). Runs
 * when {@code HEED_TEST_POSTGRES_URL} names one ({@code .ci/postgres} starts one).
 */
@EnabledIfEnvironmentVariable(named = "HEED_TEST_POSTGRES_URL", matches = ".+")
class FeedEngineOnPostgresTest extends FeedEngineTest {
    @Override
    Casework casework() {
        return new Casework(
                new Db(TestDatabase.postgres(System.getenv("HEED_TEST_POSTGRES_URL"))),
                RouteTable.to(Casework.CHANNEL),
                List.of());
    }
}
