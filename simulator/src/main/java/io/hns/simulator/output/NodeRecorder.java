package io.hns.simulator.output;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.StateListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Follows every node from registration to deletion and yields the rows of nodes.csv. */
public final class NodeRecorder implements StateListener {
  private static final class Row {
    String node;
    String pool;
    String kind;
    String vmSize;
    long created;
    long ready = -1;
    long deleted = -1;
  }

  private final ClusterState state;
  private final Map<String, Row> rows = new LinkedHashMap<>();

  public NodeRecorder(ClusterState state) {
    this.state = state;
  }

  /** A node asked for but not registered yet: its creation starts the clock (and the bill). */
  public void instanceRequested(String nodeName, String pool, String vmSize, long time) {
    Row r = rows.computeIfAbsent(nodeName, n -> new Row());
    r.node = nodeName;
    r.pool = pool;
    r.kind = NodeKind.VM.label();
    r.vmSize = vmSize;
    r.created = time;
  }

  @Override
  public void nodeAdded(Node node) {
    Row r = rows.get(node.name());
    if (r == null) {
      r = new Row();
      r.node = node.name();
      r.created = state.now();
      r.kind = node.kind().label();
      String pool = node.labels().get("agentpool");
      r.pool = pool == null ? "" : pool;
      String size = node.labels().get("node.kubernetes.io/instance-type");
      r.vmSize = size == null ? "" : size;
      rows.put(node.name(), r);
    }
    nodeUpdated(node, node);
  }

  @Override
  public void nodeUpdated(Node before, Node after) {
    Row r = rows.get(after.name());
    if (r != null && after.ready() && r.ready < 0) {
      r.ready = state.now();
    }
  }

  @Override
  public void nodeRemoved(Node node) {
    Row r = rows.get(node.name());
    if (r != null) {
      r.deleted = state.now();
    }
  }

  public List<NodeRecord> records() {
    List<NodeRecord> out = new ArrayList<>();
    for (Row r : rows.values()) {
      out.add(new NodeRecord(r.node, r.pool, r.kind, r.vmSize, r.created, r.ready, r.deleted));
    }
    return out;
  }
}
