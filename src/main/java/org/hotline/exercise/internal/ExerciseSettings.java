package org.hotline.exercise.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Exercises (hotline.exercise.*).
 *
 * @param snapshotEvery Events between two snapshots of an exercise's state (one is also taken when it ends), so that a restart replays at most that many.
 */
@ConfigurationProperties("hotline.exercise")
public record ExerciseSettings(@DefaultValue("200") int snapshotEvery) {
}
