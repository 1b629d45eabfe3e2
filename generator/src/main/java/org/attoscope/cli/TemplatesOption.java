package org.attoscope.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --templates DIR}: the site's Thymeleaf templates and assets. */
final class TemplatesOption {
    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates", description = "templates folder (default: ${DEFAULT-VALUE})")
    Path templates;
}
