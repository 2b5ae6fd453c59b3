package org.hotline.exercise.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Exercises (hotline.exercise.*).
 *
 * @param snapshotEvery Events between two snapshots of an exercise's state (one is also taken at every turn's results), so that a restart replays little.
 */
@ConfigurationProperties("hotline.exercise")
public record ExerciseSettings(@DefaultValue("200") int snapshotEvery) {
}
