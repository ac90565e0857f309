package dev.heed.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.heed.core.model.MemberRef;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Slack user ids to team members for commands, reports and the audit trail. The display name comes from
 * {@code users.info} once per user and is cached; when Slack cannot be asked, the name in the request (or the id)
 * is used and the lookup is tried again next time. A lookup gets at most {@code budget} (one second by default):
 * the first click of a new user must still be acknowledged within Slack's three seconds, so a slow
 * {@code users.info} finishes in the background and fills the cache for the next time.
 */
public final class SlackMembers {
    private static final Logger log = LoggerFactory.getLogger(SlackMembers.class);
    private static final int MAX_CACHED = 10_000;

    private static final ExecutorService LOOKUPS = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "heed-slack-users");
        thread.setDaemon(true);
        return thread;
    });

    private final MethodsClient methods;
    private final Duration budget;
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();

    public SlackMembers(MethodsClient methods, Duration budget) {
        this.methods = methods;
        this.budget = budget;
    }

    public SlackMembers(MethodsClient methods) {
        this(methods, Duration.ofSeconds(1));
    }

    /** The member with Slack user id {@code userId}; {@code fallbackName} is used if the lookup fails. */
    public MemberRef member(String userId, String fallbackName) {
        String cached = names.get(userId);
        if (cached != null) {
            return new MemberRef(SlackSettings.PLATFORM, userId, cached);
        }
        CompletableFuture<String> lookup = inFlight.computeIfAbsent(
                userId,
                id -> CompletableFuture.supplyAsync(() -> lookUp(id), LOOKUPS).thenApply(name -> {
                    if (name != null) {
                        remember(id, name);
                    }
                    return name;
                }));
        String name;
        try {
            name = lookup.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            log.debug("users.info for {} is slow; answering with '{}' meanwhile", userId, fallbackName);
            name = null;
        } catch (ExecutionException | InterruptedException failed) {
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            name = null;
        }
        if (lookup.isDone()) {
            inFlight.remove(userId, lookup); // a failed lookup is tried again next time
        }
        return new MemberRef(SlackSettings.PLATFORM, userId, name != null ? name : fallbackName);
    }

    private void remember(String userId, String name) {
        if (names.size() >= MAX_CACHED) {
            names.clear();
        }
        names.put(userId, name);
    }

    private String lookUp(String userId) {
        try {
            UsersInfoResponse info = methods.usersInfo(r -> r.user(userId));
            if (!info.isOk() || info.getUser() == null) {
                log.debug("users.info for {} answered {}", userId, info.getError());
                return null;
            }
            User user = info.getUser();
            User.Profile profile = user.getProfile();
            if (profile != null && notBlank(profile.getDisplayName())) {
                return profile.getDisplayName();
            }
            if (profile != null && notBlank(profile.getRealName())) {
                return profile.getRealName();
            }
            return notBlank(user.getRealName()) ? user.getRealName() : user.getName();
        } catch (Exception e) {
            log.debug("users.info for {} failed: {}", userId, e.toString());
            return null;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
