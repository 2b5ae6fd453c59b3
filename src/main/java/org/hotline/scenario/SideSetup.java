package org.hotline.scenario;

/**
 * A side's label, brief and starting values. Fields the design tracks for one side only
 * (perceivedResolve and strain for the weaker side, burden and allianceCohesion for the stronger)
 * are ignored on the other.
 *
 * @param brief    the brief's summary as plain text (what older clients show)
 * @param briefing the whole structured brief (summary, priorities, red lines, chips, linkages, constraints)
 */
public record SideSetup(
        String label,
        String brief,
        double trust,
        double threatPerception,
        double domesticSupport,
        boolean champion,
        double perceivedResolve,
        double strain,
        double burden,
        double allianceCohesion,
        Brief briefing) {

    /** A side whose brief is a summary only. */
    public SideSetup(String label, String brief, double trust, double threatPerception, double domesticSupport,
            boolean champion, double perceivedResolve, double strain, double burden, double allianceCohesion) {
        this(label, brief, trust, threatPerception, domesticSupport, champion, perceivedResolve, strain, burden,
                allianceCohesion, Brief.summaryOnly(brief));
    }
}
