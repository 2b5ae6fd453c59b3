package org.hotline.access;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.access.internal.AdminAccount;
import org.hotline.access.internal.FailedAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first facilitator account: from configuration, or made with a one-time setup token printed at
 * start while no account exists. There is never a default password.
 */
@Component
public class FirstAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAccount.class);

    private final Access access;
    private final FailedAttempts failedAttempts;
    private final AdminAccount admin;
    private final AtomicReference<String> setupToken = new AtomicReference<>();

    public FirstAccount(Access access, FailedAttempts failedAttempts, AdminAccount admin) {
        this.access = access;
        this.failedAttempts = failedAttempts;
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (access.anyAccount()) {
            return;
        }
        if (admin.given()) {
            access.createAccount(admin.username(), admin.password(), EnumSet.of(Role.FACILITATOR));
            log.info("Created the first facilitator account '{}' from configuration", admin.username());
            return;
        }
        String token = Secrets.token();
        setupToken.set(token);
        log.warn("No facilitator account yet. Hotline setup token: {}  (POST /api/setup "
                + "{{\"token\":\"...\",\"username\":\"...\",\"password\":\"...\"}} once; it is void afterwards)", token);
    }

    /** Uses the setup token once to create the first facilitator account; wrong tokens are counted per client address. */
    public synchronized Caller setup(String token, String username, String password, String clientAddress) {
        failedAttempts.check(FailedAttempts.Kind.SETUP, clientAddress);
        String expected = setupToken.get();
        if (expected == null || access.anyAccount() || token == null || !Secrets.hash(expected).equals(Secrets.hash(token))) {
            failedAttempts.record(FailedAttempts.Kind.SETUP, clientAddress);
            throw new AccessRefused(403, "FORBIDDEN", "No valid setup token (it is void once an account exists)");
        }
        Caller caller = access.createAccount(username, password, EnumSet.of(Role.FACILITATOR));
        setupToken.set(null);
        return caller;
    }
}
