package dev.heed.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.response.Response;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.MemberRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /care} subcommands as signed slash-command requests through the real Bolt app. */
class CareCommandTest {
    private SlackWorld world;

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    private JsonObject answer(Response response) {
        assertThat(response.getStatusCode()).isEqualTo(200);
        return JsonParser.parseString(response.getBody()).getAsJsonObject();
    }

    private String text(Response response) {
        return answer(response).get("text").getAsString();
    }

    @Test
    void statusShowsTheTeamsSituationPrivatelyUnlessPublic() throws Exception {
        world = new SlackWorld();
        world.openCase("complaint: cold coffee");
        long b = world.openCase("question: open on Sunday?");
        world.core.commands.claim(b, new MemberRef("slack", "U0ANA", "Ana"));

        JsonObject quiet = answer(world.command("U0ANA", "status"));
        assertThat(quiet.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(quiet.get("text").getAsString())
                .contains("2 open: 1 unclaimed, 1 claimed", "1 complaint, 1 question", "Ana 1");

        JsonObject loud = answer(world.command("U0ANA", "status public"));
        assertThat(loud.get("response_type").getAsString()).isEqualTo("in_channel");
    }

    @Test
    void queueListsWaitingCasesSoonestFirstAndFiltersByKind() throws Exception {
        world = new SlackWorld();
        long question = world.openCase("question: open on Sunday?"); // due in 60 min
        long complaint = world.openCase("complaint: cold coffee"); // due in 30 min

        String all = text(world.command("U0ANA", "queue"));
        assertThat(all.indexOf("#" + complaint)).isLessThan(all.indexOf("#" + question));
        assertThat(all).contains("due in 30 min", "due in 1 h");

        String complaints = text(world.command("U0ANA", "queue complaints"));
        assertThat(complaints).contains("#" + complaint).doesNotContain("#" + question + " ");

        assertThat(text(world.command("U0ANA", "queue nonsense"))).startsWith("Usage: `/care queue");
    }

    @Test
    void mineListsOnlyTheCallersCases() throws Exception {
        world = new SlackWorld();
        long mine = world.openCase("complaint: cold coffee");
        long theirs = world.openCase("question: open on Sunday?");
        world.react("reaction_added", "U0ANA", "eyes", mine);
        world.react("reaction_added", "U0BEN", "eyes", theirs);

        String answer = text(world.command("U0ANA", "mine"));

        assertThat(answer).contains("#" + mine).doesNotContain("#" + theirs + " ");
    }

    @Test
    void reportIsAnsweredThroughTheResponseUrl() throws Exception {
        world = new SlackWorld();
        long id = world.openCase("complaint: cold coffee");
        world.core.advance(Duration.ofMinutes(12));
        world.react("reaction_added", "U0ANA", "white_check_mark", id);

        String ack = text(world.command("U0ANA", "report week"));
        assertThat(ack).contains("Working on the week report");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !world.slack.calls("response").isEmpty());
        FakeSlack.Call report = world.slack.calls("response").get(0);
        assertThat(report.get("text")).contains("last 7 days", "1 case", "median 12 min", "Name of U0ANA");

        assertThat(text(world.command("U0ANA", "report decade"))).startsWith("Usage: `/care report");
    }

    @Test
    void assignGivesTheCaseToTheMentionedPerson() throws Exception {
        world = new SlackWorld();
        long id = world.openCase("complaint: cold coffee");

        String answer = text(world.command("U0BOSS", "assign " + id + " <@U0ANA|ana>"));

        assertThat(answer).contains("Reassigned to Name of U0ANA");
        assertThat(world.core.views.find(id).orElseThrow().owner().id()).isEqualTo("U0ANA");
        assertThat(text(world.command("U0BOSS", "assign " + id + " ana"))).startsWith("Usage: `/care assign");
        assertThat(text(world.command("U0BOSS", "assign 999 <@U0ANA>"))).contains("There is no case #999");
    }

    @Test
    void assignAndReportCanBeLimitedToManagers() throws Exception {
        world = new SlackWorld(s -> s.withManagers(List.of("U0BOSS"), List.of("assign", "report")));
        long id = world.openCase("complaint: cold coffee");

        assertThat(text(world.command("U0ANA", "assign " + id + " <@U0ANA>"))).contains("Only managers");
        assertThat(text(world.command("U0ANA", "report"))).contains("Only managers");
        assertThat(text(world.command("U0BOSS", "assign " + id + " <@U0ANA>"))).contains("Reassigned");
    }

    @Test
    void snoozeSilencesACase() throws Exception {
        world = new SlackWorld();
        long id = world.openCase("complaint: cold coffee");

        String answer = text(world.command("U0ANA", "snooze " + id + " 45m"));

        assertThat(answer).contains("Snoozed");
        assertThat(world.core.views.find(id).orElseThrow().snoozedUntil())
                .isEqualTo(world.core.clock.instant().plus(Duration.ofMinutes(45)));
        assertThat(text(world.command("U0ANA", "snooze " + id))).startsWith("Usage: `/care snooze");
        assertThat(text(world.command("U0ANA", "snooze " + id + " soon"))).startsWith("Usage: `/care snooze");
    }

    @Test
    void findSearchesPostsAndEscapesWhatItShows() throws Exception {
        world = new SlackWorld();
        long hit = world.openCase("complaint: refund <!channel> please");
        world.openCase("question: open on Sunday?");

        String answer = text(world.command("U0ANA", "find refund"));

        assertThat(answer).contains("#" + hit, "&lt;!channel&gt;").doesNotContain("<!channel>");
        assertThat(text(world.command("U0ANA", "find"))).startsWith("Usage: `/care find");
        assertThat(text(world.command("U0ANA", "find zebra"))).contains("No case matches");
    }

    @Test
    void helpUnknownAndEmptyCommandsAnswerWithUsage() throws Exception {
        world = new SlackWorld();

        assertThat(text(world.command("U0ANA", "help"))).contains("/care status", "/care queue", "/care find");
        assertThat(text(world.command("U0ANA", ""))).contains("/care status");
        String unknown = text(world.command("U0ANA", "dance"));
        assertThat(unknown).contains("I don't know `/care dance`", "/care help").doesNotContain("Exception");
        assertThat(world.core.views.queue(10)).isEmpty();
        assertThat(CaseState.NEW).isNotNull();
    }

    @Test
    void sourcesListsTheSourcesAsTheCoreRendersThem() throws Exception {
        world = new SlackWorld();

        assertThat(text(world.command("U0ANA", "sources"))).isEqualTo("*Sources*\nNo sources are configured.");
        assertThat(text(world.command("U0ANA", "help"))).contains("/care sources");
    }
}
