package org.hotline.review.internal;

import java.time.Instant;
import java.util.List;

/**
 * An after-action report in the HSEEP shape: overview, strengths and areas for improvement (each an
 * observation, its analysis and a recommendation), and an improvement plan. Drafted from the log;
 * the facilitator edits it before releasing it.
 */
record Report(String exerciseId, Overview overview, List<Observation> strengths, List<Observation> improvements,
              List<PlanRow> plan, String editedBy, Instant edited, Instant released) {

    record Overview(String title, String scenario, String caseStudy, String dates, String mode, List<String> participants,
                    List<String> objectives, String summary) {
    }

    /** {@code findings} are catalogue ids (DESIGN.md section 5); {@code turns} where it was seen. */
    record Observation(String title, String observation, String analysis, String recommendation, List<String> findings,
                       List<Integer> turns) {
    }

    record PlanRow(String area, String correctiveAction, List<String> findings, String responsible, String start, String completion) {
    }

    Report stamped(String editedBy, Instant edited, Instant released) {
        return new Report(exerciseId, overview, strengths, improvements, plan, editedBy, edited, released);
    }
}
