package org.hotline.engine;

import org.junit.jupiter.api.Test;

class AnalystProbesTest {

    @Test
    void printsTheProbes() {
        AnalystProbes.main(new String[0]);
    }
}
