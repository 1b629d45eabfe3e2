package org.attoscope.verify;

import static org.attoscope.verify.SharedChecker.HTML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoscope.content.SiteConfig;
import org.attoscope.content.Story;
import org.attoscope.figures.CellEncoder;
import org.attoscope.figures.ColorScale;
import org.attoscope.figures.ValueKind;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.PageFigures;
import org.attoscope.pages.RenderedFigure;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.testing.TestModels;
import org.attoscope.testing.TinyBundle;
import org.attoscope.trace.PromptTrace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier is a second opinion: a bug planted in the renderer's colour scale, its label formatting, its engine or
 * its trace is built into a site through the build's own seams (the figures it is given, the model it runs), and
 * verification, which is handed none of those components, catches each one. And the verifier's code does not call
 * the renderer's code for anything it checks.
 */
class IndependenceTest {
    private static final Pattern CELL = Pattern.compile("data-bits='([0-9a-f]{8})'");

    @TempDir
    static Path dir;
    static TestSite site;

    @BeforeAll
    static void buildTheHonestSite() {
        site = TestSite.build(dir, HTML);
    }

    @Test
    void theVerifierUsesNoneOfTheRenderersCodeForWhatItChecks() throws IOException {
        List<String> renderer = List.of("figures.CellEncoder", "figures.CellCheck", "figures.ColorScale", "figures.SequentialScale",
                "figures.DivergingScale", "figures.ValueLabels", "figures.DrawnCells", "figures.LabelColours", "figures.Rgb",
                "figures.Argmax", "trace.Tracer", "trace.NextTokenDistribution", "pages.PointsJson", "pages.StoryExcerpt",
                "pages.Numbers", "model.RmsNorm", "model.QkvTable", "model.Gemm", "model.BlockTail", "model.AttentionWindow",
                "model.Explainer");
        List<String> uses = new ArrayList<>();
        Path verify = TestModels.repoRoot().resolve("generator/src/main/java/org/attoscope/verify");
        try (Stream<Path> files = Files.walk(verify)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                for (String r : renderer) {
                    if (text.contains("org.attoscope." + r + ";") || text.contains("org.attoscope." + r + ".")) {
                        uses.add(verify.relativize(f) + " uses " + r);
                    }
                }
                // the fast engine replays captures bit for bit; nothing else in the verifier may run it
                if (text.contains("import org.attoscope.model.AttoGpt;") && !f.endsWith("SiteVerification.java")) {
                    uses.add(verify.relativize(f) + " runs the fast engine");
                }
            }
        }
        assertEquals(List.of(), uses);
    }

    @Test
    void aColourScaleBugInTheRendererIsCaught() {
        // the planted bug: the renderer paints weights with a diverging scale's colours under a sequential data-scale
        Path built = buildWith(site.bundle, figures(svg -> recolour(svg, ColorScale.diverging(1))));
        List<String> findings = verify(built);
        assertTrue(findings.stream().anyMatch(f -> f.contains(": fill #") && f.contains("by the verifier's own reading of sequential[0,1]")),
                findings.toString());
    }

    @Test
    void aLabelFormattingBugInTheRendererIsCaught() {
        // the planted bug: labels rounded half-up to 5 significant digits instead of half-even to 6
        Path built = buildWith(site.bundle, figures(IndependenceTest::fiveDigitLabels));
        List<String> findings = verify(built);
        assertTrue(findings.stream().anyMatch(f -> f.contains("by FORMATS.md section 6")), findings.toString());
    }

    @Test
    void anEngineBugIsCaught() throws IOException {
        // the planted bug: an engine that computes with other weights (here, a different seed's), as a kernel that
        // read the wrong rows would; the verifier runs the real model with its own forward pass
        ModelBundle wrong = ModelBundle.load(new TinyBundle().seed(8).writeTo(dir.resolve("wrong-model")));
        Path built = buildWith(wrong, new FiguresForTests(site.content.resolve("captures")));
        List<String> findings = verify(built);
        assertTrue(findings.stream().anyMatch(f -> f.contains("embedded points of cat-and-dog") && f.contains("from an independent forward pass")),
                findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.contains("explorer panel")), findings.toString());
    }

    @Test
    void aTraceBugIsCaught() throws IOException {
        // the planted bug: a tracer that numbers the actual next token's rank from 0 instead of 1
        Path built = buildWith(site.bundle, new FiguresForTests(site.content.resolve("captures")));
        Path page = built.resolve("explore/cat-and-dog/index.html");
        Matcher rank = Pattern.compile("\"rank\":(\\d+)").matcher(Files.readString(page));
        StringBuilder sb = new StringBuilder();
        while (rank.find()) {
            rank.appendReplacement(sb, "\"rank\":" + (Integer.parseInt(rank.group(1)) - 1));
        }
        rank.appendTail(sb);
        Files.writeString(page, sb.toString());
        List<String> findings = verify(built);
        assertTrue(findings.stream().anyMatch(f -> f.contains(".next.rank: 0 on the page, 1 from an independent forward pass")), findings.toString());
    }

    private static List<String> verify(Path built) {
        return TestSite.lines(site.verification(site.content, HTML).check(built, site.pages()).findings());
    }

    private static int builds;

    private static Path buildWith(ModelBundle bundle, PageFigures figures) {
        Path out = dir.resolve("planted-" + (++builds));
        new SiteBuild(new SiteBuild.Folders(site.content, site.templates, out), SiteConfig.load(site.content), bundle, figures,
                SiteVerifier.NONE, w -> { }, 2).run();
        return out;
    }

    /** The test's figures with one component of the renderer replaced by a planted bug. */
    private static PageFigures figures(UnaryOperator<String> bug) {
        FiguresForTests honest = new FiguresForTests(site.content.resolve("captures"));
        return new PageFigures() {
            @Override
            public List<RenderedFigure> storyFigures(Story story, PromptTrace trace) {
                return honest.storyFigures(story, trace).stream().map(f -> new RenderedFigure(bug.apply(f.svg()), f.title(), f.caption())).toList();
            }

            @Override
            public List<RenderedFigure> explainerFigures(ModelBundle bundle) {
                return honest.explainerFigures(bundle).stream().map(f -> new RenderedFigure(bug.apply(f.svg()), f.title(), f.caption())).toList();
            }
        };
    }

    /** Each cell's fill as the renderer's own encoder gives it under the wrong scale. */
    private static String recolour(String svg, ColorScale wrong) {
        StringBuilder out = new StringBuilder();
        for (String part : svg.split("(?=<g class='cell')", -1)) {
            Matcher bits = CELL.matcher(part);
            float v = bits.find() ? Float.intBitsToFloat(Integer.parseUnsignedInt(bits.group(1), 16)) : Float.NaN;
            if (part.startsWith("<g class='cell'") && v >= 0 && v <= 1) {
                var c = CellEncoder.encode(v, wrong, ValueKind.FLOAT).fill();
                part = part.replaceFirst("fill:rgb\\(\\d+,\\d+,\\d+\\)", "fill:rgb(" + c.red() + "," + c.green() + "," + c.blue() + ")");
            }
            out.append(part);
        }
        return out.toString();
    }

    private static String fiveDigitLabels(String svg) {
        Matcher m = Pattern.compile(">\u2248(-?[0-9.]+)<").matcher(svg);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String five = new BigDecimal(m.group(1)).round(new MathContext(5, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
            m.appendReplacement(sb, ">\u2248" + five + "<");
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
