package dev.heed.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import dev.heed.core.model.CaseState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackCardTest {
    private SlackWorld world;

    @BeforeEach
    void start() throws Exception {
        world = new SlackWorld();
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    void postsOneCardWithButtonsSuggestionsAndMetadata() {
        long id = world.openCase("complaint: the coffee was cold and nobody came");

        List<FakeSlack.Call> posts = world.slack.calls("chat.postMessage");
        assertThat(posts).hasSize(1);
        FakeSlack.Call post = posts.get(0);
        assertThat(post.get("channel")).isEqualTo("C0CARE");
        assertThat(post.get("link_names")).isIn(null, "0", "false");
        String blocks = post.texts("blocks");
        assertThat(blocks)
                .contains("*Complaint*", "case #" + id, "the coffee was cold", "Unclaimed", "due in 30 min")
                .contains("<!date^", "Use this reply", "Thanks for telling us.");
        assertThat(actionIds(post.json("blocks")))
                .containsExactly(
                        SlackCards.CLAIM,
                        SlackCards.RESPONDED,
                        SlackCards.RESOLVE,
                        SlackCards.SNOOZE,
                        SlackCards.DISMISS,
                        SlackCards.RECLASSIFY,
                        SlackCards.USE_REPLY + "0");
        assertThat(post.json("metadata").getAsJsonObject().get("event_type").getAsString())
                .isEqualTo("heed_card");
        assertThat(post.json("metadata")
                        .getAsJsonObject()
                        .getAsJsonObject("event_payload")
                        .get("key")
                        .getAsString())
                .startsWith("heed-o");
        assertThat(world.cardTs(id)).isEqualTo(world.slack.messages().get(0).ts());
    }

    @Test
    void hostilePostTextCannotMentionAnyoneOrForgeALink() {
        String hostile = "complaint: <!channel> <!here> @channel @here <@U0CEO> <!subteam^S0ALL> "
                + "<https://evil.example|Your refund is here> & more\n> fake quote\n*bold*";
        long id = world.openCase(hostile);

        FakeSlack.Call post = world.slack.calls("chat.postMessage").get(0);
        String everything = post.texts("blocks") + post.get("text");
        assertThat(everything)
                .doesNotContain("<!channel>", "<!here>", "<@U0CEO>", "<!subteam^S0ALL>", "<https://evil.example")
                .contains("&lt;!channel&gt;", "&lt;@U0CEO&gt;", "&lt;https://evil.example|Your refund is here&gt;")
                .contains("&amp; more");
        // The post's second line stays inside the quote.
        assertThat(post.texts("blocks")).contains("\n> &gt; fake quote\n");
        assertThat(post.get("link_names")).isIn(null, "0", "false");
        assertThat(world.core.views.find(id)).isPresent();
    }

    @Test
    void hostileAuthorNamesAndLinksAreEscapedToo() {
        var post = new dev.heed.core.model.Post(
                "hook",
                "x1",
                dev.heed.core.model.Network.X,
                new dev.heed.core.model.Author("@<!here>", "<!channel> <@U0CEO|Boss>", 5L, null),
                "complaint: hello",
                "en",
                world.core.clock.instant(),
                "https://x.example/status/1|Click>",
                null,
                null);
        world.core.ingest.ingest(post);
        world.core.dispatcher.deliverDue();

        FakeSlack.Call card = world.slack.calls("chat.postMessage").get(0);
        String everything = card.texts("blocks") + card.get("text");
        assertThat(everything)
                .doesNotContain("<!channel>", "<!here>", "<@U0CEO", "|Click>")
                .contains("&lt;!channel&gt; &lt;@U0CEO|Boss&gt;", "@&lt;!here&gt;")
                .contains("<https://x.example/status/1%7CClick%3E|Open the post>");
    }

    @Test
    void longPostsAreCutWithinBlockKitLimitsWithALinkToTheOriginal() {
        String text = "complaint: " + "word ".repeat(2000);
        world.openCase(text);

        JsonElement blocks = world.slack.calls("chat.postMessage").get(0).json("blocks");
        for (JsonElement block : blocks.getAsJsonArray()) {
            var section = block.getAsJsonObject();
            if (section.has("text")) {
                assertThat(section.getAsJsonObject("text")
                                .get("text")
                                .getAsString()
                                .length())
                        .isLessThanOrEqualTo(3000);
            }
        }
        assertThat(blocks.getAsJsonArray().size()).isLessThanOrEqualTo(50);
        assertThat(world.slack.calls("chat.postMessage").get(0).texts("blocks"))
                .contains("Read the whole post", "https://social.example/");
    }

    @Test
    void editsTheCardInPlaceOnEveryChange() throws Exception {
        long id = world.openCase("question: are you open on Sunday?");
        world.core.commands.claim(id, new dev.heed.core.model.MemberRef("slack", "U0ANA", "Ana"));
        world.core.dispatcher.deliverDue();

        List<FakeSlack.Call> updates = world.slack.calls("chat.update");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).get("ts")).isEqualTo(world.cardTs(id));
        assertThat(updates.get(0).texts("blocks")).contains("Claimed by <@U0ANA>");
        assertThat(actionIds(updates.get(0).json("blocks")))
                .contains(SlackCards.RELEASE)
                .doesNotContain(SlackCards.CLAIM);
        assertThat(world.slack.calls("chat.postMessage")).hasSize(1);
        assertThat(world.core.views.find(id).orElseThrow().state()).isEqualTo(CaseState.CLAIMED);
    }

    static List<String> actionIds(JsonElement blocks) {
        List<String> ids = new ArrayList<>();
        for (JsonElement block : blocks.getAsJsonArray()) {
            var object = block.getAsJsonObject();
            if (object.has("elements") && "actions".equals(object.get("type").getAsString())) {
                JsonArray elements = object.getAsJsonArray("elements");
                elements.forEach(
                        e -> ids.add(e.getAsJsonObject().get("action_id").getAsString()));
            }
            if (object.has("accessory")) {
                ids.add(object.getAsJsonObject("accessory").get("action_id").getAsString());
            }
        }
        return ids;
    }

    @Test
    void escapingNeverPushesATextPastItsLimit() {
        assertThat(SlackText.inline("&".repeat(1000), 200))
                .hasSizeLessThanOrEqualTo(200)
                .endsWith("…");
        assertThat(SlackText.escapeWithin("<>".repeat(2000), 2800))
                .hasSizeLessThanOrEqualTo(2800)
                .doesNotContain("<", ">")
                .matches("(&lt;&gt;)+(&lt;)?…");
        assertThat(SlackText.link("https://x.example/a|b>c", "Open")).isEqualTo("<https://x.example/a%7Cb%3Ec|Open>");
        assertThat(SlackText.link("javascript:alert(1)", "Open")).isEqualTo("Open");
    }
}
