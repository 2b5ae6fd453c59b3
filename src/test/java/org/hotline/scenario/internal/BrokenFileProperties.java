package org.hotline.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever is done to a valid file, loading never throws: the file either loads whole or is refused
 * with problems that each name the file, a line inside it and a field; the other file still loads.
 */
class BrokenFileProperties {

    private static final String VALID = Fixtures.file("fixtures/scenarios/valid.yaml").text().get();
    private static final List<String> LINES = VALID.lines().toList();

    /** One edit of the valid text: which line, what to do, and the text to put in. */
    record Edit(int line, int kind, String insert) {

        String apply() {
            List<String> lines = new ArrayList<>(LINES);
            String old = lines.get(line);
            switch (kind) {
                case 0 -> lines.remove(line);
                case 1 -> lines.add(line, old);
                case 2 -> lines.set(line, old.substring(0, Math.min(old.length(), insert.length())) + insert);
                case 3 -> lines.set(line, old.replaceFirst(":\\s.*", ": " + insert));
                default -> lines.set(line, "  " + old);
            }
            return String.join("\n", lines).replace("id: valid\n", "id: edited\n");
        }
    }

    @Provide
    Arbitrary<Edit> edits() {
        Arbitrary<String> inserts = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc:-[]{}&*!|>'\"#,. 0123456789").ofMaxLength(12),
                Arbitraries.of(".inf", ".nan", "-1e309", "0x1F", "1_000", "~", "null", "*anchor", "&a x", "[", "{a: 1",
                        "tension", "PRESS", "yes", "2e2", "-0", "99999999999999999999"));
        return Combinators.combine(Arbitraries.integers().between(0, LINES.size() - 1),
                Arbitraries.integers().between(0, 4), inserts).as(Edit::new);
    }

    @Property(tries = 200)
    void anEditedFileLoadsWholeOrIsRefusedWithPlacedProblems(@ForAll("edits") Edit edit) {
        String text = edit.apply();

        ScenarioLibrary library = Fixtures.load(Fixtures.text("other.yaml", VALID), Fixtures.text("edited.yaml", text));

        assertThat(library.find("valid")).as("the other file still loads").isPresent();
        int lines = (int) text.lines().count() + 1;
        assertThat(library.problems()).allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("edited.yaml");
            assertThat(problem.line()).isBetween(0, lines);
            assertThat(problem.field()).isNotBlank();
            assertThat(problem.message()).isNotBlank().doesNotContain("Exception");
        });
        boolean loaded = library.scenarios().size() == 2;
        assertThat(loaded).as("loaded whole, or refused with a reason").isEqualTo(library.problems().isEmpty());
    }
}
