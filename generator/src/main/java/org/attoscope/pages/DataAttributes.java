package org.attoscope.pages;

import java.util.Map;
import java.util.Set;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * {@code atto:attrs="${map}"}: writes every entry of a map as an attribute, in the map's order, escaped like any
 * attribute Thymeleaf writes. Thymeleaf's own {@code th:attr} takes a fixed list of names; a lesson figure's
 * provenance ({@code data-capture}, {@code data-tensor}, ...) depends on its directive, so the code computes the
 * map and the template writes it.
 */
final class DataAttributes extends AbstractProcessorDialect {
    static final String PREFIX = "atto";

    DataAttributes() {
        super("attoscope", PREFIX, 1000);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new Attrs(dialectPrefix));
    }

    private static final class Attrs extends AbstractAttributeTagProcessor {
        Attrs(String prefix) {
            super(TemplateMode.HTML, prefix, null, false, "attrs", true, 1000, true);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                                 String attributeValue, IElementTagStructureHandler structure) {
            Object value = StandardExpressions.getExpressionParser(context.getConfiguration())
                    .parseExpression(context, attributeValue).execute(context);
            if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    if (v != null) {
                        structure.setAttribute(k.toString(), HtmlEscape.escapeHtml4Xml(v.toString()));
                    }
                });
            }
        }
    }
}
