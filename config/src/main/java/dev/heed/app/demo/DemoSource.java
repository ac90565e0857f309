package dev.heed.app.demo;

import dev.heed.core.casework.IngestResult;
import dev.heed.core.casework.IngestService;
import dev.heed.core.model.Author;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled demo source: twenty realistic posts about a small café, arriving over the first minute after
 * start-up, so that the console shows cards, nudges and a breach without any configuration. Restarting replays
 * them; each post has a fixed id, so nothing is posted twice.
 */
public final class DemoSource {
    public static final String SOURCE = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoSource.class);

    private final IngestService ingest;
    private final Clock clock;
    private final Duration spread;
    private Instant startedAt;
    private int next;

    public DemoSource(IngestService ingest, Clock clock, Duration spread) {
        this.ingest = ingest;
        this.clock = clock;
        this.spread = spread;
    }

    /** Ingests the demo posts whose time has come; returns how many new ones went in. */
    public synchronized int poll() {
        Instant now = clock.instant();
        if (startedAt == null) {
            startedAt = now;
            log.info(
                    "Demo source on: {} sample posts will arrive over {} s (configure a source to turn it off)",
                    POSTS.size(),
                    spread.toSeconds());
        }
        int added = 0;
        long elapsedMillis = Duration.between(startedAt, now).toMillis();
        while (next < POSTS.size() && offsetMillis(next) <= elapsedMillis) {
            DemoPost demo = POSTS.get(next++);
            IngestResult result = ingest.ingest(demo.toPost(now));
            if (result.isNew()) {
                added++;
            }
        }
        return added;
    }

    public synchronized boolean finished() {
        return next >= POSTS.size();
    }

    private long offsetMillis(int index) {
        return spread.toMillis() * index / POSTS.size();
    }

    static List<DemoPost> posts() {
        return POSTS;
    }

    record DemoPost(
            String id, Network network, String handle, String name, long followers, String text, String replyTo) {

        Post toPost(Instant now) {
            String base = network == Network.BLUESKY ? "https://bsky.app/profile/" : "https://social.example/@";
            return new Post(
                    SOURCE,
                    id,
                    network,
                    new Author(handle, name, followers, base + handle),
                    text,
                    "en",
                    now,
                    base + handle + "/post/" + id,
                    replyTo,
                    replyTo);
        }
    }

    private static final List<DemoPost> POSTS = List.of(
            new DemoPost(
                    "d01",
                    Network.MASTODON,
                    "mara",
                    "Mara Lind",
                    340,
                    "Waited 25 minutes for a flat white at @beanandbloom this morning and it arrived cold. Still waiting on the toastie. Not impressed.",
                    null),
            new DemoPost(
                    "d02",
                    Network.BLUESKY,
                    "tom.bsky.social",
                    "Tom Reyes",
                    1_250,
                    "The cardamom buns at Bean & Bloom are honestly the best thing in this city. Thank you for making Mondays bearable ❤️",
                    null),
            new DemoPost(
                    "d03",
                    Network.MASTODON,
                    "jules",
                    "Jules",
                    88,
                    "@beanandbloom do you have any gluten free options? Coming in with my daughter on Saturday.",
                    null),
            new DemoPost(
                    "d04",
                    Network.X,
                    "cryptomoonz",
                    null,
                    12,
                    "🚀 Win 5 ETH!! Follow back + retweet, DM for collab #crypto #giveaway",
                    null),
            new DemoPost(
                    "d05",
                    Network.BLUESKY,
                    "priya.bsky.social",
                    "Priya S.",
                    18_400,
                    "Got food poisoning after the chicken wrap from Bean & Bloom yesterday. Spent the night ill. I want a refund and an explanation.",
                    null),
            new DemoPost(
                    "d06",
                    Network.MASTODON,
                    "olafk",
                    "Olaf",
                    210,
                    "What time do you open on bank holidays? Want to grab breakfast before the parade.",
                    null),
            new DemoPost(
                    "d07",
                    Network.X,
                    "sam_writes",
                    "Sam",
                    530,
                    "Lovely staff at Bean & Bloom today, the barista remembered my order. Small things matter 🙏",
                    null),
            new DemoPost(
                    "d08",
                    Network.MASTODON,
                    "mara",
                    "Mara Lind",
                    340,
                    "Update: toastie finally came after 40 minutes. Nobody said sorry.",
                    "d01"),
            new DemoPost(
                    "d09",
                    Network.BLUESKY,
                    "deals.bot.bsky.social",
                    null,
                    3,
                    "Top 10 cafés in town this week https://news.example/cafes",
                    null),
            new DemoPost(
                    "d10",
                    Network.X,
                    "hannah_b",
                    "Hannah B",
                    2_900,
                    "Charged twice for one oat latte at @beanandbloom. Card statement shows both. Who do I talk to?",
                    null),
            new DemoPost(
                    "d11",
                    Network.MASTODON,
                    "leo",
                    "Leo",
                    44,
                    "Can I book the back room for a birthday of 12 people?",
                    null),
            new DemoPost(
                    "d12",
                    Network.BLUESKY,
                    "ines.bsky.social",
                    "Inês",
                    760,
                    "Thank you @beanandbloom for the surprise cake on my birthday, you made my day!",
                    null),
            new DemoPost(
                    "d13",
                    Network.X,
                    "grumpy_gus",
                    "Gus",
                    95,
                    "Third time this month the card machine is broken and you're cash only. Worst coffee run ever.",
                    null),
            new DemoPost(
                    "d14",
                    Network.MASTODON,
                    "nadia",
                    "Nadia",
                    150,
                    "Is the oat milk extra? The menu doesn't say.",
                    null),
            new DemoPost(
                    "d15",
                    Network.X,
                    "promo_king",
                    null,
                    40,
                    "Use promo code SAVE50 at totally-real-shop dot com!!!",
                    null),
            new DemoPost(
                    "d16",
                    Network.BLUESKY,
                    "ben.bsky.social",
                    "Ben Ode",
                    410,
                    "Rude staff at Bean & Bloom this afternoon. Asked for a glass of water and got an eye roll.",
                    null),
            new DemoPost(
                    "d17",
                    Network.MASTODON,
                    "yuki",
                    "Yuki",
                    1_020,
                    "Absolutely love the new autumn menu. The pumpkin soup is amazing!",
                    null),
            new DemoPost(
                    "d18",
                    Network.X,
                    "dev_dan",
                    "Dan",
                    60,
                    "Does Bean & Bloom do catering for office meetings? Need coffee for 30 next Thursday.",
                    null),
            new DemoPost(
                    "d19",
                    Network.MASTODON,
                    "clara",
                    "Clara",
                    230,
                    "My order was wrong again and the staff argued with me about it. Disappointed, I used to love this place.",
                    null),
            new DemoPost(
                    "d20",
                    Network.BLUESKY,
                    "marco.bsky.social",
                    "Marco",
                    2_300,
                    "Best brunch in town, and they remembered my dog's name. Highly recommend Bean & Bloom!",
                    null));
}
