package io.hns.cli;

import picocli.CommandLine.Command;

/** {@code hns explain}: the model's rules applied to real manifests, one decision at a time. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain one decision of the Kubernetes rules on real manifests.",
    subcommands = {ExplainPlacementCommand.class, ExplainScaleDownCommand.class, ExplainHpaCommand.class})
public final class ExplainCommand {}
