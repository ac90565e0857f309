package dev.heed.core.testing;

import dev.heed.core.chat.CaseView;
import dev.heed.core.classification.SuggestedReply;
import dev.heed.core.model.Author;
import dev.heed.core.model.CaseState;
import dev.heed.core.model.Kind;
import dev.heed.core.model.MemberRef;
import dev.heed.core.model.Network;
import dev.heed.core.model.Post;
import dev.heed.core.model.Priority;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Cases whose every outside field (text, names, links, reasons, replies) comes from a hostile generator. */
public final class HostileCases {
    public static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private HostileCases() {}

    /**
     * @param hostile the platform's nasty strings
     * @param owners owners, hostile names included
     * @param links the author's profile link and the post's permalink
     * @param maxSuggestions how many suggested replies at most
     */
    public static Arbitrary<CaseView> views(
            Arbitrary<String> hostile, Arbitrary<MemberRef> owners, Arbitrary<String> links, int maxSuggestions) {
        Arbitrary<String> h = hostile;
        Arbitrary<Post> posts = Combinators.combine(h, h, h, links)
                .as((text, handle, name, link) -> new Post(
                        "hook",
                        "p1",
                        Network.X,
                        new Author("@a" + handle, name, 12L, link),
                        text,
                        "en",
                        NOW,
                        link,
                        null,
                        null));
        Arbitrary<List<SuggestedReply>> replies =
                Combinators.combine(h, h).as(SuggestedReply::new).list().ofMaxSize(maxSuggestions);
        return Combinators.combine(posts, h.list().ofMaxSize(4), owners, Arbitraries.of(CaseState.class), replies, h, h)
                .as((post, reasons, owner, state, suggestions, reply, dismiss) -> new CaseView(
                        7,
                        Kind.COMPLAINT,
                        0.9,
                        reasons,
                        Priority.HIGH,
                        reasons,
                        state,
                        owner,
                        NOW.plusSeconds(900),
                        post,
                        1,
                        NOW,
                        NOW,
                        NOW,
                        NOW,
                        null,
                        NOW.plusSeconds(1800),
                        NOW.plusSeconds(1800),
                        reply,
                        dismiss,
                        suggestions,
                        1));
    }
}
