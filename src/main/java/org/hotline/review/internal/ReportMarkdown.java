package org.hotline.review.internal;

import java.util.List;

/** The report as Markdown: the same sections as the printable page, tables for the plan. */
final class ReportMarkdown {

    private ReportMarkdown() {
    }

    static String of(Report r) {
        StringBuilder md = new StringBuilder();
        Report.Overview o = r.overview();
        md.append("# After-action report: ").append(line(o.title())).append("\n\n");
        md.append(r.released() == null ? "_Draft, not yet released to the players._\n\n" : "_Released " + r.released() + "._\n\n");
        md.append("## Overview\n\n");
        md.append("- **Scenario:** ").append(line(o.scenario()));
        if (o.caseStudy() != null) {
            md.append(" (").append(o.caseStudy()).append(")");
        }
        md.append("\n- **Dates:** ").append(line(o.dates())).append("\n- **Adjudication:** ").append(o.mode()).append('\n');
        md.append("- **Participants:** ").append(o.participants().isEmpty() ? "none recorded" : line(String.join(", ", o.participants())))
                .append("\n\n");
        md.append("### Objectives\n\n");
        o.objectives().forEach(x -> md.append("- ").append(line(x)).append('\n'));
        md.append("\n### Summary\n\n").append(o.summary()).append("\n\n");
        section(md, "Strengths", r.strengths());
        section(md, "Areas for improvement", r.improvements());
        md.append("## Improvement plan\n\n");
        md.append("| Area for improvement | Corrective action | Findings | Responsible | Start | Completion |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Report.PlanRow row : r.plan()) {
            md.append("| ").append(cell(row.area())).append(" | ").append(cell(row.correctiveAction())).append(" | ")
                    .append(cell(String.join(", ", row.findings()))).append(" | ").append(cell(row.responsible())).append(" | ")
                    .append(cell(row.start())).append(" | ").append(cell(row.completion())).append(" |\n");
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<Report.Observation> observations) {
        md.append("## ").append(title).append("\n\n");
        if (observations.isEmpty()) {
            md.append("None drawn from the log.\n\n");
        }
        int n = 1;
        for (Report.Observation x : observations) {
            md.append("### ").append(n++).append(". ").append(line(x.title())).append("\n\n");
            part(md, "Observation", x.observation());
            part(md, "Analysis", x.analysis());
            part(md, "Recommendation", x.recommendation());
            if (!x.findings().isEmpty()) {
                md.append("_Findings: ").append(String.join(", ", x.findings())).append("; turns: ")
                        .append(x.turns().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("-")).append("_\n\n");
            }
        }
    }

    /** A part left empty in the editor is left out, not written as a bare heading. */
    private static void part(StringBuilder md, String head, String text) {
        if (text != null && !text.isBlank()) {
            md.append("**").append(head).append(".** ").append(text).append("\n\n");
        }
    }

    private static String line(String text) {
        return text == null ? "" : text.replace('\n', ' ');
    }

    private static String cell(String text) {
        return line(text).replace("|", "\\|");
    }
}
