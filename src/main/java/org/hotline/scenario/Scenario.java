package org.hotline.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A playable scenario, loaded and validated from a file in exercises/ (see docs/scenarios.md).
 *
 * @param issuesPerTurn how many issues a team may move on per turn; 0 means every issue
 * @param allowedMoves  the moves any team may use in this scenario
 * @param rulebook      the effective rulebook: the shared file with this scenario's overrides
 * @param track         the historical track where the scenario is a case study
 * @param caseStudy     CS1..CS4 where it is one, otherwise empty
 * @param source        the file it came from (for messages and the review)
 */
public record Scenario(
        String id,
        String title,
        String summary,
        String facilitatorBrief,
        Optional<String> caseStudy,
        int turns,
        String turnLength,
        int issuesPerTurn,
        Map<Side, SideSetup> sides,
        double tension,
        Context context,
        List<Issue> issues,
        List<Inject> injects,
        Set<Move> allowedMoves,
        Optional<HistoricalTrack> track,
        Rulebook rulebook,
        String source) {

    public String label(Side side) {
        return sides.get(side).label();
    }

    public Optional<Issue> issue(String issueId) {
        return issues.stream().filter(i -> i.id().equals(issueId)).findFirst();
    }

    public Optional<Inject> inject(String injectId) {
        return injects.stream().filter(i -> i.id().equals(injectId)).findFirst();
    }
}
