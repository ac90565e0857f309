package dev.heed.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.heed.core.model.MemberRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Slack user ids to team members for commands, reports and the audit trail. The display name comes from
 * {@code users.info} once per user and is cached; when Slack cannot be asked, the name in the request (or the id)
 * is used and the lookup is tried again next time.
 */
public final class SlackMembers {
    private static final Logger log = LoggerFactory.getLogger(SlackMembers.class);
    private static final int MAX_CACHED = 10_000;

    private final MethodsClient methods;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public SlackMembers(MethodsClient methods) {
        this.methods = methods;
    }

    /** The member with Slack user id {@code userId}; {@code fallbackName} is used if the lookup fails. */
    public MemberRef member(String userId, String fallbackName) {
        String cached = names.get(userId);
        if (cached != null) {
            return new MemberRef(SlackSettings.PLATFORM, userId, cached);
        }
        String name = lookUp(userId);
        if (name != null) {
            if (names.size() >= MAX_CACHED) {
                names.clear();
            }
            names.put(userId, name);
            return new MemberRef(SlackSettings.PLATFORM, userId, name);
        }
        return new MemberRef(SlackSettings.PLATFORM, userId, fallbackName);
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
