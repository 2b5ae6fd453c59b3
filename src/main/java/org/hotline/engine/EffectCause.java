package org.hotline.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Why the engine changed a variable. An {@link Effect} carries the cause's words as its {@code reason}
 * (as stored rows and the wire always have); {@link #of} maps those words back to the cause, so that
 * callers match a constant, never prose. An inject's effects read {@code inject: <title>}.
 */
public enum EffectCause {
    PROPOSAL_RENEGED("accepted proposal not honoured"),
    RED_LINE_DECLARED("red line declared"),
    RED_LINE_BROKEN_AUDIENCE_COST("red line broken: audience cost"),
    RED_LINE_BROKEN_RESOLVE_DOUBTED("red line broken: resolve doubted"),
    RED_LINE_KEPT("red line kept under pressure"),
    READING_OF_MOVES("reading of the other side's moves"),
    OWN_BUILDUP("cost of own buildup"),
    OWN_FORCE("cost of own use of force"),
    OTHER_SIDE_BUILDUP("the other side's buildup"),
    USE_OF_FORCE("use of force"),
    FORCE_AGAINST_IT("use of force against it"),
    OWN_DRAWDOWN("own drawdown"),
    OTHER_SIDE_DRAWDOWN("the other side's drawdown"),
    CONCESSION("concession"),
    SPIRAL("mutual hardline spiral"),
    ADVANTAGE_PRESSED("advantage pressed"),
    TALKS_BROKEN_OFF("talks broken off by a hardline move"),
    BOTH_REACH_OUT("both sides reach out"),
    AGREEMENT_REAFFIRMED("agreement reaffirmed"),
    TALKS_STALLED_BY_MISREADING("talks stalled by a misreading"),
    AGREEMENT_CONCLUDED("agreement concluded"),
    TERMS_OF_AGREEMENT("terms of agreement: the balance moves toward what was paid for"),
    AGREEMENT_LOWERS_COSTS("an agreement in force lowers the costs of competing"),
    ALLIES_AGAINST_PREFERENCE("allies pushed against their preference"),
    ALLIES_ALIGNED("working through willing allies"),
    ALLIES_FRAY("a frayed alliance leaves more of the burden"),
    CHAMPION_MADE("a visible success makes a champion"),
    VISIBLE_SUCCESS("a visible success"),
    TALKS_WITHOUT_AGREEMENT("talks continue without agreement"),
    TALKS_CONTINUE("talks continue"),
    RESOLVE_FADES("impressions of resolve fade"),
    RESOLVE_SHOWN("hardline moves show resolve"),
    EMBOLDENING("emboldening: concessions read as weakness"),
    CONSTITUENCY("a champion builds a constituency"),
    BACKLASH("backlash: reaching out while the rival competes elsewhere"),
    AGREEMENTS_REASSURE("agreements in force reassure"),
    TRENDS("trends run against it"),
    CORE_UNRESOLVED("core concern unresolved"),
    AGREEMENT_LAPSED("agreement lapsed"),
    PROXY_INCIDENT("proxy incident"),
    CRISIS("tension past the crisis threshold"),
    CORE_FLARES("an unresolved core concern flares at high tension"),
    CRISIS_EASED("tension eased below the crisis level"),
    CONFLICT("crisis escalated to conflict"),
    /** Words {@code inject: <title>}; the title follows the prefix. */
    INJECT("inject");

    private static final String INJECT_PREFIX = "inject: ";
    private static final Map<String, EffectCause> BY_TEXT = new HashMap<>();

    static {
        for (EffectCause cause : values()) {
            BY_TEXT.put(cause.text, cause);
        }
    }

    private final String text;

    EffectCause(String text) {
        this.text = text;
    }

    /** The words an effect of this cause carries as its reason. */
    public String text() {
        return text;
    }

    /** The reason of an effect of an inject with this title. */
    public static String injectReason(String title) {
        return INJECT_PREFIX + title;
    }

    /** The cause behind an effect's reason; empty for a reason the engine did not write (a facilitator's edit). */
    public static Optional<EffectCause> of(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        if (reason.startsWith(INJECT_PREFIX)) {
            return Optional.of(INJECT);
        }
        return Optional.ofNullable(BY_TEXT.get(reason));
    }

    public static Optional<EffectCause> of(Effect effect) {
        return of(effect.reason());
    }
}
