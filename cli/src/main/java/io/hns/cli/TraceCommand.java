package io.hns.cli;

import picocli.CommandLine.Command;

/** {@code hns trace}: work with load traces (docs/traces.md). */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = "Read load traces in several formats, transform them, and show their shape.",
    subcommands = {TraceInspectCommand.class})
public final class TraceCommand {}
