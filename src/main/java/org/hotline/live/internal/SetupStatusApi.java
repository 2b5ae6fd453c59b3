package org.hotline.live.internal;

import java.util.Map;
import org.hotline.access.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whether the server still waits for its first account, so the start page offers "First start" only then. */
@RestController
class SetupStatusApi {

    private final Access access;

    SetupStatusApi(Access access) {
        this.access = access;
    }

    @GetMapping("/api/setup")
    Map<String, Boolean> status() {
        return Map.of("needed", !access.anyAccount());
    }
}
