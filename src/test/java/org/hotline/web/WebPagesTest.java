package org.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rules the client keeps so that its Content-Security-Policy can forbid inline script and so that
 * nothing a user typed is ever parsed as HTML; checked on the files, without a browser.
 */
class WebPagesTest {

    private static final Path WEB = Path.of("web");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);

    @Test
    void pagesCarryNoInlineScriptButTheSharedImportMap() throws IOException {
        List<Path> pages = files(".html");
        assertThat(pages).extracting(p -> p.getFileName().toString())
                .contains("index.html", "player.html", "facilitator.html", "observer.html", "notetaker.html");
        String importMap = null;
        for (Path page : pages) {
            String html = Files.readString(page);
            assertThat(html).as(page + ": no inline event handlers").doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
            assertThat(html).as(page + ": no javascript: URLs").doesNotContainIgnoringCase("javascript:");
            assertThat(html).as(page + ": no inline styles").doesNotContainPattern("(?i)<style|\\sstyle\\s*=");
            Matcher scripts = SCRIPT.matcher(html);
            while (scripts.find()) {
                String attributes = scripts.group(1);
                String body = scripts.group(2);
                if (attributes.contains("importmap")) {
                    importMap = importMap == null ? body : importMap;
                    assertThat(body).as(page + ": every page has the same import map (its hash is in the CSP)").isEqualTo(importMap);
                } else {
                    assertThat(attributes).as(page + ": scripts are files").contains("src=");
                    assertThat(body).as(page + ": scripts are files").isBlank();
                }
            }
        }
    }

    @Test
    void scriptsNeverParseHtmlOrEvaluateText() throws IOException {
        for (Path script : files(".js")) {
            String js = Files.readString(script);
            assertThat(js).as(script.toString())
                    .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write").doesNotContainPattern("\\beval\\(").doesNotContain("new Function(")
                    .doesNotContain("setAttribute('style'");
        }
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(WEB)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
