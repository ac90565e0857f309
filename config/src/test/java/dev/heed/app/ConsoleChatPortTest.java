package dev.heed.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.chat.CaseView;
import dev.heed.core.testing.Casework;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsoleChatPortTest {
    private final Casework work = new Casework();

    @Test
    void aCardShowsWhoWhatWhyWhenAndTheSuggestedReplies() {
        long id = work.open("complaint: the soup was cold and the waiter was rude");
        work.commands.claim(id, Casework.ANA);
        CaseView view = work.views.find(id).orElseThrow();

        String card = new ConsoleChatPort(ZoneOffset.UTC, work.clock).render("NEW CARD", Casework.CHANNEL, view);

        assertThat(card)
                .contains("NEW CARD #care | case #" + id + " | Complaint, normal priority | claimed by Ana")
                .contains("\"complaint: the soup was cold and the waiter was rude\"")
                .contains("Why: test marker 'complaint'")
                .contains("Detected Mon 09:00:00, due Mon 09:30:00")
                .contains("[1] Thanks: Thanks for telling us.");
    }
}
