package org.hotline.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first facilitator account, made at start while no account exists (hotline.admin.*). Left empty,
 * the server prints a one-time setup token instead; there is never a default password.
 *
 * @param username The first facilitator's user name (environment variable HOTLINE_ADMIN_USERNAME).
 * @param password The first facilitator's password, at least 10 characters (environment variable HOTLINE_ADMIN_PASSWORD).
 */
@ConfigurationProperties("hotline.admin")
public record AdminAccount(@DefaultValue("") String username, @DefaultValue("") String password) {

    public boolean given() {
        return !username.isBlank() && !password.isBlank();
    }
}
