package io.hns.model.scheduler;

import java.util.List;
import java.util.Map;

/**
 * One node's verdict for one pod: feasible or the filter reasons; per-plugin normalized scores
 * (0..100, before weights) and the weighted total.
 */
public record NodeEvaluation(String node, boolean feasible, List<String> reasons, Map<String, Long> scores, long total) {}
