package dev.heed.core.casework;

import static dev.heed.core.testing.Casework.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.core.chat.RouteTable;
import dev.heed.core.support.Db;
import dev.heed.core.testing.Casework;
import dev.heed.core.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps everything accepted across a restart: cases, pending chat messages, nudge state. */
class FileDatabaseRestartTest {

    @TempDir
    Path directory;

    @Test
    void whatWasAcceptedBeforeARestartIsDeliveredAfterItExactlyOnce() {
        Casework before =
                new Casework(new Db(TestDatabase.inFiles(directory)), RouteTable.to(Casework.CHANNEL), List.of());
        before.chat.failNext(1_000, null); // chat is down until the restart
        long id = before.open("complaint: parcel never arrived");
        before.commands.claim(id, ANA);
        before.dispatcher.deliverDue();
        assertThat(before.chat.published()).isEmpty();

        // A new process: new connections to the same files, a fresh chat port.
        Casework after =
                new Casework(new Db(TestDatabase.inFiles(directory)), RouteTable.to(Casework.CHANNEL), List.of());
        after.clock.set(before.clock.instant().plusSeconds(30));
        after.dispatcher.deliverDue();
        after.advance(Duration.ofMinutes(21));
        after.tick();
        after.tick();

        assertThat(after.chat.published()).singleElement().satisfies(card -> {
            assertThat(card.card().id()).isEqualTo(id);
            assertThat(card.card().owner()).isEqualTo(ANA);
        });
        assertThat(after.chat.nudges()).hasSize(1);
        assertThat(after.dispatcher.status().pending()).isZero();
    }
}
