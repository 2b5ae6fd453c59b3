package org.hotline.exercise.internal;

import org.hotline.engine.Adjudicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine is plain Java; the exercise module makes it a bean. */
@Configuration
class EngineConfig {

    @Bean
    Adjudicator adjudicator() {
        return Adjudicator.create();
    }
}
