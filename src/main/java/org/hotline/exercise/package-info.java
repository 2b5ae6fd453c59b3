/**
 * Exercises: lifecycle and phases, commands, the append-only event log, the state projected from it,
 * deadlines and snapshots.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exercises")
package org.hotline.exercise;
