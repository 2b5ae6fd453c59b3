/**
 * After-action review: the timeline, turn-by-turn replay and decision log read from an exercise's
 * event log, the after-action report, exports and imports of the log, and branching from any turn.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package org.hotline.review;
