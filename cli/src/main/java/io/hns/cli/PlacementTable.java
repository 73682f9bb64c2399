package io.hns.cli;

import io.hns.model.scheduler.NodeEvaluation;
import io.hns.model.scheduler.Placement;
import io.hns.model.scheduler.SchedulerProfile;
import io.hns.model.scheduler.WeightedScorer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The terminal form of a placement explanation: a table and a sentence per losing node. */
final class PlacementTable {
  private final SchedulerProfile profile;
  private final Placement placement;
  private final Map<String, Integer> weights = new LinkedHashMap<>();

  PlacementTable(SchedulerProfile profile, Placement placement) {
    this.profile = profile;
    this.placement = placement;
    for (WeightedScorer w : profile.scorers()) {
      weights.merge(w.plugin().name(), w.weight(), Integer::sum);
    }
  }

  void print(PrintWriter out, String podKey) {
    out.printf("Pod %s, scheduler profile %s%n%n", podKey, profile.name());
    int nameWidth = Math.max(4, placement.evaluations().stream().mapToInt(e -> e.node().length()).max().orElse(4));
    StringBuilder header = new StringBuilder(String.format("%-" + nameWidth + "s  %-8s", "NODE", "FEASIBLE"));
    for (Map.Entry<String, Integer> w : weights.entrySet()) {
      header.append(String.format("  %s(x%d)", abbreviate(w.getKey()), w.getValue()));
    }
    header.append("  TOTAL");
    out.println(header);
    for (NodeEvaluation e : placement.evaluations()) {
      StringBuilder row = new StringBuilder(String.format("%-" + nameWidth + "s  %-8s", e.node(), e.feasible() ? "yes" : "no"));
      if (e.feasible()) {
        for (Map.Entry<String, Integer> w : weights.entrySet()) {
          String col = abbreviate(w.getKey()) + "(x" + w.getValue() + ")";
          row.append(String.format("  %" + col.length() + "d", e.scores().getOrDefault(w.getKey(), 0L)));
        }
        row.append(String.format("  %5d", e.total()));
      } else {
        row.append("  ").append(String.join(", ", e.reasons()));
      }
      out.println(row);
    }
    out.println();
    if (!placement.scheduled()) {
      out.println("Unschedulable: " + placement.failureMessage());
      out.flush();
      return;
    }
    NodeEvaluation winner = find(placement.node());
    out.printf("Selected: %s (total %d)%n", winner.node(), winner.total());
    for (NodeEvaluation e : placement.evaluations()) {
      if (!e.feasible() || e == winner) {
        continue;
      }
      out.printf("  %s lost by %d: %s%n", e.node(), winner.total() - e.total(), why(winner, e));
    }
    if (placement.ranking().size() > 1 && find(placement.ranking().get(1)).total() == winner.total()) {
      out.println("  (a tie on total score: the winner was drawn at random with the given --seed)");
    }
    out.flush();
  }

  /** The weighted per-plugin differences, largest first: what made the loser lose. */
  private String why(NodeEvaluation winner, NodeEvaluation loser) {
    List<String> parts = new ArrayList<>();
    weights.entrySet().stream()
        .map(w -> Map.entry(w.getKey(), (winner.scores().getOrDefault(w.getKey(), 0L)
            - loser.scores().getOrDefault(w.getKey(), 0L)) * w.getValue()))
        .filter(d -> d.getValue() != 0)
        .sorted((a, b) -> Long.compare(Math.abs(b.getValue()), Math.abs(a.getValue())))
        .forEach(d -> parts.add(d.getKey() + " " + (d.getValue() > 0 ? "+" : "") + d.getValue() + " for the winner"));
    return parts.isEmpty() ? "equal scores" : String.join(", ", parts);
  }

  private NodeEvaluation find(String name) {
    return placement.evaluations().stream().filter(e -> e.node().equals(name)).findFirst().orElseThrow();
  }

  private static String abbreviate(String plugin) {
    return switch (plugin) {
      case "NodeResourcesBalancedAllocation" -> "Balanced";
      case "NodeResourcesFit" -> "Fit";
      case "PodTopologySpread" -> "Spread";
      case "InterPodAffinity" -> "PodAffinity";
      case "TaintToleration" -> "Taint";
      default -> plugin;
    };
  }
}
