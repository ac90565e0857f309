package dev.heed.app.web;

import dev.heed.app.HeedProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/** Guards {@code /api/**}: 404 while the API is off, 401 without the right bearer token. */
final class ApiTokenInterceptor implements HandlerInterceptor {
    private final HeedProperties.Api api;

    ApiTokenInterceptor(HeedProperties.Api api) {
        this.api = api;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!api.enabled()) {
            throw new BadRequest(
                    HttpStatus.NOT_FOUND,
                    "api_disabled",
                    "The REST API is off; set heed.api.token to turn it on.",
                    null);
        }
        if (!Tokens.bearerMatches(request.getHeader("Authorization"), api.token())) {
            throw new BadRequest(
                    HttpStatus.UNAUTHORIZED, "unauthorized", "Send 'Authorization: Bearer <heed.api.token>'.", null);
        }
        return true;
    }
}
