package dev.heed.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port with an in-memory H2 database, schedulers off (tests drive the sweep and
 * the outbox by hand), one webhook source {@code zapier} and the REST API on. Test classes with this annotation
 * share one application context, so each test makes its own posts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:heed-it;DB_CLOSE_DELAY=-1",
            "heed.scheduling.enabled=false",
            "heed.sources[0].id=zapier",
            "heed.sources[0].type=webhook",
            "heed.sources[0].token=" + HeedTest.WEBHOOK_TOKEN,
            "heed.sources[0].network=x",
            "heed.api.token=" + HeedTest.API_TOKEN,
            "heed.brand.name=Bean & Bloom",
            "heed.webhook.max-body-bytes=4096",
            // Tests sharing this context send many posts at one test-clock instant; WebhookRateLimitTest tests the
            // limit.
            "heed.webhook.rate-limit.requests=1000000"
        })
@Import(TestWiring.class)
public @interface HeedTest {
    String WEBHOOK_TOKEN = "webhook-token-0123456789";
    String API_TOKEN = "api-token-0123456789abc";
}
