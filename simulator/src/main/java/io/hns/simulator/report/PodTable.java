package io.hns.simulator.report;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.simulator.state.ClusterState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl get pods -o wide} for a namespace of the simulated cluster: NAME, READY, STATUS,
 * RESTARTS, AGE, NODE. Large namespaces are summarised by node instead of listed.
 */
public final class PodTable {
  static final int MAX_ROWS = 60;

  private PodTable() {}

  public static void print(PrintWriter out, ClusterState state, String namespace, String title) {
    List<Pod> pods = new ArrayList<>();
    for (Pod p : state.pods()) {
      if (p.namespace().equals(namespace)) {
        pods.add(p);
      }
    }
    out.printf("%n# t=%s  %s  (kubectl get pods -o wide -n %s)%n", seconds(state.now()), title, namespace);
    if (pods.isEmpty()) {
      out.println("No resources found in " + namespace + " namespace.");
      return;
    }
    if (pods.size() > MAX_ROWS) {
      java.util.Map<String, Integer> byNode = new java.util.TreeMap<>();
      pods.forEach(p -> byNode.merge(p.isAssigned() ? p.nodeName() : "<none>", 1, Integer::sum));
      byNode.forEach((n, c) -> out.printf("  %5d pods on %s%n", c, n));
      return;
    }
    int width = Math.max(4, pods.stream().mapToInt(p -> p.name().length()).max().orElse(4));
    out.printf("%-" + width + "s  %-5s  %-17s  %-8s  %-6s  %s%n", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "NODE");
    for (Pod p : pods) {
      int containers = p.spec().containers().size();
      out.printf("%-" + width + "s  %-5s  %-17s  %-8d  %-6s  %s%n", p.name(),
          (p.isReady() ? containers : 0) + "/" + containers, status(p, state), p.restartCount(),
          age(state.now() - p.creationTime()), p.isAssigned() ? p.nodeName() : "<none>");
    }
    out.flush();
  }

  /** The STATUS column as kubectl prints it. */
  static String status(Pod p, ClusterState state) {
    if (p.isDeleting()) {
      return "Terminating";
    }
    if (!p.reason().isEmpty()) {
      return p.reason();
    }
    if (!p.isAssigned()) {
      return "Pending";
    }
    return switch (p.phase()) {
      case PENDING -> {
        Node n = state.node(p.nodeName());
        yield n != null && n.kind() == io.hns.model.cluster.NodeKind.VIRTUAL ? "Waiting" : "ContainerCreating";
      }
      case RUNNING -> "Running";
      default -> p.phase().wireName();
    };
  }

  /** kubectl's age: 45s, 5m2s, 3h4m, 2d3h. */
  static String age(long ms) {
    long s = Math.max(0, ms / 1000);
    if (s < 120) return s + "s";
    if (s < 600) return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    if (s < 3 * 3600) return (s / 60) + "m";
    if (s < 48 * 3600) return (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : (s % 3600) / 60 + "m");
    return (s / 86400) + "d" + ((s % 86400) / 3600 == 0 ? "" : (s % 86400) / 3600 + "h");
  }

  static String seconds(long ms) {
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms / 1000.0 + "s";
  }
}
