package org.attoscope.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoscope.InputException;
import org.attoscope.util.Sha256;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The site's Thymeleaf templates, read from the templates folder ({@code NAME.html}), with template errors
 * reported as the author's file and line.
 */
final class Templates implements Fragments {
    /** Every page template the build renders, and the shared layout they include. */
    static final List<String> REQUIRED = List.of("layout", "home", "stories", "story", "how-it-works", "not-found");
    /**
     * A fragment expression naming another template: {@code ~{why :: panel}} or {@code ~{layout}}. {@code ~{::x}} and
     * {@code ~{this :: x}} name the template they are in.
     */
    private static final Pattern INCLUDE = Pattern.compile("~\\{\\s*([A-Za-z0-9_-]+)\\s*(?:::|})");

    private final Path dir;
    private final TemplateEngine engine;
    private final Map<String, TemplateFile> fileHashes;
    private final String fingerprint;

    private Templates(Path dir, TemplateEngine engine, Map<String, TemplateFile> fileHashes) {
        this.dir = dir;
        this.engine = engine;
        this.fileHashes = fileHashes;
        StringBuilder all = new StringBuilder();
        fileHashes.forEach((name, file) -> all.append(name).append('=').append(file.sha256()).append(';'));
        this.fingerprint = all.toString();
    }

    static Templates open(Path dir) {
        return open(dir, null);
    }

    /**
     * The templates in {@code dir}; {@code known} itself, with Thymeleaf's parsed templates warm, when it was opened
     * on the same folder holding the same files byte for byte.
     */
    static Templates open(Path dir, Templates known) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, "the templates folder does not exist.", "pass --templates with the folder holding the site's .html templates.");
        }
        for (String name : REQUIRED) {
            if (!Files.isRegularFile(dir.resolve(name + ".html"))) {
                throw new InputException(dir.resolve(name + ".html"), "the template is missing.",
                        "restore it from the repository's templates/ folder; the build needs " + String.join(", ", REQUIRED) + ".");
            }
        }
        Map<String, TemplateFile> hashes = hashes(dir);
        requireIncluded(dir, hashes);
        if (known != null && known.dir.equals(dir) && known.fileHashes.equals(hashes)) {
            return known;
        }
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(dir.toAbsolutePath().normalize() + "/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(new DataAttributes());
        return new Templates(dir, engine, hashes);
    }

    /**
     * What a page rendered from {@code template} depends on among the templates: its own file and every template
     * that defines a {@code th:fragment} (the layout), since any page may include those. Two builds with equal
     * fingerprints render the template's pages identically.
     */
    String fingerprint(String template) {
        StringBuilder sb = new StringBuilder();
        fileHashes.forEach((name, file) -> {
            if (name.equals(template) || file.definesFragments()) {
                sb.append(name).append('=').append(file.sha256()).append(';');
            }
        });
        return sb.toString();
    }

    /** Every template file with its sha256: what any fragment, which may include any template, can depend on. */
    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /** A template's hash, whether it defines fragments, and the templates it includes by name. */
    private record TemplateFile(String sha256, boolean definesFragments, List<Include> includes) {
    }

    /** {@code template} named in a fragment expression at {@code line} (1-based). */
    private record Include(String template, int line) {
    }

    /**
     * Fails on the first include of a template the folder does not have, naming the including file and line: Thymeleaf
     * itself would only say, at the first page that reaches it, that some file cannot be opened.
     */
    private static void requireIncluded(Path dir, Map<String, TemplateFile> files) {
        files.forEach((name, file) -> {
            for (Include include : file.includes()) {
                if (!include.template().equals("this") && !files.containsKey(include.template())) {
                    throw new InputException(dir.resolve(name + ".html"), include.line(),
                            "includes the template " + include.template() + ".html, which is not in the templates folder " + dir + ".",
                            "restore " + include.template() + ".html from the repository's templates/ folder, or remove the include.");
                }
            }
        });
    }

    private static List<Include> includes(String text) {
        List<Include> out = new ArrayList<>();
        Matcher m = INCLUDE.matcher(text);
        int line = 1;
        int counted = 0;
        while (m.find()) {
            for (; counted < m.start(); counted++) {
                if (text.charAt(counted) == '\n') {
                    line++;
                }
            }
            out.add(new Include(m.group(1), line));
        }
        return List.copyOf(out);
    }

    private static Map<String, TemplateFile> hashes(Path dir) {
        Map<String, TemplateFile> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".html")).filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                byte[] bytes = Files.readAllBytes(f);
                String text = new String(bytes, StandardCharsets.UTF_8);
                out.put(name.substring(0, name.length() - ".html".length()),
                        new TemplateFile(Sha256.hex(bytes), text.contains("th:fragment"), includes(text)));
            }
        } catch (IOException e) {
            throw new InputException(dir, "cannot read the templates: " + e.getMessage() + ".", "check the folder's permissions.");
        }
        return out;
    }

    Path dir() {
        return dir;
    }

    String render(String template, Map<String, Object> variables) {
        return process(new TemplateSpec(template, (Set<String>) null, (TemplateMode) null, null), template, variables);
    }

    /** One {@code th:fragment} of {@code template}, alone. */
    @Override
    public String fragment(String template, String fragment, Map<String, Object> variables) {
        return process(new TemplateSpec(template, Set.of(fragment), TemplateMode.HTML, null), template, variables);
    }

    private String process(TemplateSpec spec, String template, Map<String, Object> variables) {
        if (!fileHashes.containsKey(template)) {
            throw new InputException(dir.resolve(template + ".html"), "the template is missing: the build renders pages or figures with it.",
                    "restore " + template + ".html from the repository's templates/ folder into " + dir + ".");
        }
        Context context = new Context(Locale.ROOT, variables);
        try {
            return engine.process(spec, context);
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
