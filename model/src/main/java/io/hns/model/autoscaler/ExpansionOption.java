package io.hns.model.autoscaler;

import io.hns.model.cluster.Pod;
import io.hns.model.port.NodeGroup;
import java.util.List;

/**
 * One way to scale up (CA {@code expander.Option}): add {@code nodeCount} nodes to {@code group},
 * which would hold {@code pods}.
 */
record ExpansionOption(NodeGroup group, NodeTemplate template, int nodeCount, List<Pod> pods) {}
