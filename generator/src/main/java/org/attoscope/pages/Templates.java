package org.attoscope.pages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attoscope.InputException;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The site's Thymeleaf templates, read from the templates folder ({@code NAME.html}), with template errors
 * reported as the author's file and line.
 */
final class Templates {
    /** Every page template the build renders, and the shared layout they include. */
    static final List<String> REQUIRED = List.of("layout", "home", "stories", "story", "how-it-works", "not-found");

    private final Path dir;
    private final TemplateEngine engine;

    private Templates(Path dir, TemplateEngine engine) {
        this.dir = dir;
        this.engine = engine;
    }

    static Templates open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, "the templates folder does not exist.", "pass --templates with the folder holding the site's .html templates.");
        }
        for (String name : REQUIRED) {
            if (!Files.isRegularFile(dir.resolve(name + ".html"))) {
                throw new InputException(dir.resolve(name + ".html"), "the template is missing.",
                        "restore it from the repository's templates/ folder; the build needs " + String.join(", ", REQUIRED) + ".");
            }
        }
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(dir.toAbsolutePath().normalize() + "/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return new Templates(dir, engine);
    }

    Path dir() {
        return dir;
    }

    String render(String template, Map<String, Object> variables) {
        Context context = new Context(Locale.ROOT, variables);
        try {
            return engine.process(template, context);
        } catch (TemplateProcessingException e) {
            String name = e.getTemplateName() != null ? e.getTemplateName() : template;
            Path file = name.endsWith(".html") ? Path.of(name) : dir.resolve(name + ".html");
            int line = e.getLine() != null ? e.getLine() : 0;
            String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            InputException problem = new InputException(file, line, "the template cannot be rendered: " + firstLine(cause) + ".",
                    "fix the Thymeleaf expression or markup at that line; templates use th:* attributes with ${...} expressions.");
            problem.initCause(e);
            throw problem;
        }
    }

    private static String firstLine(String s) {
        String t = s == null ? "unknown error" : s.strip();
        int nl = t.indexOf('\n');
        t = nl < 0 ? t : t.substring(0, nl);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
