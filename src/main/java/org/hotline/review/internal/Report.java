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

    /** {@code findings} are catalogue ids (docs/design.md section 5); {@code turns} where it was seen. */
    record Observation(String title, String observation, String analysis, String recommendation, List<String> findings,
                       List<Integer> turns) {
    }

    record PlanRow(String area, String correctiveAction, List<String> findings, String responsible, String start, String completion) {
    }

    /** A facilitator's edit with every missing text made empty and every missing list made empty. */
    Report cleaned(String exerciseId) {
        Overview o = overview;
        Overview overview = new Overview(text(o.title()), text(o.scenario()), o.caseStudy(), text(o.dates()), text(o.mode()),
                list(o.participants()), list(o.objectives()), text(o.summary()));
        return new Report(exerciseId, overview, observations(strengths), observations(improvements),
                plan.stream().map(p -> new PlanRow(text(p.area()), text(p.correctiveAction()), list(p.findings()), text(p.responsible()),
                        text(p.start()), text(p.completion()))).toList(), null, null, null);
    }

    private static List<Observation> observations(List<Observation> list) {
        return list.stream().map(x -> new Observation(text(x.title()), text(x.observation()), text(x.analysis()),
                text(x.recommendation()), list(x.findings()), list(x.turns()))).toList();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : value.stream().filter(java.util.Objects::nonNull).toList();
    }

    Report stamped(String editedBy, Instant edited, Instant released) {
        return new Report(exerciseId, overview, strengths, improvements, plan, editedBy, edited, released);
    }
}
